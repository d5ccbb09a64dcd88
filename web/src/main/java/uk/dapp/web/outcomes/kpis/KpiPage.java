package uk.dapp.web.outcomes.kpis;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What the dashboard and a KPI's own page show: the report's moment and suppression rule, the
 * periods it has (for the "period shown" filter), the charts, and the list of every KPI table.
 * A KPI's own page also has its figures by period and its full table.
 */
public record KpiPage(
        OffsetDateTime asOf,
        String suppressionRule,
        List<Option> periods,
        String shownLabel,
        boolean shownMissing,
        List<KpiChart> charts,
        List<TableLink> tables,
        KpiChart byPeriod,
        FullTable full) {

    /** A choice of the "period shown" list. */
    public record Option(String value, String label) {}

    /** A link to one KPI table's own page. */
    public record TableLink(String name, String title, String href) {}

    /** A KPI table whole: a row per area or region, a column per period, with the totals. */
    public record FullTable(
            String title, String unit, String dimension, List<String> columns, List<FullRow> rows, FullRow totals) {}

    public record FullRow(String label, List<KpiChart.Line> cells, KpiChart.Line total) {}
}
