package uk.dapp.web.outcomes.kpis;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import uk.dapp.web.WebTest;

/**
 * The evaluator's KPI dashboard against the gateway's KPI report (WireMock, a fixture with hidden
 * counts, hidden sums and rates, a zero denominator, negative sums): every chart draws exactly the
 * figures of the table beside it, which are the API's; a hidden figure has no bar and says why;
 * the filters are the API's parameters.
 */
class KpiDashboardTest extends WebTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static String report;
    private static JsonNode api;

    @BeforeEach
    void theGatewayAnswersTheReport() throws Exception {
        if (report == null) {
            report = new String(
                    KpiDashboardTest.class
                            .getResourceAsStream("/outcomes/kpis.json")
                            .readAllBytes(),
                    StandardCharsets.UTF_8);
            api = JSON.readTree(report);
        }
        GATEWAY.stubFor(get(urlPathEqualTo("/api/outcomes/kpis")).willReturn(okJson(report)));
    }

    private Document page(String path) throws Exception {
        MockHttpServletResponse response = mvc.perform(
                        MockMvcRequestBuilders.get(path).with(user("evaluator")))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return Jsoup.parse(response.getContentAsString());
    }

    @Test
    void everyChartDrawsTheFiguresOfItsTableWhichAreTheApis() throws Exception {
        Document page = page("/outcomes");
        List<Element> charts = page.select("div.dapp-kpi");
        assertThat(charts)
                .extracting(chart -> chart.attr("data-kpi"))
                .as("the headline KPIs the report has, in the dashboard's order")
                .containsExactly("referredToProgramme", "effectiveCompletionRate", "harmChange");
        for (Element chart : charts) {
            JsonNode table = table(chart.attr("data-kpi"));
            List<BigDecimal> expected = new ArrayList<>();
            table.get("rowTotals").forEach(value -> expected.add(value.isNull() ? null : value.decimalValue()));
            ChartCheck.drawsItsTable(chart, expected);
        }
    }

    @Test
    void aHiddenFigureHasNoBarAndItsTableCellSaysWhyNeverZero() throws Exception {
        Document page = page("/outcomes");
        Element referred = page.selectFirst("div.dapp-kpi[data-kpi=referredToProgramme]");
        Element midwick = referred.selectFirst("g.dapp-chart__bar[data-label=Midwick]");
        assertThat(midwick.select("rect"))
                .as("a hidden figure is drawn as no bar at all")
                .isEmpty();
        assertThat(midwick.selectFirst("text.dapp-chart__value").text())
                .isEqualTo("[c] fewer than 8 people or secondary");
        Element cell = referred.select("tbody tr").get(0).selectFirst("td");
        assertThat(cell.ownText()).isEqualTo("[c]").isNotEqualTo("0");
        assertThat(cell.selectFirst(".dapp-kpi__reason").text())
                .isEqualTo("fewer than 8 people, or secondary suppression");
        assertThat(referred.select(".dapp-kpi__notes li").text()).startsWith("[c] Hidden to protect privacy");
        // a real zero is published as zero: its bar has no length, and it says 0
        Element zero =
                page.selectFirst("div.dapp-kpi[data-kpi=harmChange] g.dapp-chart__bar[data-label=Area not known]");
        assertThat(zero.selectFirst("rect").attr("width")).isEqualTo("0.00");
        assertThat(zero.selectFirst("text.dapp-chart__value").text()).isEqualTo("0");

        // a sum hidden with the count of people it adds up; a rate with no one to measure; a rate whose numerator is
        // hidden
        Element harm = page.selectFirst("div.dapp-kpi[data-kpi=harmChange]")
                .select("tbody tr")
                .get(0);
        assertThat(harm.selectFirst(".dapp-kpi__reason").text())
                .isEqualTo("based on a hidden count (Harm compared before and after the decision)");
        List<Element> rate = page.selectFirst("div.dapp-kpi[data-kpi=effectiveCompletionRate]")
                .select("tbody tr");
        assertThat(rate.get(0).selectFirst("td").ownText()).isEqualTo("[z]");
        assertThat(rate.get(0).selectFirst(".dapp-kpi__reason").text())
                .isEqualTo("no one to measure (Left a programme: 0)");
        assertThat(rate.get(1).selectFirst("td").ownText()).isEqualTo("[c]");
        assertThat(rate.get(1).selectFirst(".dapp-kpi__reason").text())
                .isEqualTo("based on a hidden count (Completed a programme)");
        assertThat(rate.get(2).selectFirst("td").ownText()).isEqualTo("100%");
    }

    @Test
    void aNegativeFigureIsDrawnLeftOfTheZeroLine() throws Exception {
        Element chart = page("/outcomes").selectFirst("div.dapp-kpi[data-kpi=harmChange]");
        double zero =
                Double.parseDouble(chart.selectFirst("line.dapp-chart__axis").attr("x1"));
        Element northshire = chart.selectFirst("g.dapp-chart__bar[data-label=Northshire]");
        Element rect = northshire.selectFirst("rect");
        assertThat(northshire.attr("data-value")).isEqualTo("-220");
        assertThat(Double.parseDouble(rect.attr("x")) + Double.parseDouble(rect.attr("width")))
                .isCloseTo(zero, org.assertj.core.data.Offset.offset(0.02));
        assertThat(northshire.selectFirst("text.dapp-chart__value").attr("text-anchor"))
                .isEqualTo("end");
        assertThat(northshire.selectFirst("text.dapp-chart__value").text()).isEqualTo("-220");
    }

    @Test
    void theChartsAreAccessibleImagesWithATitleAndADescriptionOfEveryFigure() throws Exception {
        Element svg = page("/outcomes").selectFirst("div.dapp-kpi[data-kpi=referredToProgramme] svg");
        assertThat(svg.attr("role")).isEqualTo("img");
        assertThat(svg.attr("viewBox")).startsWith("0 0 640 ");
        String id = svg.id();
        assertThat(svg.attr("aria-labelledby")).isEqualTo(id + "-title");
        assertThat(svg.selectFirst("title").id()).isEqualTo(id + "-title");
        assertThat(svg.selectFirst("title").text())
                .isEqualTo("Referred to a behaviour change programme by area, all periods");
        assertThat(svg.selectFirst("desc").text())
                .contains("Midwick: [c] fewer than 8 people or secondary")
                .contains("Northshire: 15")
                .contains("Area not known: 9");
    }

    @Test
    void theFiltersAreTheApisParametersAndThePeriodShownIsOneOfItsColumns() throws Exception {
        Document page = page("/outcomes?period=MONTH&areaLevel=REGION&shown=2026-Q3");
        GATEWAY.verify(getRequestedFor(urlPathEqualTo("/api/outcomes/kpis"))
                .withHeader("Authorization", equalTo(ACCESS_TOKEN))
                .withQueryParam("period", equalTo("MONTH"))
                .withQueryParam("areaLevel", equalTo("REGION")));
        Element chart = page.selectFirst("div.dapp-kpi[data-kpi=referredToProgramme]");
        assertThat(chart.selectFirst("svg title").text()).endsWith("by area, July to September 2026");
        List<BigDecimal> column = new ArrayList<>();
        table("referredToProgramme")
                .get("cells")
                .forEach(row ->
                        column.add(row.get(1).isNull() ? null : row.get(1).decimalValue()));
        ChartCheck.drawsItsTable(chart, column);
        assertThat(page.selectFirst("#shown option[selected]").val()).isEqualTo("2026-Q3");
        // the form shows what the report is for (the fixture answers for quarters and areas whatever was asked)
        assertThat(page.selectFirst("input[name=period][checked]").val()).isEqualTo("QUARTER");

        Document missing = page("/outcomes?shown=2026-07");
        assertThat(missing.text()).contains("There are no figures for the period you chose");
        assertThat(missing.selectFirst("div.dapp-kpi svg title").text()).endsWith("all periods");
    }

    @Test
    void aFilterThatIsNotAChoiceIsSaidBesideItAndNotSent() throws Exception {
        MockHttpServletResponse response = mvc.perform(MockMvcRequestBuilders.get("/outcomes")
                        .queryParam("period", "FORTNIGHT")
                        .with(user("evaluator")))
                .andReturn()
                .getResponse();
        Document page = Jsoup.parse(response.getContentAsString());
        assertThat(page.title()).startsWith("Error: Outcome KPIs");
        assertThat(page.select(".govuk-error-summary__list a").text()).isEqualTo("Choose months, quarters or years");
        assertThat(page.selectFirst("#period-error").text()).contains("Choose months, quarters or years");
        GATEWAY.verify(0, getRequestedFor(urlPathEqualTo("/api/outcomes/kpis")));
    }

    @Test
    void aKpisOwnPageHasItByAreaByPeriodAndWhole() throws Exception {
        Document page = page("/outcomes/kpis/contactedWithinDeadlineRate?period=QUARTER&areaLevel=AREA");
        assertThat(page.selectFirst("h1").text()).contains("Partners first contacted on time (rate)");
        List<Element> charts = page.select("div.dapp-kpi");
        assertThat(charts).hasSize(2);
        JsonNode table = table("contactedWithinDeadlineRate");
        List<BigDecimal> byArea = new ArrayList<>();
        table.get("rowTotals").forEach(value -> byArea.add(value.isNull() ? null : value.decimalValue()));
        ChartCheck.drawsItsTable(charts.get(0), byArea);
        List<BigDecimal> byPeriod = new ArrayList<>();
        table.get("columnTotals").forEach(value -> byPeriod.add(value.isNull() ? null : value.decimalValue()));
        ChartCheck.drawsItsTable(charts.get(1), byPeriod);
        assertThat(charts.get(1).select("tbody tr").get(0).selectFirst("th").text())
                .isEqualTo("April to June 2026");
        assertThat(charts.get(1).select("tbody tr").get(1).selectFirst("td").ownText())
                .isEqualTo("75%");

        // the whole table: every cell as the API gave it, the totals included
        List<Element> rows = page.select("table.dapp-kpi__whole tbody tr");
        assertThat(rows).hasSize(4);
        for (int r = 0; r < 3; r++) {
            List<Element> cells = rows.get(r).select("td");
            for (int c = 0; c < 2; c++) {
                JsonNode value = table.get("cells").get(r).get(c);
                assertThat(cells.get(c).attr("data-value"))
                        .isEqualTo(value.isNull() ? "" : value.decimalValue().toPlainString());
            }
            assertThat(cells.get(2).attr("data-value"))
                    .isEqualTo(
                            table.get("rowTotals").get(r).isNull()
                                    ? ""
                                    : table.get("rowTotals")
                                            .get(r)
                                            .decimalValue()
                                            .toPlainString());
        }
        assertThat(rows.get(3).select("td").get(2).ownText()).isEqualTo("81%");
        assertThat(page.selectFirst("a.govuk-back-link").attr("href"))
                .isEqualTo("/outcomes?period=QUARTER&breakdown=AREA&areaLevel=AREA");
    }

    @Test
    void theRowsAreProgrammesOrReferralSourcesWhenTheApiIsAskedForThem() throws Exception {
        GATEWAY.stubFor(get(urlPathEqualTo("/api/outcomes/kpis"))
                .willReturn(okJson(brokenDown("PROGRAMME", "DRIVE-1TO1", "CHANGE-GROUP", "NOT_REFERRED"))));
        Document page = page("/outcomes?breakdown=PROGRAMME");
        GATEWAY.verify(getRequestedFor(urlPathEqualTo("/api/outcomes/kpis"))
                .withQueryParam("breakdown", equalTo("PROGRAMME")));
        Element chart = page.selectFirst("div.dapp-kpi[data-kpi=referredToProgramme]");
        assertThat(chart.selectFirst("svg title").text())
                .isEqualTo("Referred to a behaviour change programme by programme, all periods");
        assertThat(chart.selectFirst("thead th").text()).isEqualTo("Programme");
        assertThat(chart.select("tbody th").eachText())
                .containsExactly("DRIVE-1TO1", "CHANGE-GROUP", "No programme referral", "All programmes");
        List<BigDecimal> expected = new ArrayList<>();
        table("referredToProgramme")
                .get("rowTotals")
                .forEach(value -> expected.add(value.isNull() ? null : value.decimalValue()));
        ChartCheck.drawsItsTable(chart, expected);
        assertThat(page.selectFirst("input[name=breakdown][checked]").val()).isEqualTo("PROGRAMME");
        assertThat(page.selectFirst("a[href^=/outcomes/kpis/referredToProgramme]")
                        .attr("href"))
                .contains("breakdown=PROGRAMME");

        GATEWAY.stubFor(get(urlPathEqualTo("/api/outcomes/kpis"))
                .willReturn(okJson(brokenDown("REFERRAL_SOURCE", "CHILDRENS_SOCIAL_CARE", "POLICE", "UNKNOWN"))));
        Document bySource = page("/outcomes/kpis/referredToProgramme?breakdown=REFERRAL_SOURCE");
        assertThat(bySource.selectFirst("table.dapp-kpi__whole thead th").text())
                .isEqualTo("Referral source");
        assertThat(bySource.select("table.dapp-kpi__whole tbody th").eachText())
                .containsExactly(
                        "Children's social care", "Police", "Referral source not known", "All referral sources");
        assertThat(bySource.select("div.dapp-kpi")
                        .get(1)
                        .selectFirst("svg title")
                        .text())
                .endsWith("by period, all referral sources");
    }

    @Test
    void aRateIsShownWithItsComparisonFigureMarkedOnTheChartToTheSameScale() throws Exception {
        ObjectNode compared = (ObjectNode) JSON.readTree(report);
        for (JsonNode table : compared.get("tables")) {
            if (table.get("name").asString().equals("effectiveCompletionRate")) {
                ((ObjectNode) table)
                        .putObject("comparison")
                        .put("figure", new BigDecimal("0.58"))
                        .put("source", "the framework's national figure (synthetic, for this test)");
            }
        }
        GATEWAY.stubFor(get(urlPathEqualTo("/api/outcomes/kpis")).willReturn(okJson(compared.toString())));
        Document page = page("/outcomes");
        Element rate = page.selectFirst("div.dapp-kpi[data-kpi=effectiveCompletionRate]");
        assertThat(rate.selectFirst(".dapp-kpi__comparison").text())
                .isEqualTo(
                        "Comparison figure: 58% (the framework's national figure (synthetic, for this test)), marked by the dashed line.");
        Element reference = rate.selectFirst("g.dapp-chart__reference");
        assertThat(reference.attr("data-value")).isEqualTo("0.58");
        assertThat(reference.selectFirst("text").text()).isEqualTo("Comparison 58%");
        assertThat(rate.selectFirst("svg desc").text()).contains("A line marks the comparison figure, 58%");
        // to the bars' scale: the unknown area's rate is 100%, so the line is at 0.58 of its bar
        double zero =
                Double.parseDouble(rate.selectFirst("line.dapp-chart__axis").attr("x1"));
        double line = Double.parseDouble(reference.selectFirst("line").attr("x1"));
        double whole = Double.parseDouble(rate.selectFirst("g.dapp-chart__bar[data-label=Area not known] rect")
                .attr("width"));
        assertThat((line - zero) / whole).isCloseTo(0.58, org.assertj.core.data.Offset.offset(0.001));
        // a table with no comparison figure has neither line nor words
        Element count = page.selectFirst("div.dapp-kpi[data-kpi=referredToProgramme]");
        assertThat(count.select("g.dapp-chart__reference, .dapp-kpi__comparison"))
                .isEmpty();
    }

    /** The fixture as if broken down by programme or referral source: the same figures, these rows. */
    private static String brokenDown(String breakdown, String... rows) {
        ObjectNode copy = (ObjectNode) JSON.readTree(report);
        copy.put("breakdown", breakdown);
        for (JsonNode table : copy.get("tables")) {
            ArrayNode names = ((ObjectNode) table).putArray("rows");
            for (String row : rows) {
                names.add(row);
            }
        }
        return copy.toString();
    }

    @Test
    void aKpiTheReportDoesNotHaveIsNotFound() throws Exception {
        assertThat(mvc.perform(MockMvcRequestBuilders.get("/outcomes/kpis/noSuchTable")
                                .with(user("evaluator")))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
    }

    @Test
    void anotherRoleIsRefusedByTheGatewayAndSeesTheGovukPage() throws Exception {
        GATEWAY.stubFor(
                get(urlPathEqualTo("/api/outcomes/kpis")).willReturn(aResponse().withStatus(403)));
        MockHttpServletResponse response = mvc.perform(
                        MockMvcRequestBuilders.get("/outcomes").with(user("admin")))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getContentAsString()).contains("You cannot see this page");
    }

    private static JsonNode table(String name) {
        for (JsonNode table : api.get("tables")) {
            if (table.get("name").asString().equals(name)) {
                return table;
            }
        }
        throw new AssertionError("no table " + name);
    }
}
