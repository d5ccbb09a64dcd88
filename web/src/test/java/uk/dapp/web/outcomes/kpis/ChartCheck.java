package uk.dapp.web.outcomes.kpis;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.assertj.core.data.Offset;
import org.jsoup.nodes.Element;

/**
 * Reads a rendered KPI chart (its SVG and the table beside it) and checks that what is drawn is
 * what the table says and what the API gave: one bar per row in the table's order, each bar's
 * figure the API's, its printed number the table's, its length the figure to one scale for every
 * bar, and no bar at all where the API published no figure.
 */
final class ChartCheck {

    private ChartCheck() {}

    static void drawsItsTable(Element chart, List<BigDecimal> api) {
        List<Element> bars = chart.select("svg g.dapp-chart__bar");
        List<Element> rows = chart.select("table tbody tr:not(.dapp-kpi__total)");
        assertThat(bars).as("one bar per row of the table").hasSize(rows.size()).hasSize(api.size());
        Double scale = null;
        for (int i = 0; i < bars.size(); i++) {
            Element bar = bars.get(i);
            Element row = rows.get(i);
            Element cell = row.selectFirst("td");
            String label = bar.selectFirst("text.dapp-chart__label").text();
            assertThat(label)
                    .as("bar %d's label", i)
                    .isEqualTo(row.selectFirst("th").text())
                    .isEqualTo(bar.attr("data-label"));
            String drawn = bar.selectFirst("text.dapp-chart__value").text();
            BigDecimal expected = api.get(i);
            if (expected == null) {
                assertThat(bar.select("rect"))
                        .as("%s: no bar for a figure not published", label)
                        .isEmpty();
                assertThat(bar.attr("data-value")).isEmpty();
                assertThat(cell.attr("data-value")).isEmpty();
                assertThat(drawn).as(label).startsWith(cell.ownText()).matches("\\[[cz]\\] .+");
                continue;
            }
            assertThat(new BigDecimal(bar.attr("data-value")))
                    .as("%s: the figure drawn is the API's", label)
                    .isEqualByComparingTo(expected);
            assertThat(new BigDecimal(cell.attr("data-value")))
                    .as("%s: the table's figure is the API's", label)
                    .isEqualByComparingTo(expected);
            assertThat(drawn)
                    .as("%s: the number printed on the bar is the table's", label)
                    .isEqualTo(cell.ownText());
            double width = Double.parseDouble(bar.selectFirst("rect").attr("width"));
            if (expected.signum() == 0) {
                assertThat(width).as(label).isZero();
            } else if (scale == null) {
                scale = width / expected.abs().doubleValue();
            } else {
                assertThat(width)
                        .as("%s: the bar's length is its figure to the chart's scale", label)
                        .isCloseTo(expected.abs().doubleValue() * scale, Offset.offset(0.02));
            }
        }
    }
}
