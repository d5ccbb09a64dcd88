package uk.dapp.programme.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import uk.dapp.platform.outbox.OutboxRelay;
import uk.dapp.programme.Api;
import uk.dapp.programme.MovableClock;
import uk.dapp.programme.ProgrammeServiceTest;

/**
 * A risk alert's 24 hours (issue 15 item 10, issue 16 item 4): it is listed with the time left on its
 * clock from its arrival, read on its own, and, not reviewed in time, escalates once to the service
 * managers' escalation list and their inboxes; a review in time stops it.
 */
@ProgrammeServiceTest
class AlertEscalationApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    MovableClock clock;

    @Autowired
    AlertService alerts;

    @Autowired
    OutboxRelay relay;

    @Autowired
    MongoTemplate mongo;

    @Test
    void anAlertNotReviewedWithin24HoursEscalatesOnceToTheServiceManagersListAndInbox() throws Exception {
        Api api = new Api(mvc);
        String referralId = api.refer("DRIVE-1TO1", null, false, null, "HIGH");
        String manager = Api.unique("sm");
        JsonNode alert = api.expect(201, "POST", "/referrals/" + referralId + "/alerts", "facilitator",
                "{\"concern\":\"new threats\"}").body();
        String alertId = alert.get("alertId").asString();
        assertThat(alert.get("minutesLeft").asLong()).isEqualTo(24 * 60);

        JsonNode one = api.expect(200, "GET", "/alerts/" + alertId, "service-manager", manager, null).body();
        assertThat(one.get("status").asString()).isEqualTo("OPEN");
        assertThat(one.path("escalatedAt").isNull()).as("not escalated").isTrue();
        assertThat(openIds(api, manager)).contains(alertId);

        relay.runOnce();
        assertThat(inboxKinds(api, manager, alertId)).containsExactly("RISK_ALERT_RAISED");

        clock.advance(Duration.ofHours(23));
        assertThat(alerts.escalateDue()).as("still within its 24 hours").isZero();
        clock.advance(Duration.ofHours(1).plusSeconds(1));
        assertThat(alerts.escalateDue()).isGreaterThanOrEqualTo(1);
        assertThat(alerts.escalateDue()).as("escalated once").isZero();

        JsonNode escalated = api.expect(200, "GET", "/alerts/" + alertId, "service-manager", manager, null).body();
        assertThat(escalated.get("escalatedAt").asString()).isNotBlank();
        assertThat(escalated.get("minutesLeft").asLong()).isNegative();
        assertThat(ids(api.expect(200, "GET", "/alerts/escalated?size=100", "service-manager", manager, null).body()))
                .contains(alertId);
        relay.runOnce();
        assertThat(inboxKinds(api, manager, alertId)).containsExactly("RISK_ALERT_ESCALATED", "RISK_ALERT_RAISED");

        api.expect(200, "POST", "/alerts/" + alertId + "/review", "service-manager", manager,
                "{\"actionsTaken\":\"spoke to the partner support worker; safety plan reviewed\"}");
        assertThat(ids(api.expect(200, "GET", "/alerts/escalated?size=100", "service-manager", manager, null).body()))
                .doesNotContain(alertId);
        assertThat(openIds(api, manager)).doesNotContain(alertId);
    }

    @Test
    void anAlertReviewedInTimeNeverEscalatesAndAnotherTeamCannotReadIt() throws Exception {
        Api api = new Api(mvc);
        String referralId = api.refer("DRIVE-1TO1", null, false, null, "HIGH");
        String alertId = api.expect(201, "POST", "/referrals/" + referralId + "/alerts", "facilitator",
                "{\"concern\":\"a worry\"}").text("alertId");
        api.expect(200, "POST", "/alerts/" + alertId + "/review", "service-manager",
                "{\"actionsTaken\":\"reviewed with the facilitator\"}");
        clock.advance(Duration.ofHours(25));
        alerts.escalateDue();
        assertThat(api.getJson("/alerts/" + alertId, "facilitator").path("escalatedAt").isNull()).isTrue();

        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/alerts/" + alertId)
                        .with(uk.dapp.platform.testsupport.Callers.ofOtherTeam("service-manager")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isNotFound());
    }

    private static List<String> openIds(Api api, String manager) throws Exception {
        return ids(api.expect(200, "GET", "/alerts/open?size=100", "service-manager", manager, null).body());
    }

    private static List<String> ids(JsonNode page) {
        return page.get("items").valueStream().map(a -> a.get("alertId").asString()).toList();
    }

    private static List<String> inboxKinds(Api api, String manager, String alertId) throws Exception {
        return api.expect(200, "GET", "/notifications?size=100", "service-manager", manager, null).body().get("items")
                .valueStream().filter(n -> n.get("subjectId").asString().equals(alertId))
                .map(n -> n.get("kind").asString()).toList();
    }
}
