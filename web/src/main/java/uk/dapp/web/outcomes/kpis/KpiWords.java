package uk.dapp.web.outcomes.kpis;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import uk.dapp.client.gateway.model.KpiBreakdown;
import uk.dapp.client.gateway.model.KpiKind;
import uk.dapp.client.gateway.model.KpiTable;

/**
 * How the KPI report's names and numbers read on a page, in one place, so that a chart's labels
 * and its table's cells are the same words: each table's title ({@code kpi.<name>} in
 * messages.properties, else its name), its unit, a figure (a rate as a percentage, other figures
 * with thousands separators), a period ("January to March 2026") and an area ("Northshire").
 */
@Component
public class KpiWords {

    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final String UNKNOWN = "UNKNOWN";
    private static final String NOT_REFERRED = "NOT_REFERRED";

    private final MessageSource messages;

    public KpiWords(MessageSource messages) {
        this.messages = messages;
    }

    public String title(String name) {
        return messages.getMessage("kpi." + name, null, name, Locale.UK);
    }

    /** The column heading of a table's figures: "People", "Harm days", "Percentage"... */
    public String unit(KpiTable table) {
        if (table.getKind() == KpiKind.RATE) {
            return "Percentage";
        }
        String unit = table.getUnit() == null ? "" : table.getUnit();
        return unit.isEmpty() ? "Figure" : Character.toUpperCase(unit.charAt(0)) + unit.substring(1);
    }

    /** A published figure as the chart and the table both print it. */
    public String number(KpiTable table, BigDecimal value) {
        if (table.getKind() == KpiKind.RATE) {
            return format(value.movePointRight(2)) + "%";
        }
        return format(value);
    }

    /** A figure, or its mark when the API did not publish it. */
    public String text(KpiTable table, KpiValue value) {
        return value.isShown() ? number(table, value.value()) : value.mark().symbol();
    }

    private static String format(BigDecimal value) {
        DecimalFormat format = new DecimalFormat("#,##0.#", DecimalFormatSymbols.getInstance(Locale.UK));
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value);
    }

    /** "March 2026", "January to March 2026", "2026", or "Period not known". */
    public String period(String column) {
        if (UNKNOWN.equals(column)) {
            return "Period not known";
        }
        Matcher month = MONTH.matcher(column);
        if (month.matches()) {
            return monthName(Integer.parseInt(month.group(2))) + " " + month.group(1);
        }
        Matcher quarter = QUARTER.matcher(column);
        if (quarter.matches()) {
            int first = (Integer.parseInt(quarter.group(2)) - 1) * 3 + 1;
            return monthName(first) + " to " + monthName(first + 2) + " " + quarter.group(1);
        }
        return column;
    }

    /**
     * A row of a report as people read it: an area or region ({@link #area}), a programme by its code
     * ("DRIVE-1TO1"), or a referral source by its name ("Children's social care"); cases with no
     * referral, or whose row is not known, say so.
     */
    public String row(KpiBreakdown breakdown, String row) {
        if (breakdown == null || breakdown == KpiBreakdown.AREA) {
            return area(row);
        }
        if (NOT_REFERRED.equals(row)) {
            return "No programme referral";
        }
        if (breakdown == KpiBreakdown.PROGRAMME) {
            return UNKNOWN.equals(row) ? "Programme not known" : row;
        }
        return UNKNOWN.equals(row)
                ? "Referral source not known"
                : messages.getMessage("enum.ReferralSource." + row, null, row, Locale.UK);
    }

    /** An area or region as people write it: "NORTHSHIRE" reads "Northshire". */
    public String area(String row) {
        return switch (row) {
            case UNKNOWN -> "Area not known";
            case "OTHER" -> "Other areas";
            default ->
                Arrays.stream(row.toLowerCase(Locale.UK).split(" ", -1))
                        .map(word -> word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1))
                        .collect(Collectors.joining(" "));
        };
    }

    private static String monthName(int month) {
        return Month.of(month).getDisplayName(TextStyle.FULL, Locale.UK);
    }
}
