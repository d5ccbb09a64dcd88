package uk.dapp.web.riskmatrix;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static uk.dapp.web.GatewayResponses.problem;
import static uk.dapp.web.GatewayResponses.refusal;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import uk.dapp.web.WebTest;

/**
 * An engaged nominal's onward referrals and Drive's disruption strand against the gateway (WireMock): listed on
 * the nominal's page, made and answered through forms whose errors are the service's, and the officer's
 * follow-ups on their work page and home page.
 */
class OnwardReferralPagesTest extends WebTest {

    private static final String CASE = "7KQM4X-ZP9RTD-2HBWJG";
    private static final String API = "/api/risk-matrix/nominals/" + CASE;
    private static final String PAGE = "/risk-matrix/nominals/" + CASE;

    private static final String MADE = """
            {"referralId":"r-1","caseId":"%s","type":"HOUSING","provider":"Northshire Housing Options","status":"MADE",
             "madeOn":"2026-11-20","madeBy":"demo-offender-manager","followUpDate":"2026-12-04","followUpDue":true,
             "allowedStatuses":["ACCEPTED","DECLINED","WITHDRAWN"],
             "history":[{"to":"MADE","move":"make","by":"demo-offender-manager","at":"2026-11-20T10:00:00Z",
                         "reason":"to Northshire Housing Options"}]}""".formatted(CASE);

    private static final String COMPLETED = """
            {"referralId":"r-2","caseId":"%s","type":"DRUG_REHABILITATION","status":"COMPLETED",
             "madeOn":"2026-09-01","madeBy":"demo-offender-manager","followUpDate":"2026-10-01","followUpDue":false,
             "outcome":"Finished the community programme","closedAt":"2026-11-01T10:00:00Z","allowedStatuses":[],
             "history":[]}""".formatted(CASE);

    @Test
    void theNominalsPageListsItsOnwardReferralsWithStatusFollowUpAndOutcome() throws Exception {
        stubNominal();
        GATEWAY.stubFor(
                get(urlPathEqualTo(API + "/score")).willReturn(aResponse().withStatus(404)));
        GATEWAY.stubFor(get(urlPathEqualTo(API + "/incidents")).willReturn(okJson("{\"items\":[]}")));
        GATEWAY.stubFor(get(urlPathEqualTo(API + "/routing")).willReturn(okJson("""
                {"caseId":"%s","status":"ENGAGED","allowedMoves":["engagement-failed"],"history":[],"tasks":[]}""".formatted(CASE))));
        stubReferrals();

        String page = mvc.perform(MockMvcRequestBuilders.get(PAGE).with(offenderManager()))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page)
                .contains(
                        "id=\"onward-referrals\"",
                        "Housing",
                        "Northshire Housing Options",
                        "Follow-up due",
                        "Drug rehabilitation",
                        "Completed",
                        "Finished the community programme",
                        "href=\"" + PAGE + "/onward-referrals/r-1\"",
                        "Record what happened",
                        "Make an onward referral",
                        "Open disruption tasks");
    }

    @Test
    void makingAReferralSendsTheFormAndTheServicesRefusalIsShownBesideTheField() throws Exception {
        stubNominal();
        GATEWAY.stubFor(post(urlPathEqualTo(API + "/onward-referrals"))
                .willReturn(refusal(
                        "followUpDate",
                        "NotBeforeMadeOn",
                        "the follow-up is on or after the day the referral was made")));

        String page = mvc.perform(MockMvcRequestBuilders.post(PAGE + "/onward-referrals/new")
                        .param("type", "HOUSING")
                        .param("madeOn.day", "20")
                        .param("madeOn.month", "11")
                        .param("madeOn.year", "2026")
                        .param("followUpDate.day", "1")
                        .param("followUpDate.month", "11")
                        .param("followUpDate.year", "2026")
                        .with(offenderManager())
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page)
                .contains("<title>Error: Make an onward referral")
                .contains("href=\"#followUpDate\">The follow-up must be on or after the day the referral was made")
                .contains("id=\"followUpDate-error\"");
        GATEWAY.verify(postRequestedFor(urlPathEqualTo(API + "/onward-referrals"))
                .withRequestBody(equalToJson(
                        "{\"type\":\"HOUSING\",\"madeOn\":\"2026-11-20\",\"followUpDate\":\"2026-11-01\"}",
                        true,
                        true)));
    }

    @Test
    void recordingWhatHappenedOffersOnlyTheStatusesTheServiceAllowsAndRedirectsToTheNominal() throws Exception {
        stubNominal();
        stubReferrals();
        String form = mvc.perform(MockMvcRequestBuilders.get(PAGE + "/onward-referrals/r-1")
                        .with(offenderManager()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(form)
                .contains("Housing referral", "value=\"ACCEPTED\"", "value=\"DECLINED\"", "value=\"WITHDRAWN\"")
                .doesNotContain("value=\"COMPLETED\"");

        GATEWAY.stubFor(put(urlPathEqualTo(API + "/onward-referrals/r-1/status"))
                .willReturn(okJson(MADE.replace("\"status\":\"MADE\"", "\"status\":\"DECLINED\""))));
        MockHttpServletResponse done = mvc.perform(MockMvcRequestBuilders.post(PAGE + "/onward-referrals/r-1")
                        .param("status", "DECLINED")
                        .param("outcome", "No local authority duty")
                        .with(offenderManager())
                        .with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(done.getRedirectedUrl()).isEqualTo(PAGE + "#onward-referrals");
        GATEWAY.verify(putRequestedFor(urlPathEqualTo(API + "/onward-referrals/r-1/status"))
                .withRequestBody(
                        equalToJson("{\"status\":\"DECLINED\",\"outcome\":\"No local authority duty\"}", true, true)));

        String closed = mvc.perform(MockMvcRequestBuilders.get(PAGE + "/onward-referrals/r-2")
                        .with(offenderManager()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(closed).contains("This referral is closed").doesNotContain("Record it</button>");
    }

    @Test
    void openingDisruptionTasksForANominalTheServiceRefusesSaysWhy() throws Exception {
        stubNominal();
        GATEWAY.stubFor(post(urlPathEqualTo(API + "/disruption-tasks")).willReturn(problem(409, """
                        {"title":"Conflict","status":409,"detail":"Disruption tasks are for catch-and-convict nominals, and engaged ones at HIGH risk; this one is ENGAGED at MEDIUM risk",
                         "currentStatus":"ENGAGED","riskLevel":"MEDIUM"}""")));
        String form = mvc.perform(MockMvcRequestBuilders.get(PAGE + "/disruption-tasks/new")
                        .with(offenderManager()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(form).contains("Open disruption tasks", "value=\"OUTSTANDING_WARRANTS\"");

        MockHttpServletResponse refused = mvc.perform(MockMvcRequestBuilders.post(PAGE + "/disruption-tasks/new")
                        .param("kinds", "OUTSTANDING_WARRANTS")
                        .with(offenderManager())
                        .with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(refused.getStatus()).isEqualTo(409);
        assertThat(refused.getContentAsString()).contains("engaged ones at HIGH risk");
    }

    @Test
    void theOfficersFollowUpsAreListedAndCountedOnTheHomePage() throws Exception {
        GATEWAY.stubFor(get(urlPathEqualTo("/api/risk-matrix/my-work")).willReturn(okJson("""
                {"asOf":"2026-12-06T09:00:00Z","awaitingDecision":{"total":0,"items":[]},
                 "disruptionTasks":{"total":0,"overdue":0,"items":[]},
                 "cohortChanges":{"since":"2026-11-29T09:00:00Z","total":0,"items":[]},
                 "onwardReferrals":{"total":1,"overdue":1,"items":[]}}""")));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/risk-matrix/onward-referrals/follow-ups"))
                .willReturn(okJson("""
                {"total":1,"overdue":1,"items":[%s]}""".formatted(MADE))));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/notifications/unread-count"))
                .willReturn(okJson("{\"unread\":0,\"parts\":[]}")));

        String list = mvc.perform(MockMvcRequestBuilders.get("/risk-matrix/onward-referrals")
                        .with(offenderManager()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(list)
                .contains(
                        "Onward referrals to follow up", CASE, "Housing", "href=\"" + PAGE + "/onward-referrals/r-1\"");
        // their own list: my-work's other lists would record reads of cases this page never shows
        GATEWAY.verify(
                0,
                com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                        urlPathEqualTo("/api/risk-matrix/my-work")));
        String home = mvc.perform(MockMvcRequestBuilders.get("/").with(offenderManager()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(home).contains("Onward referrals to follow up", "href=\"/risk-matrix/onward-referrals\"");
    }

    private static void stubNominal() {
        GATEWAY.stubFor(get(urlPathEqualTo(API)).willReturn(okJson("""
                {"caseId":"%s","givenName":"Testy","familyName":"McExample","dateOfBirth":"1985-03-14","policeId":"99/0000009D",
                 "area":"Northshire","createdAt":"2026-01-01T10:00:00Z","version":1,"routingStatus":"ENGAGED"}""".formatted(CASE))));
    }

    private static void stubReferrals() {
        GATEWAY.stubFor(get(urlPathEqualTo(API + "/onward-referrals"))
                .willReturn(okJson("{\"items\":[" + MADE + "," + COMPLETED + "]}")));
    }
}
