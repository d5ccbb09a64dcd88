package uk.dapp.web.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static uk.dapp.web.GatewayResponses.problem;

import com.github.tomakehurst.wiremock.http.Fault;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import uk.dapp.web.WebTest;

/**
 * Pages against the gateway (WireMock): every call carries the signed-in user's own token; a
 * service's answer becomes the page, its 400 the errors beside the fields, its 409 what changed
 * with a reload, its 404 and 403 GOV.UK pages, and a service that is down "not available right now"
 * (for the whole page, or for one part of the case page).
 */
class GatewayPagesTest extends WebTest {

    private static final String CASE = "7KQM4X-ZP9RTD-2HBWJG";

    private static final String SUMMARY = """
            {"caseId":"%s","area":"Northshire","routingStatus":"ENGAGED","decidedRoute":"ENGAGE",
             "decidedPathways":["OFFENDER_MANAGEMENT","DRIVE"],
             "score":{"total":57,"recency":20,"frequency":10,"gravity":17,"victims":10,"harmDays":200,"serial":true,
                      "referenceVersion":1,"asOf":"2026-12-01","calculatedAt":"2026-12-01T10:00:00Z"}}""".formatted(CASE);

    private String page(MockHttpServletResponse response) throws Exception {
        return response.getContentAsString();
    }

    @Test
    void theCohortIsReadWithTheUsersOwnToken() throws Exception {
        GATEWAY.stubFor(get(urlPathEqualTo("/api/risk-matrix/cohort/harm"))
                .willReturn(okJson("{\"members\":3,\"harmDaysBefore\":900,\"harmDaysNow\":400}")));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/risk-matrix/cohort")).willReturn(okJson("""
                {"items":[{"rank":1,"caseId":"%s","givenName":"Testy","familyName":"McExample","area":"Northshire",
                  "routingStatus":"AWAITING_DECISION","score":{"total":57,"recency":20,"frequency":10,"gravity":17,"victims":10,
                  "harmDays":200,"serial":true,"referenceVersion":1,"asOf":"2026-12-01","calculatedAt":"2026-12-01T10:00:00Z"}}],
                 "page":0,"size":25,"totalItems":1,"totalPages":1}""".formatted(CASE))));
        MockHttpServletResponse response = mvc.perform(MockMvcRequestBuilders.get("/risk-matrix/cohort")
                        .queryParam("area", "Northshire")
                        .queryParam("serial", "true")
                        .queryParam("threshold", "40")
                        .with(offenderManager()))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(page(response))
                .contains("Testy McExample")
                .contains("Awaiting decision")
                .contains("Down 500 days");
        GATEWAY.verify(getRequestedFor(urlPathEqualTo("/api/risk-matrix/cohort"))
                .withHeader("Authorization", equalTo(ACCESS_TOKEN))
                .withQueryParam("area", equalTo("Northshire"))
                .withQueryParam("serial", equalTo("true"))
                .withQueryParam("threshold", equalTo("40")));
    }

    @Test
    void aThresholdThatIsNotANumberIsSaidBesideTheFieldAndNotSent() throws Exception {
        GATEWAY.stubFor(get(urlPathEqualTo("/api/risk-matrix/cohort/harm"))
                .willReturn(okJson("{\"members\":0,\"harmDaysBefore\":0,\"harmDaysNow\":0}")));
        String page = page(mvc.perform(MockMvcRequestBuilders.get("/risk-matrix/cohort")
                        .queryParam("threshold", "lots")
                        .with(offenderManager()))
                .andReturn()
                .getResponse());
        assertThat(page)
                .contains("<title>Error: Cohort")
                .contains("href=\"#threshold\">Enter the score as a whole number, like 40")
                .contains("id=\"threshold-error\"");
        GATEWAY.verify(0, getRequestedFor(urlPathEqualTo("/api/risk-matrix/cohort")));
    }

    @Test
    void aServicesRefusalShowsEachFieldsErrorBesideItInTheFormsOrder() throws Exception {
        stubNominalForForm();
        GATEWAY.stubFor(post(urlPathEqualTo("/api/risk-matrix/nominals/" + CASE + "/incidents"))
                .willReturn(problem(400, """
                        {"title":"Bad Request","status":400,"detail":"3 fields broke a rule","errors":[
                          {"field":"outcome","rule":"NotNull","message":"must not be null"},
                          {"field":"date","rule":"NotFuture","message":"an incident cannot be dated in the future"},
                          {"field":"somethingElse","rule":"Odd","message":"the request had an odd part"}]}""")));
        String page = page(mvc.perform(MockMvcRequestBuilders.post("/risk-matrix/nominals/" + CASE + "/incidents/new")
                        .param("date.day", "1")
                        .param("date.month", "1")
                        .param("date.year", "2099")
                        .param("victimKey", "VK-1")
                        .with(offenderManager())
                        .with(csrf()))
                .andReturn()
                .getResponse());
        assertThat(page).contains("<title>Error: Add an incident");
        int date = page.indexOf("href=\"#date\">The date of the incident must be today or in the past");
        int outcome = page.indexOf("href=\"#outcome\">Select the outcome");
        int other = page.indexOf("The request had an odd part");
        assertThat(date).isPositive();
        assertThat(outcome).as("in the order of the form's fields").isGreaterThan(date);
        assertThat(other)
                .as("a field the form does not have: a form-wide error, first, without a link")
                .isPositive()
                .isLessThan(date);
        assertThat(page)
                .contains("id=\"date-error\"")
                .contains("id=\"outcome-error\"")
                .contains("value=\"VK-1\"")
                .contains("value=\"2099\"");
        GATEWAY.verify(postRequestedFor(urlPathEqualTo("/api/risk-matrix/nominals/" + CASE + "/incidents"))
                .withHeader("Authorization", equalTo(ACCESS_TOKEN)));
    }

    @Test
    void aDateThatDoesNotExistIsNeverSent() throws Exception {
        stubNominalForForm();
        String page = page(mvc.perform(MockMvcRequestBuilders.post("/risk-matrix/nominals/" + CASE + "/incidents/new")
                        .param("date.day", "31")
                        .param("date.month", "2")
                        .param("date.year", "2026")
                        .with(offenderManager())
                        .with(csrf()))
                .andReturn()
                .getResponse());
        assertThat(page).contains("href=\"#date\">Enter a real date");
        GATEWAY.verify(0, postRequestedFor(urlPathEqualTo("/api/risk-matrix/nominals/" + CASE + "/incidents")));
    }

    @Test
    void aConflictSaysWhatChangedAndOffersAReload() throws Exception {
        GATEWAY.stubFor(post(urlPathEqualTo("/api/risk-matrix/nominals/" + CASE + "/routing/decisions"))
                .willReturn(problem(409, """
                        {"title":"Conflict","status":409,"detail":"A routing decision in status ENGAGED cannot decide-engage",
                         "currentStatus":"ENGAGED","allowedMoves":["engagement-failed"]}""")));
        MockHttpServletResponse response = mvc.perform(
                        MockMvcRequestBuilders.post("/risk-matrix/nominals/" + CASE + "/decision")
                                .param("route", "ENGAGE")
                                .param("pathways", "DRIVE")
                                .with(offenderManager())
                                .with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(page(response))
                .contains("A routing decision in status ENGAGED cannot decide-engage")
                .contains("Current status")
                .contains("engagement-failed")
                .contains("href=\"/risk-matrix/nominals/" + CASE + "/decision\" class=\"govuk-button\"");
    }

    @Test
    void nothingThereAndNotAllowedAreGovukPages() throws Exception {
        GATEWAY.stubFor(get(urlPathEqualTo("/api/risk-matrix/nominals/" + CASE))
                .willReturn(aResponse().withStatus(404)));
        MockHttpServletResponse missing = mvc.perform(MockMvcRequestBuilders.get("/risk-matrix/nominals/" + CASE)
                        .with(offenderManager()))
                .andReturn()
                .getResponse();
        assertThat(missing.getStatus()).isEqualTo(404);
        assertThat(page(missing)).contains("Page not found");
        GATEWAY.stubFor(
                get(urlPathEqualTo("/api/cases/" + CASE)).willReturn(aResponse().withStatus(403)));
        MockHttpServletResponse refused = mvc.perform(
                        MockMvcRequestBuilders.get("/cases/" + CASE).with(user("evaluator")))
                .andReturn()
                .getResponse();
        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat(page(refused)).contains("You cannot see this page");
        GATEWAY.verify(getRequestedFor(urlPathEqualTo("/api/cases/" + CASE))
                .withHeader("Authorization", equalTo(ACCESS_TOKEN)));
    }

    @Test
    void aServiceThatIsDownIsNotAvailableRightNow() throws Exception {
        GATEWAY.stubFor(get(urlPathEqualTo("/api/risk-matrix/nominals/" + CASE))
                .willReturn(aResponse().withStatus(503)));
        MockHttpServletResponse failing = mvc.perform(MockMvcRequestBuilders.get("/risk-matrix/nominals/" + CASE)
                        .with(offenderManager()))
                .andReturn()
                .getResponse();
        assertThat(failing.getStatus()).isEqualTo(503);
        assertThat(page(failing))
                .contains("<span>The risk matrix</span> is not available right now.")
                .doesNotContain("Exception");
        GATEWAY.stubFor(get(urlPathEqualTo("/api/risk-matrix/disruption-tasks"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        MockHttpServletResponse unreachable = mvc.perform(MockMvcRequestBuilders.get("/risk-matrix/disruption-tasks")
                        .with(offenderManager()))
                .andReturn()
                .getResponse();
        assertThat(unreachable.getStatus()).isEqualTo(503);
        assertThat(page(unreachable)).contains("<span>The risk matrix</span> is not available right now.");
    }

    @Test
    void theCasePageShowsEachPartTheRoleMaySeeAndSaysWhichIsNotAvailable() throws Exception {
        GATEWAY.stubFor(get(urlPathEqualTo("/api/cases/" + CASE)).willReturn(okJson("""
                {"caseId":"%s","riskMatrix":{"status":"AVAILABLE","summary":%s},
                 "programme":{"status":"UNAVAILABLE"},
                 "partnerSupport":{"status":"NOT_PERMITTED"}}""".formatted(CASE, SUMMARY))));
        String page =
                page(mvc.perform(MockMvcRequestBuilders.get("/cases/" + CASE).with(user("facilitator")))
                        .andReturn()
                        .getResponse());
        assertThat(page)
                .contains("<h2 class=\"govuk-heading-m\">Risk matrix</h2>")
                .contains("Northshire")
                .contains("Engaged")
                .contains("Offender management, Drive")
                .contains("Serial perpetrator");
        assertThat(page)
                .contains("<h2 class=\"govuk-heading-m\">Programme</h2>")
                .contains("is not available right now");
        assertThat(page).as("a part the role may not see is left out").doesNotContain("Partner support</h2>");
        assertThat(page).as("the nominal's page is the offender manager's").doesNotContain("Open the nominal");
    }

    @Test
    void theCasePageNeverShowsAFieldTheServiceDidNotReturn() throws Exception {
        GATEWAY.stubFor(get(urlPathEqualTo("/api/cases/" + CASE)).willReturn(okJson("""
                {"caseId":"%s","riskMatrix":{"status":"NOT_FOUND"},"programme":{"status":"NOT_PERMITTED"},
                 "partnerSupport":{"status":"AVAILABLE","summary":{"caseId":"%s","trackExists":true}}}""".formatted(CASE, CASE))));
        String page =
                page(mvc.perform(MockMvcRequestBuilders.get("/cases/" + CASE).with(offenderManager()))
                        .andReturn()
                        .getResponse());
        assertThat(page)
                .contains("Partner track")
                .doesNotContain("Current risk level")
                .doesNotContain("Contact made")
                .contains("Nothing is held here about this case.");
    }

    private static void stubNominalForForm() {
        GATEWAY.stubFor(
                get(urlPathEqualTo("/api/risk-matrix/nominals/" + CASE)).willReturn(okJson("""
                {"caseId":"%s","givenName":"Testy","familyName":"McExample","dateOfBirth":"1985-03-14","policeId":"99/0000009D",
                 "area":"Northshire","createdAt":"2026-01-01T10:00:00Z","version":1,"routingStatus":"AWAITING_DECISION"}""".formatted(CASE))));
        GATEWAY.stubFor(
                get(urlPathEqualTo("/api/risk-matrix/reference-data/versions")).willReturn(okJson("""
                {"items":[{"version":1,"label":"example","example":true,"windowMonths":36,"recencyBands":[],"frequencyBands":[],
                  "victimBands":[],"dashUplift":{"standard":0,"medium":5,"high":10},
                  "offences":[{"code":"EX-ABH","description":"Actual bodily harm","crime":true,"harmDays":180,"gravityPoints":20}],
                  "createdAt":"2026-01-01T10:00:00Z","createdBy":"system"}]}""")));
    }
}
