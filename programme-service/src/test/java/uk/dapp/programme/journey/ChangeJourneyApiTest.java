package uk.dapp.programme.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import uk.dapp.platform.audit.AuditRecord;
import uk.dapp.platform.outbox.Destinations;
import uk.dapp.programme.Api;
import uk.dapp.programme.MovableClock;
import uk.dapp.programme.ProgrammeServiceTest;
import uk.dapp.programme.referral.Owed;
import uk.dapp.programme.referral.Referral;

/** A Change-style group journey against the embedded store, with the clock moved for deadlines. */
@ProgrammeServiceTest
class ChangeJourneyApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    MovableClock clock;

    @Autowired
    MongoTemplate mongo;

    private static List<String> strings(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }

    @Test
    void referralAssessmentWithMiSessionsEnrolmentAttendanceAlertReviewAndCompletion() throws Exception {
        Api api = new Api(mvc);
        String facilitator = Api.unique("fac");
        String id = api.refer("CHANGE-GROUP", "MALE", false, null, "HIGH");
        String caseId =
                api.getJson("/referrals/" + id, "facilitator").get("caseId").asString();

        // assessment: low motivation -> MI sessions up to the cap (3), then reassessment -> suitable
        JsonNode first = api.assess(id, 2).body();
        assertThat(first.get("outcome").asString()).isEqualTo("NEEDS_MOTIVATIONAL_WORK");
        assertThat(first.get("version").asInt()).isEqualTo(1);
        for (int i = 1; i <= 3; i++) {
            JsonNode mi = api.expect(
                            201,
                            "POST",
                            "/referrals/" + id + "/mi-sessions",
                            "facilitator",
                            "{\"heldOn\":\"2026-11-0" + i + "\"}")
                    .body();
            assertThat(mi.get("number").asInt()).isEqualTo(i);
        }
        JsonNode capped = api.expect(
                        409, "POST", "/referrals/" + id + "/mi-sessions", "facilitator", "{\"heldOn\":\"2026-11-04\"}")
                .body();
        assertThat(capped.get("miSessionCap").asInt()).isEqualTo(3);
        JsonNode second = api.assess(id, 4).body();
        assertThat(second.get("outcome").asString()).isEqualTo("SUITABLE");
        assertThat(second.get("miSessionsUsed").asInt()).isEqualTo(3);
        assertThat(api.getJson("/referrals/" + id + "/assessments", "service-manager")
                        .size())
                .isEqualTo(2);
        api.expect(409, "POST", "/referrals/" + id + "/mi-sessions", "facilitator", "{\"heldOn\":\"2026-11-05\"}");

        // enrolment into a group the facilitator runs
        String groupId = api.group("CHANGE-GROUP", null, List.of(facilitator));
        JsonNode enrolled = api.expect(
                        200,
                        "POST",
                        "/referrals/" + id + "/enrolment",
                        "facilitator",
                        "{\"groupId\":\"" + groupId + "\"}")
                .body();
        assertThat(enrolled.get("status").asString()).isEqualTo("ENROLLED");
        assertThat(strings(enrolled.get("allowedMoves"))).containsExactly("breach", "drop-out", "exclude", "transfer");

        // the caseload shows him with his next session
        Instant start = clock.instant().plus(Duration.ofDays(1));
        String firstSession = session(api, groupId, start);
        JsonNode caseload = api.expect(200, "GET", "/caseload", "facilitator", facilitator, null)
                .body();
        assertThat(caseload.size()).isEqualTo(1);
        assertThat(caseload.get(0).get("referralId").asString()).isEqualTo(id);
        assertThat(caseload.get(0).get("nextSessionAt").isNull()).isFalse();

        // sessions: attendance once a session has begun; the first attended puts him on the programme (a system move)
        api.expect(
                409,
                "PUT",
                "/sessions/" + firstSession + "/attendance/" + id,
                "facilitator",
                "{\"outcome\":\"UNACCEPTABLE_ABSENCE\"}");
        untilBegun(start);
        JsonNode attended = api.expect(
                        200,
                        "PUT",
                        "/sessions/" + firstSession + "/attendance/" + id,
                        "facilitator",
                        "{\"outcome\":\"UNACCEPTABLE_ABSENCE\"}")
                .body();
        assertThat(attended.get("referralStatus").asString()).isEqualTo("ENROLLED");
        String catchUp = api.expect(201, "POST", "/sessions", "facilitator", """
                {"referralId":"%s","catchUpFor":"%s","scheduledAt":"%s"}""".formatted(
                                id, firstSession, start.plus(Duration.ofDays(2))))
                .text("sessionId");
        untilBegun(start.plus(Duration.ofDays(2)));
        JsonNode caughtUp = api.expect(
                        200,
                        "PUT",
                        "/sessions/" + catchUp + "/attendance/" + id,
                        "facilitator",
                        "{\"outcome\":\"ATTENDED_COMPLIED\"}")
                .body();
        assertThat(caughtUp.get("referralStatus").asString()).isEqualTo("ON_PROGRAMME");
        assertThat(caughtUp.get("sessionsAttended").asInt()).isEqualTo(1);

        // a risk alert: in time at exactly 24 hours, overdue and flagged one second later, then reviewed
        JsonNode alert = api.expect(
                        201,
                        "POST",
                        "/referrals/" + id + "/alerts",
                        "facilitator",
                        "{\"concern\":\"partner reports threats\"}")
                .body();
        String alertId = alert.get("alertId").asString();
        assertThat(alert.get("overdue").asBoolean()).isFalse();
        clock.advance(Duration.ofHours(24));
        assertThat(overdueAlertIds(api)).doesNotContain(alertId);
        assertThat(strings(api.getJson("/referrals/" + id, "facilitator").get("flags")))
                .doesNotContain("OVERDUE_RISK_ALERT");
        clock.advance(Duration.ofSeconds(1));
        assertThat(overdueAlertIds(api)).contains(alertId);
        assertThat(strings(api.getJson("/referrals/" + id, "facilitator").get("flags")))
                .contains("OVERDUE_RISK_ALERT");
        assertThat(api.expect(200, "GET", "/caseload", "facilitator", facilitator, null)
                        .body()
                        .get(0)
                        .get("overdueAlerts")
                        .asInt())
                .isEqualTo(1);
        api.expect(403, "POST", "/alerts/" + alertId + "/review", "facilitator", "{\"actionsTaken\":\"x\"}");
        JsonNode reviewed = api.expect(
                        200,
                        "POST",
                        "/alerts/" + alertId + "/review",
                        "service-manager",
                        "{\"actionsTaken\":\"safety plan updated with IDVA; police informed\"}")
                .body();
        assertThat(reviewed.get("status").asString()).isEqualTo("REVIEWED");
        assertThat(reviewed.get("overdue").asBoolean()).isTrue();
        api.expect(409, "POST", "/alerts/" + alertId + "/review", "service-manager", "{\"actionsTaken\":\"again\"}");
        assertThat(overdueAlertIds(api)).doesNotContain(alertId);
        assertThat(strings(api.getJson("/referrals/" + id, "facilitator").get("flags")))
                .doesNotContain("OVERDUE_RISK_ALERT");

        // the monthly review: overdue after a month, recorded, no longer overdue
        clock.advance(Duration.ofDays(32));
        assertThat(overdueReviewIds(api)).contains(id);
        assertThat(strings(api.getJson("/referrals/" + id, "facilitator").get("flags")))
                .contains("REVIEW_OVERDUE");
        JsonNode review = api.expect(
                        201,
                        "POST",
                        "/referrals/" + id + "/reviews",
                        "facilitator",
                        "{\"riskLevel\":\"MEDIUM\",\"safetyActions\":\"check-in with partner support weekly\",\"attendees\":[{\"name\":\"Alex Example\",\"role\":\"case manager\"}],\"actions\":[{\"action\":\"weekly check-in\",\"owner\":\"Sam Sample\"}]}")
                .body();
        assertThat(Instant.parse(review.get("nextDue").asString())).isAfter(clock.instant());
        assertThat(overdueReviewIds(api)).doesNotContain(id);

        // completion is refused until the programme's 24 sessions are attended
        String exit =
                "{\"move\":\"complete\",\"reason\":\"programme finished\",\"outcome\":{\"summary\":\"completed all modules\",\"riskLevelAtExit\":\"MEDIUM\"}}";
        JsonNode early = api.expect(409, "POST", "/referrals/" + id + "/moves", "facilitator", exit)
                .body();
        assertThat(early.get("sessionsRequired").asInt()).isEqualTo(24);
        for (int week = 2; week <= 24; week++) {
            String s = session(api, groupId, start.plus(Duration.ofDays(7L * week)));
            untilBegun(start.plus(Duration.ofDays(7L * week)));
            api.expect(
                    200,
                    "PUT",
                    "/sessions/" + s + "/attendance/" + id,
                    "facilitator",
                    "{\"outcome\":\"ATTENDED_COMPLIED\"}");
        }
        JsonNode register = api.getJson("/groups/" + groupId + "/register", "service-manager");
        assertThat(register.get("sessions").size()).isEqualTo(24);
        assertThat(register.get("participants").get(0).get("marks").size()).isEqualTo(24);

        JsonNode completed = api.expect(200, "POST", "/referrals/" + id + "/moves", "facilitator", exit)
                .body();
        assertThat(completed.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(completed.get("exit").get("sessionsAttended").asInt()).isEqualTo(24);
        assertThat(completed.get("exit").get("summary").asString()).isEqualTo("completed all modules");
        assertThat(completed.get("allowedMoves").size()).isZero();
        assertThat(api.getJson("/groups/" + groupId, "facilitator")
                        .get("members")
                        .size())
                .isZero();
        assertThat(Owed.besidesHoldings(mongo.findById(id, Referral.class)))
                .singleElement()
                .satisfies(m -> {
                    assertThat(m.destination()).isEqualTo(Destinations.PARTNER_SUPPORT);
                    assertThat(m.payload())
                            .containsEntry("exitStatus", "COMPLETED")
                            .containsEntry("nonCompliance", false);
                });

        // the timeline tells the story, oldest first; the partner's worker sees only status and next session
        JsonNode timeline = api.getJson("/referrals/" + id + "/timeline", "facilitator");
        List<String> kinds = timeline.valueStream()
                .map(e -> e.get("kind").asString())
                .distinct()
                .toList();
        assertThat(kinds)
                .contains("STATUS", "ASSESSMENT", "MI_SESSION", "ATTENDANCE", "ALERT", "ALERT_REVIEW", "REVIEW");
        api.partnerTrackOpened(caseId); // a case partner support supports
        JsonNode partnerView = api.getJson("/cases/" + caseId + "/programme-status", "partner-support-worker");
        assertThat(partnerView.get("programmes").get(0).get("status").asString())
                .isEqualTo("COMPLETED");
        assertThat(partnerView.get("programmes").get(0).propertyNames())
                .containsExactlyInAnyOrder("programmeCode", "status", "nextSessionAt");

        // everything was audited under the case ID
        List<AuditRecord> audit =
                mongo.find(Query.query(Criteria.where("caseId").is(caseId)), AuditRecord.class);
        assertThat(audit)
                .extracting(AuditRecord::resourceType)
                .contains(
                        "referral",
                        "assessment",
                        "mi-session",
                        "attendance",
                        "risk-alert",
                        "case-review",
                        "programme-view");
    }

    /** Moves the clock on to a session's start, if it is still to come (attendance is recorded once it has begun). */
    private void untilBegun(Instant sessionStart) {
        if (clock.instant().isBefore(sessionStart)) {
            clock.advance(Duration.between(clock.instant(), sessionStart));
        }
    }

    private static String session(Api api, String groupId, Instant at) throws Exception {
        return api.expect(
                        201,
                        "POST",
                        "/sessions",
                        "facilitator",
                        "{\"groupId\":\"" + groupId + "\",\"scheduledAt\":\"" + at + "\"}")
                .text("sessionId");
    }

    private static List<String> overdueAlertIds(Api api) throws Exception {
        return api.getJson("/alerts/overdue", "service-manager")
                .valueStream()
                .map(a -> a.get("alertId").asString())
                .toList();
    }

    private static List<String> overdueReviewIds(Api api) throws Exception {
        return api.getJson("/reviews/overdue", "facilitator")
                .valueStream()
                .map(a -> a.get("referralId").asString())
                .toList();
    }
}
