package uk.dapp.programme.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import uk.dapp.platform.outbox.Destinations;
import uk.dapp.platform.outbox.OutboxEntry;
import uk.dapp.platform.outbox.OutboxRelay;
import uk.dapp.programme.Api;
import uk.dapp.programme.MovableClock;
import uk.dapp.programme.ProgrammeServiceTest;
import uk.dapp.programme.TestDirectory;
import uk.dapp.programme.referral.Owed;
import uk.dapp.programme.referral.Referral;
import uk.dapp.programme.referral.ReferralStatus;

/** A Drive-style one-to-one journey ending in exit for non-compliance. */
@ProgrammeServiceTest
class DriveJourneyApiTest {

    @Autowired
    TestDirectory directory;

    @Autowired
    MockMvc mvc;

    @Autowired
    MovableClock clock;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    OutboxRelay relay;

    @Test
    void unacceptableAbsencesOpenAComplianceReviewNotifyTheCaseManagerAndProbationOfficerAndEndInBreach()
            throws Exception {
        Api api = new Api(mvc);
        String officer = Api.unique("po");
        String manager = directory.newCaseManager();
        String id = api.refer("DRIVE-1TO1", null, true, officer, "HIGH");
        api.assess(id, 3);
        JsonNode enrolled = api.enrolOneToOne(id, manager).body();
        assertThat(enrolled.get("caseManager").asString()).isEqualTo(manager);
        // last month's sessions, recorded after the event
        Instant at = clock.instant().minus(Duration.ofDays(35));

        String s1 = oneToOne(api, id, at);
        assertThat(attend(api, s1, id, "ATTENDED_COMPLIED")
                        .get("referralStatus")
                        .asString())
                .isEqualTo("ON_PROGRAMME");
        assertThat(attend(api, oneToOne(api, id, at.plus(Duration.ofDays(7))), id, "ACCEPTABLE_ABSENCE")
                        .get("referralStatus")
                        .asString())
                .isEqualTo("ON_PROGRAMME");
        attend(api, oneToOne(api, id, at.plus(Duration.ofDays(14))), id, "UNACCEPTABLE_ABSENCE");
        JsonNode second = attend(api, oneToOne(api, id, at.plus(Duration.ofDays(21))), id, "UNACCEPTABLE_ABSENCE");
        assertThat(second.get("referralStatus").asString()).isEqualTo("ON_PROGRAMME");
        relay.runOnce();
        assertThat(inbox(api, "offender-manager", officer)).isEmpty();

        JsonNode third = attend(api, oneToOne(api, id, at.plus(Duration.ofDays(28))), id, "UNACCEPTABLE_ABSENCE");
        assertThat(third.get("unacceptableAbsences").asInt()).isEqualTo(3);
        assertThat(third.get("referralStatus").asString()).isEqualTo("COMPLIANCE_REVIEW");
        // the review is due: the probation officer of the mandated referral and the case manager are told
        relay.runOnce();
        for (String[] who : new String[][] {{"offender-manager", officer}, {"facilitator", manager}}) {
            List<JsonNode> notices = inbox(api, who[0], who[1]);
            assertThat(notices).hasSize(1);
            assertThat(notices.get(0).get("kind").asString()).isEqualTo("COMPLIANCE_REVIEW_DUE");
            assertThat(notices.get(0).get("subject").asString()).isEqualTo("REFERRAL");
            assertThat(notices.get(0).get("subjectId").asString()).isEqualTo(id);
            assertThat(notices.get(0).get("urgent").asBoolean()).isTrue();
        }
        assertThat(inbox(api, "facilitator", "someone-else")).isEmpty();

        JsonNode referral = api.getJson("/referrals/" + id, "facilitator");
        assertThat(referral.get("allowedMoves")
                        .valueStream()
                        .map(JsonNode::asString)
                        .toList())
                .containsExactly("breach", "drop-out", "exclude", "resume", "transfer");
        api.expect(
                409,
                "POST",
                "/referrals/" + id + "/moves",
                "facilitator",
                "{\"move\":\"complete\",\"reason\":\"x\",\"outcome\":{\"summary\":\"x\"}}");
        api.expect(400, "POST", "/referrals/" + id + "/moves", "facilitator", "{\"move\":\"breach\",\"reason\":\"x\"}");
        JsonNode breached = api.expect(200, "POST", "/referrals/" + id + "/moves", "service-manager", """
                {"move":"breach","reason":"three unacceptable absences; returned to court",
                 "outcome":{"summary":"non-compliance; back to the risk matrix for disruption","riskLevelAtExit":"HIGH"}}""")
                .body();
        assertThat(breached.get("status").asString()).isEqualTo("BREACHED");
        assertThat(breached.get("exit").get("exitMove").asString()).isEqualTo("breach");
        assertThat(breached.get("exit").get("sessionsAttended").asInt()).isEqualTo(1);
        assertThat(breached.get("history")
                        .valueStream()
                        .map(h -> h.get("move").asString())
                        .toList())
                .containsExactly(
                        "refer", "assessed-suitable", "enrolled", "first-attendance", "non-compliance", "breach");
        api.expect(
                409,
                "PUT",
                "/sessions/" + s1 + "/attendance/" + id,
                "facilitator",
                "{\"outcome\":\"ATTENDED_COMPLIED\"}");

        // the exit hook: written with the status change, waiting for delivery to partner support and the risk matrix
        Referral stored = mongo.findById(id, Referral.class);
        assertThat(Owed.besidesHoldings(stored))
                .extracting(OutboxEntry::destination)
                .containsExactly(Destinations.PARTNER_SUPPORT, Destinations.RISK_MATRIX);
        assertThat(Owed.besidesHoldings(stored)).allSatisfy(m -> {
            assertThat(m.type()).isEqualTo("programme-exit.v1");
            assertThat(m.caseId()).isEqualTo(stored.caseId());
            assertThat(m.payload())
                    .containsEntry("exitStatus", ReferralStatus.BREACHED.name())
                    .containsEntry("nonCompliance", true)
                    .containsEntry("referralId", id)
                    .containsEntry("programmeCode", "DRIVE-1TO1")
                    .containsEntry("caseId", stored.caseId())
                    .containsEntry("exitedAt", stored.exit().exitedAt().toString());
        });
    }

    @Test
    void aVoluntaryReferralCannotBeBreachedButCanBeExcludedAndResumesAfterAReview() throws Exception {
        Api api = new Api(mvc);
        String id = api.refer("DRIVE-1TO1", null, false, null, "HIGH");
        api.assess(id, 5);
        api.enrolOneToOne(id, directory.newCaseManager());
        Instant at = clock.instant().minus(Duration.ofDays(10));
        for (int i = 0; i < 3; i++) {
            attend(api, oneToOne(api, id, at.plus(Duration.ofDays(i))), id, "UNACCEPTABLE_ABSENCE");
        }
        assertThat(api.status(id)).isEqualTo("COMPLIANCE_REVIEW");
        api.expect(
                200,
                "POST",
                "/referrals/" + id + "/moves",
                "facilitator",
                "{\"move\":\"resume\",\"reason\":\"agreed plan\"}");
        attend(api, oneToOne(api, id, at.plus(Duration.ofDays(5))), id, "UNACCEPTABLE_ABSENCE");
        assertThat(api.status(id)).isEqualTo("ON_PROGRAMME");
        JsonNode breach = api.expect(
                        400,
                        "POST",
                        "/referrals/" + id + "/moves",
                        "facilitator",
                        "{\"move\":\"breach\",\"reason\":\"x\",\"outcome\":{\"summary\":\"x\"}}")
                .body();
        assertThat(breach.get("errors").get(0).get("rule").asString()).isEqualTo("BreachNeedsMandate");
        api.expect(
                200,
                "POST",
                "/referrals/" + id + "/moves",
                "facilitator",
                "{\"move\":\"exclude\",\"reason\":\"non-compliance\",\"outcome\":{\"summary\":\"excluded\"}}");
        assertThat(api.status(id)).isEqualTo("EXCLUDED");
    }

    private static List<JsonNode> inbox(Api api, String role, String user) throws Exception {
        return api.expect(200, "GET", "/notifications", role, user, null)
                .body()
                .get("items")
                .valueStream()
                .toList();
    }

    /**
     * Issue 13: attendance at sessions still to come is refused, so three "unacceptable absences"
     * recorded for next month's sessions cannot put a referral into compliance review today.
     */
    @Test
    void attendanceAtSessionsStillToComeIsRefusedAndCountsForNothing() throws Exception {
        Api api = new Api(mvc);
        String id = api.refer("DRIVE-1TO1", null, true, Api.unique("po"), "HIGH");
        api.assess(id, 5);
        api.enrolOneToOne(id, directory.newCaseManager());
        attend(api, oneToOne(api, id, clock.instant().minus(Duration.ofDays(1))), id, "ATTENDED_COMPLIED");
        Instant nextMonth = clock.instant().plus(Duration.ofDays(30));
        for (int i = 0; i < 3; i++) {
            String later = oneToOne(api, id, nextMonth.plus(Duration.ofDays(7L * i)));
            JsonNode refused = api.expect(
                            409,
                            "PUT",
                            "/sessions/" + later + "/attendance/" + id,
                            "facilitator",
                            "{\"outcome\":\"UNACCEPTABLE_ABSENCE\"}")
                    .body();
            assertThat(refused.get("detail").asString()).contains("once a session has begun");
            assertThat(Instant.parse(refused.get("scheduledAt").asString()))
                    .isEqualTo(nextMonth.plus(Duration.ofDays(7L * i)));
        }
        assertThat(api.status(id)).isEqualTo("ON_PROGRAMME");
        assertThat(mongo.count(
                        org.springframework.data.mongodb.core.query.Query.query(
                                org.springframework.data.mongodb.core.query.Criteria.where("referralId")
                                        .is(id)),
                        "attendance"))
                .as("attendance stored")
                .isEqualTo(1);
        // a session that has just begun takes its attendance
        String now = oneToOne(api, id, clock.instant());
        assertThat(attend(api, now, id, "ACCEPTABLE_ABSENCE")
                        .get("referralStatus")
                        .asString())
                .isEqualTo("ON_PROGRAMME");
    }

    private static String oneToOne(Api api, String referralId, Instant at) throws Exception {
        return api.expect(
                        201,
                        "POST",
                        "/sessions",
                        "facilitator",
                        "{\"referralId\":\"" + referralId + "\",\"scheduledAt\":\"" + at + "\"}")
                .text("sessionId");
    }

    private static JsonNode attend(Api api, String sessionId, String referralId, String outcome) throws Exception {
        return api.expect(
                        200,
                        "PUT",
                        "/sessions/" + sessionId + "/attendance/" + referralId,
                        "facilitator",
                        "{\"outcome\":\"" + outcome + "\"}")
                .body();
    }
}
