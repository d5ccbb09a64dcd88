package uk.dapp.web.outcomes.kpis;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.dapp.client.gateway.model.KpiAreaLevel;
import uk.dapp.client.gateway.model.KpiBreakdown;
import uk.dapp.client.gateway.model.KpiKind;
import uk.dapp.client.gateway.model.KpiReport;
import uk.dapp.client.gateway.model.KpiTable;

/**
 * Reads the figures of a KPI report ({@code GET /api/outcomes/kpis}) as the gateway published them,
 * and says why a figure it left out (null) is missing, from what docs/kpis.md says of each kind:
 * a count of 1 to the threshold is hidden, and more counts are hidden with it (secondary
 * suppression: the answer does not say which); a sum is hidden where the count of people it adds
 * up is; a rate where its numerator or denominator is (or is not applicable where the denominator
 * is 0); a median where its count is (or not applicable where the count is 0). It decides nothing:
 * a figure the API published is shown, one it did not is not.
 */
final class KpiReading {

    /** A row or column index meaning "all of them": the totals. */
    static final int ALL = -1;

    private static final String NOT_PUBLISHED = "not published";

    private final KpiReport report;
    private final Map<String, KpiTable> tables = new LinkedHashMap<>();
    private final KpiWords words;

    KpiReading(KpiReport report, KpiWords words) {
        this.report = report;
        this.words = words;
        report.getTables().forEach(table -> tables.put(table.getName(), table));
    }

    KpiReport report() {
        return report;
    }

    /** What the report's rows are: areas (the API's default), programmes or referral sources. */
    KpiBreakdown breakdown() {
        return report.getBreakdown() == null ? KpiBreakdown.AREA : report.getBreakdown();
    }

    /** The rows' heading: "Area", "Region", "Programme" or "Referral source". */
    String dimension() {
        return switch (breakdown()) {
            case PROGRAMME -> "Programme";
            case REFERRAL_SOURCE -> "Referral source";
            default -> report.getAreaLevel() == KpiAreaLevel.REGION ? "Region" : "Area";
        };
    }

    /** The label of the row of totals: "All areas", "All programmes"... */
    String allRows() {
        return switch (dimension()) {
            case "Region" -> "All regions";
            case "Programme" -> "All programmes";
            case "Referral source" -> "All referral sources";
            default -> "All areas";
        };
    }

    /** A row as people read it. */
    String rowLabel(KpiTable table, int row) {
        return words.row(breakdown(), table.getRows().get(row));
    }

    List<KpiTable> tables() {
        return List.copyOf(tables.values());
    }

    KpiTable table(String name) {
        return tables.get(name);
    }

    /** The figure of a row (or {@link #ALL} rows) in a column (or {@link #ALL} periods). */
    KpiValue value(KpiTable table, int row, int column) {
        BigDecimal published = raw(table, row, column);
        if (published != null) {
            return KpiValue.shown(published);
        }
        String rowLabel = row == ALL ? null : table.getRows().get(row);
        String columnLabel = column == ALL ? null : table.getColumns().get(column);
        return switch (table.getKind()) {
            case COUNT -> KpiValue.hidden(smallCount(), smallCountBrief());
            case SUM -> hiddenWith(table, 0, rowLabel, columnLabel);
            case RATE -> {
                BigDecimal denominator = based(table, 1, rowLabel, columnLabel);
                if (denominator != null && denominator.signum() == 0) {
                    yield KpiValue.notApplicable("no one to measure ("
                            + words.title(table.getBasedOn().get(1)) + ": 0)");
                }
                KpiValue numerator = hiddenWith(table, 0, rowLabel, columnLabel);
                yield numerator.reason().equals(NOT_PUBLISHED)
                        ? hiddenWith(table, 1, rowLabel, columnLabel)
                        : numerator;
            }
            case MEDIAN -> {
                BigDecimal count = based(table, 0, rowLabel, columnLabel);
                yield count != null && count.signum() == 0
                        ? KpiValue.notApplicable("no one to measure")
                        : hiddenWith(table, 0, rowLabel, columnLabel);
            }
        };
    }

    /** Hidden because the count it is based on is hidden in the same place, if it is. */
    private KpiValue hiddenWith(KpiTable table, int basedOn, String row, String column) {
        if (table.getBasedOn().size() > basedOn
                && tables.containsKey(table.getBasedOn().get(basedOn))
                && based(table, basedOn, row, column) == null) {
            return KpiValue.hidden(
                    "based on a hidden count (" + words.title(table.getBasedOn().get(basedOn)) + ")",
                    "based on a hidden count");
        }
        return KpiValue.hidden(NOT_PUBLISHED, NOT_PUBLISHED);
    }

    private BigDecimal based(KpiTable table, int basedOn, String row, String column) {
        if (table.getBasedOn().size() <= basedOn) {
            return null;
        }
        KpiTable other = tables.get(table.getBasedOn().get(basedOn));
        if (other == null) {
            return null;
        }
        int r = row == null ? ALL : other.getRows().indexOf(row);
        int c = column == null ? ALL : other.getColumns().indexOf(column);
        return (row != null && r < 0) || (column != null && c < 0) ? null : raw(other, r, c);
    }

    /** The API says only that a count is hidden, not whether it was small or hidden to protect another. */
    private String smallCount() {
        return fewerThan() + ", or secondary suppression";
    }

    private String smallCountBrief() {
        return fewerThan() + " or secondary";
    }

    private String fewerThan() {
        Integer threshold =
                report.getSuppression() == null ? null : report.getSuppression().getThreshold();
        return threshold == null ? "a small number of people" : "fewer than " + (threshold + 1) + " people";
    }

    static BigDecimal raw(KpiTable table, int row, int column) {
        if (row == ALL && column == ALL) {
            return table.getGrandTotal();
        }
        if (row == ALL) {
            return at(table.getColumnTotals(), column);
        }
        if (column == ALL) {
            return at(table.getRowTotals(), row);
        }
        return row < table.getCells().size() ? at(table.getCells().get(row), column) : null;
    }

    private static BigDecimal at(List<BigDecimal> values, int index) {
        return values != null && index >= 0 && index < values.size() ? values.get(index) : null;
    }

    static boolean isRate(KpiTable table) {
        return table.getKind() == KpiKind.RATE;
    }
}
