package uk.dapp.web.outcomes.kpis;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import uk.dapp.client.gateway.api.OutcomeKpisApi;
import uk.dapp.client.gateway.model.KpiAreaLevel;
import uk.dapp.client.gateway.model.KpiBreakdown;
import uk.dapp.client.gateway.model.KpiPeriod;
import uk.dapp.client.gateway.model.KpiTable;
import uk.dapp.web.errors.PageNotFoundException;
import uk.dapp.web.gateway.GatewayException.RejectedRequestException;

/**
 * The evaluator's dashboard of the outcome KPIs ({@code GET /api/outcomes/kpis}): the headline
 * KPIs as charts by area or region, programme or referral source, each with the table of its figures
 * beside it and the outcome framework's comparison figure where the API gives one, filtered by the
 * length of the periods, the rows (areas, programmes, referral sources), areas or regions, and the period shown; and each KPI table on a page of
 * its own, by area, by period, and whole. Figures are the gateway's, already suppressed: the pages
 * show what it published, and for what it did not, the mark and the reason, never a zero.
 */
@Controller
public class KpiController {

    /** The partnerships' headline KPIs (docs/domain/evaluator-outcomes.md), charted on the dashboard. */
    static final List<String> HEADLINES = List.of(
            "referredToProgramme",
            "effectiveCompletionRate",
            "repeatVictims",
            "harmChange",
            "catchAndConvictPositiveOutcomeRate",
            "lessAbuseRate",
            "reducedRiskRate",
            "feelingSaferRate",
            "betterQualityOfLifeRate");

    private final OutcomeKpisApi kpis;
    private final KpiWords words;

    public KpiController(OutcomeKpisApi kpis, KpiWords words) {
        this.kpis = kpis;
        this.words = words;
    }

    @GetMapping("/outcomes")
    String dashboard(@ModelAttribute("filters") KpiFilters filters, BindingResult errors, Model model) {
        model.addAttribute("action", "/outcomes");
        KpiReading reading = read(filters, errors, model);
        if (reading == null) {
            return "outcomes/kpis/dashboard";
        }
        int column = column(reading, filters);
        List<KpiChart> charts = new ArrayList<>();
        for (String name : HEADLINES) {
            KpiTable table = reading.table(name);
            if (table != null) {
                charts.add(KpiChart.byRow(reading, words, table, column));
            }
        }
        model.addAttribute("page", page(reading, filters, column, charts, null, null));
        return "outcomes/kpis/dashboard";
    }

    @GetMapping("/outcomes/kpis/{name}")
    String table(
            @PathVariable String name,
            @ModelAttribute("filters") KpiFilters filters,
            BindingResult errors,
            Model model) {
        model.addAttribute("action", "/outcomes/kpis/" + name);
        KpiReading reading = read(filters, errors, model);
        if (reading == null) {
            return "outcomes/kpis/table";
        }
        KpiTable table = reading.table(name);
        if (table == null) {
            throw new PageNotFoundException("no KPI table " + name);
        }
        int column = column(reading, filters);
        model.addAttribute("backLink", filters.on("/outcomes"));
        model.addAttribute(
                "page",
                page(
                        reading,
                        filters,
                        column,
                        List.of(KpiChart.byRow(reading, words, table, column)),
                        KpiChart.byPeriod(reading, words, table),
                        full(reading, table)));
        return "outcomes/kpis/table";
    }

    private KpiReading read(KpiFilters filters, BindingResult errors, Model model) {
        model.addAttribute("periodLengths", KpiPeriod.values());
        model.addAttribute("areaLevels", KpiAreaLevel.values());
        model.addAttribute("breakdowns", KpiBreakdown.values());
        if (errors.hasErrors()) {
            return null;
        }
        try {
            KpiReading reading = new KpiReading(
                    kpis.getOutcomeKpis(null, filters.getPeriod(), filters.getAreaLevel(), filters.getBreakdown()),
                    words);
            // the form shows what the report is for (the API's defaults when none was chosen)
            filters.setPeriod(reading.report().getPeriod());
            filters.setAreaLevel(reading.report().getAreaLevel());
            filters.setBreakdown(reading.breakdown());
            return reading;
        } catch (RejectedRequestException rejected) {
            rejected.problem().addTo(errors);
            return null;
        }
    }

    /** The column of the period shown, or all periods; every table of a report has the same columns. */
    private static int column(KpiReading reading, KpiFilters filters) {
        if (filters.getShown() == null || reading.tables().isEmpty()) {
            return KpiReading.ALL;
        }
        return reading.tables().getFirst().getColumns().indexOf(filters.getShown());
    }

    private KpiPage page(
            KpiReading reading,
            KpiFilters filters,
            int column,
            List<KpiChart> charts,
            KpiChart byPeriod,
            KpiPage.FullTable full) {
        List<String> columns = reading.tables().isEmpty()
                ? List.of()
                : reading.tables().getFirst().getColumns();
        List<KpiPage.Option> periods = columns.stream()
                .map(c -> new KpiPage.Option(c, words.period(c)))
                .toList();
        boolean missing = filters.getShown() != null && column == KpiReading.ALL;
        if (missing) {
            filters.setShown(null);
        }
        List<KpiPage.TableLink> links = reading.tables().stream()
                .map(table -> new KpiPage.TableLink(
                        table.getName(), words.title(table.getName()), filters.on("/outcomes/kpis/" + table.getName())))
                .toList();
        String rule = reading.report().getSuppression() == null
                ? null
                : reading.report().getSuppression().getRule();
        return new KpiPage(
                reading.report().getAsOf(),
                rule,
                periods,
                column == KpiReading.ALL ? "all periods" : words.period(columns.get(column)),
                missing,
                charts,
                links,
                byPeriod,
                full);
    }

    private KpiPage.FullTable full(KpiReading reading, KpiTable table) {
        List<KpiPage.FullRow> rows = new ArrayList<>();
        for (int row = 0; row < table.getRows().size(); row++) {
            rows.add(fullRow(reading, table, reading.rowLabel(table, row), row));
        }
        return new KpiPage.FullTable(
                words.title(table.getName()),
                words.unit(table),
                reading.dimension(),
                table.getColumns().stream().map(words::period).toList(),
                rows,
                fullRow(reading, table, reading.allRows(), KpiReading.ALL));
    }

    private KpiPage.FullRow fullRow(KpiReading reading, KpiTable table, String label, int row) {
        List<KpiChart.Line> cells = new ArrayList<>();
        for (int column = 0; column < table.getColumns().size(); column++) {
            KpiValue value = reading.value(table, row, column);
            cells.add(new KpiChart.Line(label, words.text(table, value), value));
        }
        KpiValue total = reading.value(table, row, KpiReading.ALL);
        return new KpiPage.FullRow(label, cells, new KpiChart.Line(label, words.text(table, total), total));
    }
}
