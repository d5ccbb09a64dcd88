package uk.dapp.programme.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * managers' escalation list and their inboxes; a review in time stops it. A facilitator or service
 * manager who judges it urgent escalates it by hand at once, the same escalation saying who and why.
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
        JsonNode alert = api.expect(
                        201,
                        "POST",
                        "/referrals/" + referralId + "/alerts",
                        "facilitator",
                        "{\"concern\":\"new threats\"}")
                .body();
        String alertId = alert.get("alertId").asString();
        assertThat(alert.get("minutesLeft").asLong()).isEqualTo(24 * 60);

        JsonNode one = api.expect(200, "GET", "/alerts/" + alertId, "service-manager", manager, null)
                .body();
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

        JsonNode escalated = api.expect(200, "GET", "/alerts/" + alertId, "service-manager", manager, null)
                .body();
        assertThat(escalated.get("escalatedAt").asString()).isNotBlank();
        assertThat(escalated.get("minutesLeft").asLong()).isNegative();
        assertThat(ids(api.expect(200, "GET", "/alerts/escalated?size=100", "service-manager", manager, null)
                        .body()))
                .contains(alertId);
        relay.runOnce();
        assertThat(inboxKinds(api, manager, alertId)).containsExactly("RISK_ALERT_ESCALATED", "RISK_ALERT_RAISED");

        api.expect(
                200,
                "POST",
                "/alerts/" + alertId + "/review",
                "service-manager",
                manager,
                "{\"actionsTaken\":\"spoke to the partner support worker; safety plan reviewed\"}");
        assertThat(ids(api.expect(200, "GET", "/alerts/escalated?size=100", "service-manager", manager, null)
                        .body()))
                .doesNotContain(alertId);
        assertThat(openIds(api, manager)).doesNotContain(alertId);
    }

    @Test
    void anAlertReviewedInTimeNeverEscalatesAndAnotherTeamCannotReadIt() throws Exception {
        Api api = new Api(mvc);
        String referralId = api.refer("DRIVE-1TO1", null, false, null, "HIGH");
        String alertId = api.expect(
                        201, "POST", "/referrals/" + referralId + "/alerts", "facilitator", "{\"concern\":\"a worry\"}")
                .text("alertId");
        api.expect(
                200,
                "POST",
                "/alerts/" + alertId + "/review",
                "service-manager",
                "{\"actionsTaken\":\"reviewed with the facilitator\"}");
        clock.advance(Duration.ofHours(25));
        alerts.escalateDue();
        assertThat(api.getJson("/alerts/" + alertId, "facilitator")
                        .path("escalatedAt")
                        .isNull())
                .isTrue();

        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/alerts/" + alertId)
                        .with(uk.dapp.platform.testsupport.Callers.ofOtherTeam("service-manager")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status()
                        .isNotFound());
    }

    @Test
    void aFacilitatorEscalatesAnUrgentAlertAtOnceWithAReasonAndTheServiceManagersAreNotifiedOnce() throws Exception {
        Api api = new Api(mvc);
        String referralId = api.refer("DRIVE-1TO1", null, false, null, "HIGH");
        String manager = Api.unique("sm");
        String facilitator = Api.unique("fac");
        String alertId = api.expect(
                        201,
                        "POST",
                        "/referrals/" + referralId + "/alerts",
                        "facilitator",
                        facilitator,
                        "{\"concern\":\"said he knows her new address\"}")
                .text("alertId");

        JsonNode escalated = api.expect(
                        200,
                        "POST",
                        "/alerts/" + alertId + "/escalation",
                        "facilitator",
                        facilitator,
                        "{\"reason\":\"  he plans to go there this weekend  \"}")
                .body();
        assertThat(escalated.get("status").asString()).isEqualTo("OPEN");
        assertThat(escalated.get("escalatedAt").asString()).isNotBlank();
        assertThat(escalated.get("escalationWay").asString()).isEqualTo("BY_HAND");
        assertThat(escalated.get("escalatedBy").asString()).isEqualTo(facilitator);
        assertThat(escalated.get("escalationReason").asString()).isEqualTo("he plans to go there this weekend");
        assertThat(escalated.get("minutesLeft").asLong())
                .as("its clock still runs for the review")
                .isPositive();

        JsonNode listed = item(
                api.expect(200, "GET", "/alerts/escalated?size=100", "service-manager", manager, null)
                        .body(),
                alertId);
        assertThat(listed.get("escalationWay").asString()).isEqualTo("BY_HAND");
        assertThat(listed.get("escalatedBy").asString()).isEqualTo(facilitator);
        relay.runOnce();
        assertThat(inboxKinds(api, manager, alertId))
                .containsExactlyInAnyOrder("RISK_ALERT_ESCALATED", "RISK_ALERT_RAISED");

        // again, by someone else, and then the clock: the same answer, nothing recorded or notified again
        JsonNode again = api.expect(
                        200,
                        "POST",
                        "/alerts/" + alertId + "/escalation",
                        "service-manager",
                        manager,
                        "{\"reason\":\"another reason\"}")
                .body();
        assertThat(again).isEqualTo(escalated);
        clock.advance(Duration.ofHours(25));
        alerts.escalateDue();
        assertThat(api.getJson("/alerts/" + alertId, "facilitator")
                        .get("escalatedBy")
                        .asString())
                .isEqualTo(facilitator);
        relay.runOnce();
        assertThat(inboxKinds(api, manager, alertId))
                .containsExactlyInAnyOrder("RISK_ALERT_ESCALATED", "RISK_ALERT_RAISED");
        assertThat(mongo.findById(alertId, Alert.class).outboxSequence())
                .as("two notices owed, ever")
                .isEqualTo(2);
    }

    @Test
    void anAlertTheClockEscalatedSaysSoAndEscalatingItByHandAnswersItAsItStands() throws Exception {
        Api api = new Api(mvc);
        String referralId = api.refer("DRIVE-1TO1", null, false, null, "HIGH");
        String alertId = api.expect(
                        201, "POST", "/referrals/" + referralId + "/alerts", "facilitator", "{\"concern\":\"a worry\"}")
                .text("alertId");
        clock.advance(Duration.ofHours(24).plusMinutes(1));
        alerts.escalateDue();
        JsonNode byClock = api.getJson("/alerts/" + alertId, "service-manager");
        assertThat(byClock.get("escalationWay").asString()).isEqualTo("REVIEW_CLOCK_RAN_OUT");
        assertThat(absent(byClock, "escalatedBy")).as("escalatedBy absent").isTrue();
        assertThat(absent(byClock, "escalationReason"))
                .as("escalationReason absent")
                .isTrue();
        JsonNode answered = api.expect(
                        200, "POST", "/alerts/" + alertId + "/escalation", "facilitator", "{\"reason\":\"urgent\"}")
                .body();
        assertThat(answered.get("escalationWay").asString()).isEqualTo("REVIEW_CLOCK_RAN_OUT");
        assertThat(answered.get("escalatedAt")).isEqualTo(byClock.get("escalatedAt"));
    }

    @Test
    void aReviewedAlertCannotBeEscalatedAndAReasonIsRequired() throws Exception {
        Api api = new Api(mvc);
        String referralId = api.refer("DRIVE-1TO1", null, false, null, "HIGH");
        String alertId = api.expect(
                        201, "POST", "/referrals/" + referralId + "/alerts", "facilitator", "{\"concern\":\"a worry\"}")
                .text("alertId");
        for (String body : new String[] {"{}", "{\"reason\":null}", "{\"reason\":\"\"}", "{\"reason\":\"   \"}"}) {
            Api.Reply refused = api.expect(400, "POST", "/alerts/" + alertId + "/escalation", "facilitator", body);
            assertThat(refused.body().get("errors").get(0).get("field").asString())
                    .as(body)
                    .isEqualTo("reason");
        }
        assertThat(absent(api.getJson("/alerts/" + alertId, "facilitator"), "escalatedAt"))
                .as("escalatedAt absent")
                .isTrue();

        api.expect(
                200,
                "POST",
                "/alerts/" + alertId + "/review",
                "service-manager",
                "{\"actionsTaken\":\"reviewed with the facilitator\"}");
        Api.Reply conflict =
                api.expect(409, "POST", "/alerts/" + alertId + "/escalation", "facilitator", "{\"reason\":\"urgent\"}");
        assertThat(conflict.raw()).contains("already reviewed");
        assertThat(absent(api.getJson("/alerts/" + alertId, "facilitator"), "escalatedAt"))
                .as("escalatedAt absent")
                .isTrue();

        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                "/alerts/" + alertId + "/escalation")
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"urgent\"}")
                        .with(uk.dapp.platform.testsupport.Callers.ofOtherTeam("facilitator")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status()
                        .isNotFound());
    }

    @Test
    void escalatingByHandWhileTheClockEscalatesLosesNothingAndNotifiesOnce() throws Exception {
        Api api = new Api(mvc);
        String referralId = api.refer("DRIVE-1TO1", null, false, null, "HIGH");
        String alertId = api.expect(
                        201, "POST", "/referrals/" + referralId + "/alerts", "facilitator", "{\"concern\":\"a worry\"}")
                .text("alertId");
        clock.advance(Duration.ofHours(24).plusMinutes(1));
        List<Callable<Integer>> attempts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            attempts.add(() -> api.call(
                            "POST",
                            "/alerts/" + alertId + "/escalation",
                            "facilitator",
                            "test-facilitator",
                            "{\"reason\":\"urgent\"}")
                    .status());
            attempts.add(() -> alerts.escalateDue() >= 0 ? 200 : 500);
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> result : pool.invokeAll(attempts)) {
            statuses.add(result.get());
        }
        pool.shutdown();
        assertThat(statuses).containsOnly(200);
        Alert stored = mongo.findById(alertId, Alert.class);
        assertThat(stored.escalatedAt()).isNotNull();
        assertThat(stored.outboxSequence())
                .as("the arrival's notice and one escalation's")
                .isEqualTo(2);
        assertThat(stored.escalationOrClock().way())
                .isIn(AlertEscalation.Way.BY_HAND, AlertEscalation.Way.REVIEW_CLOCK_RAN_OUT);
    }

    private static boolean absent(JsonNode node, String field) {
        return node.path(field).isNull() || node.path(field).isMissingNode();
    }

    private static JsonNode item(JsonNode page, String alertId) {
        return page.get("items")
                .valueStream()
                .filter(a -> a.get("alertId").asString().equals(alertId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("alert " + alertId + " not listed"));
    }

    private static List<String> openIds(Api api, String manager) throws Exception {
        return ids(api.expect(200, "GET", "/alerts/open?size=100", "service-manager", manager, null)
                .body());
    }

    private static List<String> ids(JsonNode page) {
        return page.get("items")
                .valueStream()
                .map(a -> a.get("alertId").asString())
                .toList();
    }

    private static List<String> inboxKinds(Api api, String manager, String alertId) throws Exception {
        return api.expect(200, "GET", "/notifications?size=100", "service-manager", manager, null)
                .body()
                .get("items")
                .valueStream()
                .filter(n -> n.get("subjectId").asString().equals(alertId))
                .map(n -> n.get("kind").asString())
                .toList();
    }
}
