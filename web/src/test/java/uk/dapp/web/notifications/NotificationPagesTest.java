package uk.dapp.web.notifications;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import uk.dapp.web.WebTest;

/** The notification inbox against the gateway (WireMock): what it shows, what it marks read and where. */
class NotificationPagesTest extends WebTest {

    private static final String CASE = "7KQM4X-ZP9RTD-2HBWJG";
    private static final String ALERT_NOTICE = "66666666-6666-4666-8666-666666666666";
    private static final String READ_NOTICE = "77777777-7777-4777-8777-777777777777";

    private static final String INBOX = """
            {"items":[
              {"service":"programme","notification":{"notificationId":"%s","kind":"RISK_ALERT_RAISED","caseId":"%s",
               "subject":"RISK_ALERT","subjectId":"88888888-8888-4888-8888-888888888888",
               "whatToDo":"Review the risk alert within 24 hours","urgent":true,"createdAt":"2026-03-02T09:30:00Z","read":false}},
              {"service":"risk-matrix","notification":{"notificationId":"%s","kind":"REROUTING_NEEDED","caseId":"%s",
               "subject":"NOMINAL","subjectId":"%s","whatToDo":"Make a new routing decision","urgent":false,
               "createdAt":"2026-03-01T09:30:00Z","read":true,"readAt":"2026-03-01T10:00:00Z"}}],
             "unread":1,
             "parts":[{"service":"risk-matrix","status":"AVAILABLE","unread":0},
                      {"service":"programme","status":"AVAILABLE","unread":1},
                      {"service":"partner-support","status":"UNAVAILABLE"}]}""".formatted(ALERT_NOTICE, CASE, READ_NOTICE, CASE, CASE);

    @Test
    void theInboxListsEachNotificationWithItsCaseAndWhatToDoAndNamesAServiceThatCannotAnswer() throws Exception {
        GATEWAY.stubFor(get(urlPathEqualTo("/api/notifications")).willReturn(okJson(INBOX)));

        String page = mvc.perform(MockMvcRequestBuilders.get("/notifications").with(user("facilitator")))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page)
                .contains(
                        "Risk alert raised",
                        "Review the risk alert within 24 hours",
                        "Urgent",
                        "Nominal needs re-routing",
                        "Make a new routing decision",
                        "1 unread notification",
                        "/cases/" + CASE,
                        "/notifications/programme/" + ALERT_NOTICE + "/read",
                        "Notifications from partner support cannot be shown right now");
        // the one already read has no button
        assertThat(page).doesNotContain("/notifications/risk-matrix/" + READ_NOTICE + "/read");
        GATEWAY.verify(
                getRequestedFor(urlPathEqualTo("/api/notifications")).withQueryParam("unreadOnly", equalTo("false")));
    }

    @Test
    void markingReadGoesToTheServiceThatRaisedItAndComesBackToTheInbox() throws Exception {
        GATEWAY.stubFor(put(urlPathEqualTo("/api/programme/notifications/" + ALERT_NOTICE + "/read"))
                .willReturn(okJson("""
                {"notificationId":"%s","kind":"RISK_ALERT_RAISED","caseId":"%s","subject":"RISK_ALERT",
                 "subjectId":"88888888-8888-4888-8888-888888888888","whatToDo":"Review the risk alert within 24 hours",
                 "urgent":true,"createdAt":"2026-03-02T09:30:00Z","read":true,"readAt":"2026-03-02T10:00:00Z"}""".formatted(ALERT_NOTICE, CASE))));

        MockHttpServletResponse response = mvc.perform(
                        MockMvcRequestBuilders.post("/notifications/programme/" + ALERT_NOTICE + "/read")
                                .with(user("facilitator"))
                                .with(csrf()))
                .andReturn()
                .getResponse();

        assertThat(response.getRedirectedUrl()).isEqualTo("/notifications");
        GATEWAY.verify(putRequestedFor(urlPathEqualTo("/api/programme/notifications/" + ALERT_NOTICE + "/read")));
    }

    @Test
    void anEmptyInboxSaysSo() throws Exception {
        GATEWAY.stubFor(get(urlPathEqualTo("/api/notifications")).willReturn(okJson("""
                {"items":[],"unread":0,"parts":[{"service":"risk-matrix","status":"AVAILABLE","unread":0},
                 {"service":"programme","status":"AVAILABLE","unread":0},{"service":"partner-support","status":"AVAILABLE","unread":0}]}""")));

        String page = mvc.perform(
                        MockMvcRequestBuilders.get("/notifications?unread=true").with(user("partner-support-worker")))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page)
                .contains("You have no unread notifications.", "0 unread notifications")
                .doesNotContain("cannot be shown");
    }
}
