package uk.dapp.web.home;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import uk.dapp.web.WebTest;

/** The home page's "your work" against the gateway (WireMock): the services' counts, and a service that cannot answer. */
class HomeWorkTest extends WebTest {

    private static final String UNREAD = """
            {"unread":2,"parts":[{"service":"risk-matrix","status":"AVAILABLE","unread":0},
             {"service":"programme","status":"AVAILABLE","unread":2},{"service":"partner-support","status":"AVAILABLE","unread":0}]}""";

    private static final String PROGRAMME_WORK = """
            {"asOf":"2026-03-02T09:00:00Z",
             "caseload":{"total":7,"items":[]},"sessionsThisWeek":{"total":3,"items":[]},
             "awaitingAssessment":{"total":2,"items":[]},"reviews":{"total":4,"overdue":1,"items":[]},
             "alerts":{"total":1,"overdue":0,"items":[]},
             "alertsToReview":{"total":5,"overdue":2,"items":[]},"escalations":{"total":2,"items":[]},
             "overdueReviews":{"total":1,"overdue":1,"items":[]},"groups":{"total":6,"items":[]},
             "facilitatorCaseloads":{"total":3,"items":[]}}""";

    @Test
    void aServiceManagerSeesTheirTeamsWorkCountedWithWhatIsOverdueAndTheirUnreadNotifications() throws Exception {
        GATEWAY.stubFor(get(urlPathEqualTo("/api/notifications/unread-count")).willReturn(okJson(UNREAD)));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/programme/my-work")).willReturn(okJson(PROGRAMME_WORK)));

        String page = mvc.perform(MockMvcRequestBuilders.get("/").with(user("service-manager")))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page)
                .contains(
                        "Your work",
                        "Unread notifications",
                        "Monthly reviews due",
                        "1 overdue",
                        "Risk alerts to review in your teams",
                        "2 overdue",
                        "Escalated risk alerts",
                        "Groups",
                        "Monthly reviews overdue in your teams",
                        "Caseloads in your teams",
                        "href=\"/programme/reviews/overdue\"",
                        "href=\"/notifications\"",
                        "href=\"/programme/alerts\"",
                        "href=\"/programme/alerts?escalated=true\"",
                        "href=\"/programme/groups\"",
                        "href=\"/programme/caseloads\"");
        // the counts alone: no case served, so none recorded as read for a page that shows none
        GATEWAY.verify(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                        urlPathEqualTo("/api/programme/my-work"))
                .withQueryParam("limit", com.github.tomakehurst.wiremock.client.WireMock.equalTo("0")));
    }

    @Test
    void aServiceThatCannotAnswerIsSaidToBeUnavailableAndTheRestOfThePageStillWorks() throws Exception {
        GATEWAY.stubFor(get(urlPathEqualTo("/api/notifications/unread-count")).willReturn(okJson(UNREAD)));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/partner-support/my-work"))
                .willReturn(aResponse().withStatus(503)));

        String page = mvc.perform(MockMvcRequestBuilders.get("/").with(user("partner-support-worker")))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page)
                .contains("Partner support is not available right now", "Unread notifications", "Your work")
                .doesNotContain("Tracks waiting for a worker</dt>");
    }

    @Test
    void evaluatorsAndAdminsHaveNoWorkListsToCount() throws Exception {
        String page = mvc.perform(MockMvcRequestBuilders.get("/").with(user("evaluator")))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).doesNotContain("Your work").contains("Outcome KPIs");
    }
}
