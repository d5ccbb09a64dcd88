package uk.dapp.e2e.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.openqa.selenium.JavascriptExecutor;
import tools.jackson.databind.JsonNode;
import uk.dapp.e2e.support.Browser;

/**
 * Reads every KPI chart on the page in the browser (its SVG and the table beside it) and holds it
 * to the gateway's KPI report: one bar per row of the table, each bar's figure the API's, its
 * printed number the table's, its length the figure to one scale, and no bar where the API
 * published no figure (the mark and reason instead, never 0).
 */
final class KpiChartCheck {

    private static final String READ_CHARTS = """
            return Array.from(document.querySelectorAll('div.dapp-kpi')).map(chart => ({
              kpi: chart.dataset.kpi,
              id: chart.querySelector('svg').id,
              title: chart.querySelector('svg title').textContent,
              reference: chart.querySelector('g.dapp-chart__reference') ? chart.querySelector('g.dapp-chart__reference').getAttribute('data-value') : '',
              bars: Array.from(chart.querySelectorAll('g.dapp-chart__bar')).map(bar => ({
                label: bar.querySelector('text.dapp-chart__label').textContent,
                value: bar.getAttribute('data-value') || '',
                width: bar.querySelector('rect') ? bar.querySelector('rect').getAttribute('width') : '',
                text: bar.querySelector('text.dapp-chart__value').textContent })),
              rows: Array.from(chart.querySelectorAll('table tbody tr:not(.dapp-kpi__total)')).map(row => ({
                label: row.querySelector('th').textContent.trim(),
                value: row.querySelector('td').getAttribute('data-value') || '',
                text: row.querySelector('td').firstChild.textContent.trim(),
                reason: row.querySelector('.dapp-kpi__reason') ? row.querySelector('.dapp-kpi__reason').textContent.trim() : '' }))
            }));""";

    private KpiChartCheck() {}

    /** The charts on the page, as drawn. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> charts(Browser browser) {
        return (List<Map<String, Object>>) ((JavascriptExecutor) browser.driver()).executeScript(READ_CHARTS);
    }

    /**
     * Every chart on the page against the report: a chart by area or region shows {@code column}
     * (a period's index, or -1 for all periods: the row totals); a chart by period the column totals.
     * Returns how many bars were checked.
     */
    @SuppressWarnings("unchecked")
    static int drawTheApisFigures(Browser browser, JsonNode report, int column) {
        List<Map<String, Object>> charts = charts(browser);
        assertThat(charts).as("charts on %s", browser.path()).isNotEmpty();
        int bars = 0;
        for (Map<String, Object> chart : charts) {
            JsonNode table = table(report, (String) chart.get("kpi"));
            List<BigDecimal> expected = new ArrayList<>();
            if (((String) chart.get("id")).endsWith("-by-period")) {
                table.get("columnTotals").forEach(value -> expected.add(decimal(value)));
            } else if (column < 0) {
                table.get("rowTotals").forEach(value -> expected.add(decimal(value)));
            } else {
                table.get("cells").forEach(row -> expected.add(decimal(row.get(column))));
            }
            bars += check(
                    (String) chart.get("id"),
                    (List<Map<String, String>>) chart.get("bars"),
                    (List<Map<String, String>>) chart.get("rows"),
                    expected);
            // the comparison figure is marked where the API gives one, and only there
            JsonNode comparison = table.get("comparison");
            if (comparison == null || comparison.isNull()) {
                assertThat((String) chart.get("reference"))
                        .as("%s: no comparison line", chart.get("id"))
                        .isEmpty();
            } else {
                assertThat(new BigDecimal((String) chart.get("reference")))
                        .as("%s: the comparison line", chart.get("id"))
                        .isEqualByComparingTo(comparison.get("figure").decimalValue());
            }
        }
        return bars;
    }

    private static int check(
            String chart, List<Map<String, String>> bars, List<Map<String, String>> rows, List<BigDecimal> api) {
        assertThat(bars)
                .as("%s: one bar per row of its table, one per figure of the API", chart)
                .hasSize(rows.size())
                .hasSize(api.size());
        Double scale = null;
        for (int i = 0; i < bars.size(); i++) {
            Map<String, String> bar = bars.get(i);
            Map<String, String> row = rows.get(i);
            String label = chart + " " + bar.get("label");
            assertThat(bar.get("label")).as(label).isEqualTo(row.get("label"));
            BigDecimal expected = api.get(i);
            if (expected == null) {
                assertThat(bar.get("width"))
                        .as("%s: no bar where the API published no figure", label)
                        .isEmpty();
                assertThat(row.get("text")).as(label).isIn("[c]", "[z]");
                assertThat(bar.get("text")).as(label).startsWith(row.get("text") + " ");
                assertThat(row.get("reason"))
                        .as("%s: the reason beside the mark", label)
                        .isNotBlank();
                continue;
            }
            assertThat(new BigDecimal(bar.get("value"))).as("%s: drawn", label).isEqualByComparingTo(expected);
            assertThat(new BigDecimal(row.get("value")))
                    .as("%s: in the table", label)
                    .isEqualByComparingTo(expected);
            assertThat(bar.get("text"))
                    .as("%s: the number on the bar is the table's", label)
                    .isEqualTo(row.get("text"));
            double width = Double.parseDouble(bar.get("width"));
            if (expected.signum() == 0) {
                assertThat(width).as(label).isZero();
                assertThat(row.get("text")).as(label).isEqualTo("0");
            } else if (scale == null) {
                scale = width / expected.abs().doubleValue();
            } else {
                assertThat(width)
                        .as("%s: the bar's length is its figure to the chart's scale", label)
                        .isCloseTo(expected.abs().doubleValue() * scale, Offset.offset(0.02));
            }
        }
        return bars.size();
    }

    static JsonNode table(JsonNode report, String name) {
        for (JsonNode table : report.get("tables")) {
            if (table.get("name").asString().equals(name)) {
                return table;
            }
        }
        throw new AssertionError("the KPI report has no table " + name);
    }

    private static BigDecimal decimal(JsonNode value) {
        return value == null || value.isNull() ? null : value.decimalValue();
    }
}
