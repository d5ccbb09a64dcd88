package uk.dapp.web.outcomes.extract;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static uk.dapp.web.GatewayResponses.refusal;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.util.UriComponentsBuilder;
import uk.dapp.web.WebTest;

/**
 * The extract's pages against the gateway (WireMock): the statement comes from the
 * {@code X-Extract-*} headers of an extract asked for at a fixed snapshot; the download asks for
 * the same snapshot and passes the gateway's bytes and headers on as an attachment, unless what the
 * gateway now says differs from the statement read. (That the statement's answer is closed unread,
 * and that the download streams and breaks off with the gateway's, is {@code ExtractStreamingTest}.)
 */
class ExtractPagesTest extends WebTest {

    private static final String STATEMENT =
            "k-anonymity with k = 6 on age, sex, area and period: age in 10-year bands, "
                    + "dates widened to quarter; 3 of 40 rows (7.5%) suppressed as in classes smaller than 6.";
    private static final String CSV =
            "pseudonym,ageBand,sex,area,period\r\npsn_0123456789abcdefghjkm,18-27,MALE,NORTHSHIRE,2026-Q3\r\n";

    private static ResponseDefinitionBuilder extract(String statement, String contentType, String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", contentType)
                .withHeader("X-Extract-Statement", statement)
                .withHeader("X-Extract-K", "6")
                .withHeader("X-Extract-Total-Rows", "40")
                .withHeader("X-Extract-Suppressed-Rows", "3")
                .withHeader("X-Extract-Generalised", "age in 10-year bands, dates widened to quarter")
                .withBody(body);
    }

    private Document statementPage(String query) throws Exception {
        MockHttpServletResponse response = mvc.perform(
                        MockMvcRequestBuilders.get("/outcomes/extract/statement?" + query)
                                .with(user("evaluator")))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return Jsoup.parse(response.getContentAsString());
    }

    @Test
    void theStatementIsTheGatewaysForAFixedSnapshotBeforeAnythingIsDownloaded() throws Exception {
        GATEWAY.stubFor(get(urlPathEqualTo("/api/outcomes/extract"))
                .willReturn(extract(STATEMENT, "text/csv;charset=UTF-8", CSV)));
        OffsetDateTime before =
                OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(5);

        Document page = statementPage("format=csv&k=6");

        assertThat(page.selectFirst("h1").text()).isEqualTo("What the extract holds");
        assertThat(page.selectFirst(".dapp-extract-statement").text()).isEqualTo(STATEMENT);
        assertThat(page.selectFirst(".dapp-extract-total").text()).isEqualTo("40");
        assertThat(page.selectFirst(".dapp-extract-suppressed").text()).isEqualTo("3");
        assertThat(page.selectFirst(".dapp-extract-released").text()).isEqualTo("37");
        assertThat(page.select(".govuk-summary-list li").eachText())
                .containsExactly("age in 10-year bands", "dates widened to quarter");
        GATEWAY.verify(getRequestedFor(urlPathEqualTo("/api/outcomes/extract"))
                .withHeader("Authorization", equalTo(ACCESS_TOKEN))
                .withQueryParam("format", equalTo("csv"))
                .withQueryParam("k", equalTo("6"))
                .withQueryParam("asOf", matching("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?Z")));
        String href = page.selectFirst("a.govuk-button").attr("href");
        var query = UriComponentsBuilder.fromUriString(href).build().getQueryParams();
        assertThat(href).startsWith("/outcomes/extract/download?");
        assertThat(query.getFirst("format")).isEqualTo("csv");
        assertThat(query.getFirst("k")).isEqualTo("6");
        assertThat(OffsetDateTime.parse(query.getFirst("asOf").replace("%3A", ":")))
                .isAfterOrEqualTo(before);
        assertThat(query.getFirst("statement")).hasSize(24);
        assertThat(page.selectFirst("a.govuk-button").text()).isEqualTo("Download the CSV file");
    }

    @Test
    void theDownloadIsTheGatewaysAnswerForTheSameSnapshotAsAnAttachment() throws Exception {
        GATEWAY.stubFor(get(urlPathEqualTo("/api/outcomes/extract"))
                .willReturn(extract(STATEMENT, "text/csv;charset=UTF-8", CSV)));
        String href = statementPage("format=csv").selectFirst("a.govuk-button").attr("href");
        String asOf = UriComponentsBuilder.fromUriString(href)
                .build()
                .getQueryParams()
                .getFirst("asOf")
                .replace("%3A", ":");
        GATEWAY.resetRequests();

        MockHttpServletResponse download = mvc.perform(
                        MockMvcRequestBuilders.get(href).with(user("evaluator")))
                .andReturn()
                .getResponse();

        assertThat(download.getStatus()).isEqualTo(200);
        assertThat(download.getContentAsString()).isEqualTo(CSV);
        assertThat(download.getContentType()).startsWith("text/csv");
        assertThat(download.getHeader("Content-Disposition"))
                .startsWith("attachment; filename=\"outcome-extract-")
                .endsWith(".csv\"");
        assertThat(download.getHeader("X-Extract-Statement")).isEqualTo(STATEMENT);
        assertThat(download.getHeader("X-Extract-Suppressed-Rows")).isEqualTo("3");
        assertThat(download.getHeader("Cache-Control")).contains("no-store");
        GATEWAY.verify(getRequestedFor(urlPathEqualTo("/api/outcomes/extract"))
                .withHeader("Authorization", equalTo(ACCESS_TOKEN))
                .withQueryParam("asOf", equalTo(asOf))
                .withQueryParam("format", equalTo("csv"))
                .withQueryParam("k", equalTo("6")));
    }

    @Test
    void theJsonExtractIsPassedOnAsItCame() throws Exception {
        String json = "{\"asOf\":\"2026-11-23T10:14:00Z\",\"k\":6,\"statement\":\"" + STATEMENT
                + "\",\"rows\":[],\"complete\":true}";
        GATEWAY.stubFor(
                get(urlPathEqualTo("/api/outcomes/extract")).willReturn(extract(STATEMENT, "application/json", json)));
        Document page = statementPage("format=json");
        assertThat(page.selectFirst("a.govuk-button").text()).isEqualTo("Download the JSON file");
        MockHttpServletResponse download = mvc.perform(MockMvcRequestBuilders.get(
                                page.selectFirst("a.govuk-button").attr("href"))
                        .with(user("evaluator")))
                .andReturn()
                .getResponse();
        assertThat(download.getContentAsString()).isEqualTo(json);
        assertThat(download.getContentType()).startsWith("application/json");
        assertThat(download.getHeader("Content-Disposition")).endsWith(".json\"");
    }

    @Test
    void whenTheFiguresChangedAfterTheStatementWasReadNothingIsDownloadedAndTheNewStatementShown() throws Exception {
        GATEWAY.stubFor(get(urlPathEqualTo("/api/outcomes/extract")).willReturn(extract(STATEMENT, "text/csv", CSV)));
        String href = statementPage("format=csv").selectFirst("a.govuk-button").attr("href");
        GATEWAY.stubFor(get(urlPathEqualTo("/api/outcomes/extract"))
                .willReturn(extract(STATEMENT.replace("3 of 40", "4 of 41"), "text/csv", CSV)));

        MockHttpServletResponse download = mvc.perform(
                        MockMvcRequestBuilders.get(href).with(user("evaluator")))
                .andReturn()
                .getResponse();

        assertThat(download.getStatus()).isEqualTo(302);
        assertThat(download.getContentAsString()).isEmpty();
        assertThat(download.getRedirectedUrl()).isEqualTo("/outcomes/extract/statement?format=csv&k=6&changed=");
        Document again = statementPage("format=csv&k=6&changed=");
        assertThat(again.selectFirst(".govuk-notification-banner").text())
                .contains("The figures changed after you read the statement");
        assertThat(again.selectFirst(".dapp-extract-statement").text()).contains("4 of 41");
    }

    @Test
    void aKTheGatewayRefusesIsSaidBesideTheField() throws Exception {
        GATEWAY.stubFor(get(urlPathEqualTo("/api/outcomes/extract"))
                .willReturn(refusal("k", "Min", "k may be raised but not below the configured 5")));
        MockHttpServletResponse response = mvc.perform(
                        MockMvcRequestBuilders.get("/outcomes/extract/statement?format=csv&k=3")
                                .with(user("evaluator")))
                .andReturn()
                .getResponse();
        Document page = Jsoup.parse(response.getContentAsString());
        assertThat(page.title()).startsWith("Error: Download the outcome extract");
        assertThat(page.select(".govuk-error-summary__list a").eachText())
                .containsExactly("The smallest group size cannot be smaller than the partnership's setting");
        assertThat(page.selectFirst("#k-error").text()).contains("The smallest group size cannot be smaller");
        assertThat(page.selectFirst("#k").val()).isEqualTo("3");
        assertThat(page.selectFirst("#format-2")).isNotNull();
    }

    @Test
    void aKThatIsNotANumberIsNeverSent() throws Exception {
        Document page =
                Jsoup.parse(mvc.perform(MockMvcRequestBuilders.get("/outcomes/extract/statement?format=csv&k=ten")
                                .with(user("evaluator")))
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        assertThat(page.select(".govuk-error-summary__list a").eachText())
                .containsExactly("Enter the smallest group size as a whole number, like 10");
        GATEWAY.verify(0, getRequestedFor(urlPathEqualTo("/api/outcomes/extract")));
    }

    @Test
    void theFormOffersCsvAndJsonWithCsvChosen() throws Exception {
        Document page = Jsoup.parse(
                mvc.perform(MockMvcRequestBuilders.get("/outcomes/extract").with(user("evaluator")))
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        assertThat(page.select("input[name=format]").eachAttr("value")).isEqualTo(List.of("csv", "json"));
        assertThat(page.selectFirst("input[name=format][checked]").val()).isEqualTo("csv");
        assertThat(page.selectFirst("main form").attr("action")).isEqualTo("/outcomes/extract/statement");
    }
}
