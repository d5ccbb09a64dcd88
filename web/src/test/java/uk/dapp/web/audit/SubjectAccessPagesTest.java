package uk.dapp.web.audit;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static uk.dapp.web.GatewayResponses.refusal;

import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import uk.dapp.web.WebTest;

/**
 * The admin's subject access export against the gateway (WireMock): the reason goes as
 * {@code X-Access-Reason}, never in an address; the gateway's refusal of a missing reason shows
 * beside the field; the export is made once and downloaded byte for byte as one JSON file.
 */
class SubjectAccessPagesTest extends WebTest {

    private static final String CASE = "7KQM4X-ZP9RTD-2HBWJG";
    private static final String REASON = "SAR 2026/0042, identity checked by passport";
    private static final String EXPORT = """
            {"caseId":"%s","riskMatrix":{"status":"AVAILABLE","document":{"export":{"generatedAt":"2026-11-23T10:00:00Z",
             "reason":"%s"}}},"programme":{"status":"NOT_FOUND"},"partnerSupport":{"status":"UNAVAILABLE"}}""".formatted(CASE, REASON);

    @Test
    void theExportIsMadeWithTheReasonInItsHeaderAndDownloadedAsTheGatewaySentIt() throws Exception {
        GATEWAY.stubFor(
                get(urlPathEqualTo("/api/cases/" + CASE + "/subject-access")).willReturn(okJson(EXPORT)));
        MockHttpSession session = new MockHttpSession();

        MockHttpServletResponse made = mvc.perform(MockMvcRequestBuilders.post("/subject-access")
                        .param("caseId", " " + CASE + " ")
                        .param("reason", REASON)
                        .session(session)
                        .with(user("admin"))
                        .with(csrf()))
                .andReturn()
                .getResponse();

        assertThat(made.getStatus()).isEqualTo(302);
        assertThat(made.getRedirectedUrl()).isEqualTo("/subject-access/export");
        GATEWAY.verify(getRequestedFor(urlPathEqualTo("/api/cases/" + CASE + "/subject-access"))
                .withHeader("Authorization", equalTo(ACCESS_TOKEN))
                .withHeader("X-Access-Reason", equalTo(REASON)));

        Document page = Jsoup.parse(mvc.perform(MockMvcRequestBuilders.get("/subject-access/export")
                        .session(session)
                        .with(user("admin")))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(page.selectFirst("h1").text()).contains("Case " + CASE);
        assertThat(page.select("table.dapp-export-parts tbody tr").eachText())
                .containsExactly(
                        "Risk matrix Included", "Programme Holds nothing", "Partner support Not available right now");
        assertThat(page.text()).contains("A service did not answer in time").doesNotContain(REASON);

        MockHttpServletResponse file = mvc.perform(MockMvcRequestBuilders.get("/subject-access/export/download")
                        .session(session)
                        .with(user("admin")))
                .andReturn()
                .getResponse();
        assertThat(file.getStatus()).isEqualTo(200);
        assertThat(file.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(EXPORT);
        assertThat(file.getHeader("Content-Disposition"))
                .isEqualTo("attachment; filename=\"subject-access-" + CASE + ".json\"");
        assertThat(file.getHeader("Cache-Control")).contains("no-store");
        GATEWAY.verify(1, getRequestedFor(urlPathMatching("/api/cases/.*/subject-access")));
    }

    @Test
    void withoutAReasonTheGatewaysRefusalIsBesideTheReasonField() throws Exception {
        GATEWAY.stubFor(get(urlPathEqualTo("/api/cases/" + CASE + "/subject-access"))
                .willReturn(refusal(
                        "X-Access-Reason",
                        "Required",
                        "an admin reading case data states why, in the X-Access-Reason header")));

        MockHttpServletResponse response = mvc.perform(MockMvcRequestBuilders.post("/subject-access")
                        .param("caseId", CASE)
                        .param("reason", "")
                        .with(user("admin"))
                        .with(csrf()))
                .andReturn()
                .getResponse();

        Document page = Jsoup.parse(response.getContentAsString());
        assertThat(page.title()).startsWith("Error: Subject access export");
        assertThat(page.select(".govuk-error-summary__list a").eachText())
                .containsExactly("Enter why you need this export");
        assertThat(page.selectFirst(".govuk-error-summary__list a").attr("href"))
                .isEqualTo("#reason");
        assertThat(page.selectFirst("#reason-error").text()).contains("Enter why you need this export");
        assertThat(page.selectFirst("#caseId").val()).isEqualTo(CASE);
        // the gateway decided: the web app asked, with the empty reason, and made nothing
        GATEWAY.verify(getRequestedFor(urlPathEqualTo("/api/cases/" + CASE + "/subject-access"))
                .withHeader("X-Access-Reason", equalTo("")));
        assertThat(mvc.perform(MockMvcRequestBuilders.get("/subject-access/export")
                                .with(user("admin")))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
    }

    @Test
    void aReasonThatCannotTravelInAHeaderOrNoCaseIdIsNeverSent() throws Exception {
        MockHttpServletResponse response = mvc.perform(MockMvcRequestBuilders.post("/subject-access")
                        .param("caseId", "")
                        .param("reason", "SAR 2026/0042\r\nX-Other: injected")
                        .with(user("admin"))
                        .with(csrf()))
                .andReturn()
                .getResponse();
        Document page = Jsoup.parse(response.getContentAsString());
        assertThat(page.select(".govuk-error-summary__list a").eachText())
                .containsExactly(
                        "Enter the case ID", "Write the reason on one line, in letters, numbers and punctuation");
        GATEWAY.verify(0, getRequestedFor(urlPathMatching("/api/cases/.*")));
    }

    @Test
    void theFormPostsSoTheReasonIsNeverInAnAddress() throws Exception {
        Document page = Jsoup.parse(
                mvc.perform(MockMvcRequestBuilders.get("/subject-access").with(user("admin")))
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        assertThat(page.selectFirst("main form").attr("method")).isEqualTo("post");
        assertThat(page.selectFirst("main form input[name=_csrf]")).isNotNull();
        assertThat(page.selectFirst("#reason-hint").text()).contains("10 to 500 characters");
    }
}
