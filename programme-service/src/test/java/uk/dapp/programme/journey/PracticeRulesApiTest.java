package uk.dapp.programme.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import uk.dapp.platform.caseid.CaseId;
import uk.dapp.platform.outbox.OutboxEntry;
import uk.dapp.platform.testsupport.Callers;
import uk.dapp.programme.Api;
import uk.dapp.programme.MovableClock;
import uk.dapp.programme.ProgrammeServiceTest;
import uk.dapp.programme.alert.Alert;
import uk.dapp.programme.alert.AlertSource;
import uk.dapp.programme.catalogue.Programme;
import uk.dapp.programme.catalogue.ProgrammeEligibility;
import uk.dapp.programme.referral.Referral;

/**
 * The practice's rules for programmes (issue 15), each test named after the rule as Drive, Change and
 * the Respect standard state it, against the embedded store.
 */
@ProgrammeServiceTest
class PracticeRulesApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    MovableClock clock;

    @Autowired
    MongoTemplate mongo;

    /** An enrolled Change group member of a new case, his group having its sessions from tomorrow; answers {referralId, groupId}. */
    private static String[] enrolledInChange(Api api) throws Exception {
        String id = api.refer("CHANGE-GROUP", "MALE", false, null, "MEDIUM");
        api.assess(id, 4);
        String group = api.group("CHANGE-GROUP", null, List.of(Api.unique("fac")));
        api.expect(200, "POST", "/referrals/" + id + "/enrolment", "facilitator", "{\"groupId\":\"" + group + "\"}");
        return new String[] {id, group};
    }

    private String session(Api api, String groupId, int day) throws Exception {
        return api.expect(201, "POST", "/sessions", "facilitator", """
                {"groupId":"%s","scheduledAt":"%s"}""".formatted(
                                groupId, clock.instant().plus(Duration.ofDays(day))))
                .text("sessionId");
    }

    @Test
    void attendedButFailedToComplyCountsTowardNonCompliance_notOnlyTowardCompletion() throws Exception {
        Api api = new Api(mvc);
        String[] enrolled = enrolledInChange(api);
        String id = enrolled[0];
        // Change's threshold is 3: he comes three times and three times will not take part
        JsonNode last = null;
        for (int week = 1; week <= 3; week++) {
            String session = session(api, enrolled[1], 1);
            clock.advance(Duration.ofDays(1).plusMinutes(1)); // attendance is recorded once the session has begun
            last = api.expect(
                            200,
                            "PUT",
                            "/sessions/" + session + "/attendance/" + id,
                            "facilitator",
                            "{\"outcome\":\"ATTENDED_FAILED_TO_COMPLY\"}")
                    .body();
        }
        assertThat(last.get("sessionsAttended").asInt())
                .as("still counts towards completion")
                .isEqualTo(3);
        assertThat(last.get("unacceptableAbsences").asInt()).isZero();
        assertThat(last.get("nonCompliantSessions").asInt()).isEqualTo(3);
        assertThat(last.get("referralStatus").asString()).isEqualTo("COMPLIANCE_REVIEW");
        JsonNode referral = api.getJson("/referrals/" + id, "facilitator");
        assertThat(referral.at("/history")
                        .get(referral.at("/history").size() - 1)
                        .get("reason")
                        .asString())
                .contains("3 non-compliant sessions");
    }

    @Test
    void aMonthlyReviewsRiskLevelBecomesTheReferralsCurrentRisk_andItsRecordNamesWhoAttendedAndWhoOwnsEachAction()
            throws Exception {
        Api api = new Api(mvc);
        String id = enrolledInChange(api)[0];
        JsonNode before = api.getJson("/referrals/" + id, "facilitator");
        assertThat(before.get("riskLevel").asString()).isEqualTo("MEDIUM");
        assertThat(before.get("currentRiskLevel").asString()).isEqualTo("MEDIUM");

        // a review that names nobody, or leaves an action unowned, is refused and changes nothing
        JsonNode refused = api.expect(400, "POST", "/referrals/" + id + "/reviews", "facilitator", """
                {"riskLevel":"HIGH","safetyActions":"weekly check-in","attendees":[],
                 "actions":[{"action":"weekly check-in","owner":"Sam Sample"}]}""")
                .body();
        assertThat(refused.toString()).contains("attendees");
        refused = api.expect(400, "POST", "/referrals/" + id + "/reviews", "facilitator", """
                {"riskLevel":"HIGH","safetyActions":"weekly check-in",
                 "attendees":[{"name":"Alex Example","role":"case manager"}],
                 "actions":[{"action":"weekly check-in","owner":"  "}]}""")
                .body();
        assertThat(refused.at("/errors/0/field").asString()).isEqualTo("actions[0].owner");
        assertThat(api.getJson("/referrals/" + id, "facilitator")
                        .get("currentRiskLevel")
                        .asString())
                .isEqualTo("MEDIUM");

        clock.advance(Duration.ofDays(30));
        Instant reviewedAt = clock.instant();
        JsonNode review = api.expect(201, "POST", "/referrals/" + id + "/reviews", "facilitator", """
                {"riskLevel":"HIGH","safetyActions":"weekly check-in; address flagged",
                 "attendees":[{"name":"Alex Example","role":"case manager"},{"name":"Sam Sample","role":"IDVA"}],
                 "actions":[{"action":"weekly check-in with the partner","owner":"Sam Sample","dueBy":"2026-12-01"},
                            {"action":"ask the police to flag the address","owner":"Alex Example"}]}""")
                .body();
        assertThat(review.at("/attendees/1/role").asString()).isEqualTo("IDVA");
        assertThat(review.at("/actions/0/owner").asString()).isEqualTo("Sam Sample");
        assertThat(review.at("/actions/0/dueBy").asString()).isEqualTo("2026-12-01");
        assertThat(review.at("/actions/1/owner").asString()).isEqualTo("Alex Example");

        JsonNode after = api.getJson("/referrals/" + id, "facilitator");
        assertThat(after.get("riskLevel").asString())
                .as("the level at referral stays as it was")
                .isEqualTo("MEDIUM");
        assertThat(after.get("currentRiskLevel").asString()).isEqualTo("HIGH");
        assertThat(Instant.parse(after.get("currentRiskSince").asString()))
                .isEqualTo(reviewedAt.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }

    /** A risk-matrix ENGAGE decision for a new case, as its outbox sends it; answers the referral ID. */
    private String fromTheMatrix(String pathway, String risk, String person) throws Exception {
        String caseId = CaseId.generate(new SecureRandom()).value();
        String messageId = UUID.randomUUID().toString();
        Api.Reply reply = new Api(mvc)
                .call(
                        "PUT",
                        "/case-events/engage-referrals/" + messageId,
                        "svc-risk-matrix",
                        "service-account-svc-risk-matrix",
                        """
                        {"caseId":"%s","pathway":"%s","riskLevel":"%s","decidedAt":"2026-11-20T10:15:30Z",
                         "team":"%s","givenName":"Fakeley","familyName":"Mockington"%s}""".formatted(caseId, pathway, risk, Callers.TEAM, person));
        assertThat(reply.status()).as(reply.raw()).isEqualTo(204);
        return messageId;
    }

    @Test
    void theWomensGroupIsReachedFromTheMatrix_aWomanReferredThereIsReferredWithHerSex() throws Exception {
        String id = fromTheMatrix("WOMENS_GROUP", "MEDIUM", ",\"sex\":\"FEMALE\",\"dateOfBirth\":\"1990-01-01\"");
        Referral referral = mongo.findById(id, Referral.class);
        assertThat(referral.programmeCode()).isEqualTo("WOMEN-GROUP");
        assertThat(referral.sex()).hasToString("FEMALE");
        // and the men-only Change group refuses her at referral, naming the field
        Api.Reply refused = new Api(mvc)
                .call(
                        "PUT",
                        "/case-events/engage-referrals/" + UUID.randomUUID(),
                        "svc-risk-matrix",
                        "service-account-svc-risk-matrix",
                        """
                        {"caseId":"%s","pathway":"CHANGE_PROGRAMME","riskLevel":"MEDIUM",
                         "decidedAt":"2026-11-20T10:15:30Z","team":"%s","sex":"FEMALE"}""".formatted(referral.caseId(), Callers.TEAM));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.raw()).contains("\"field\":\"sex\"");
    }

    @Test
    void
            aWomanIsNeverAssessedForNorEnrolledIntoTheMenOnlyChangeGroup_eligibilityIsCheckedAgainAtAssessmentAndEnrolment()
                    throws Exception {
        Api api = new Api(mvc);
        // the matrix had no sex recorded: the referral is taken, and the sex is asked for at assessment
        String id = fromTheMatrix("CHANGE_PROGRAMME", "MEDIUM", "");
        String caseId = mongo.findById(id, Referral.class).caseId();
        Api.Reply unknown = api.expect(409, "POST", "/referrals/" + id + "/assessments", "facilitator", """
                {"motivation":4,"accountability":4,"awareness":4,"mentalHealth":"NO_CONCERN",
                 "substanceMisuse":"MANAGED","riskPosed":"MEDIUM","groupWorkSuitable":true}""");
        assertThat(unknown.raw()).contains("Eligibility").contains("sex").contains("record it as who they are");

        // recorded as a woman: refused at assessment, naming the field
        long version = api.getJson("/cases/" + caseId + "/participant", "facilitator")
                .get("version")
                .asLong();
        api.expect(200, "PUT", "/cases/" + caseId + "/participant", "facilitator", """
                {"version":%d,"reason":"sex confirmed with her","identity":{"givenName":"Fakeley",
                 "familyName":"Mockington","sex":"FEMALE"}}""".formatted(version));
        Api.Reply woman = api.expect(409, "POST", "/referrals/" + id + "/assessments", "facilitator", """
                {"motivation":4,"accountability":4,"awareness":4,"mentalHealth":"NO_CONCERN",
                 "substanceMisuse":"MANAGED","riskPosed":"MEDIUM","groupWorkSuitable":true}""");
        assertThat(woman.body().at("/rule").asString()).isEqualTo("Eligibility");
        assertThat(woman.body().at("/field").asString()).isEqualTo("sex");
        assertThat(api.status(id)).isEqualTo("REFERRED");

        // a man referred and assessed suitable, whose identity is then corrected to a woman, is not enrolled
        String man = api.refer("CHANGE-GROUP", "MALE", false, null, "MEDIUM");
        api.assess(man, 4);
        String manCase =
                api.getJson("/referrals/" + man, "facilitator").get("caseId").asString();
        Api.Reply recorded =
                api.call("GET", "/cases/" + manCase + "/participant", "facilitator", "test-facilitator", null);
        api.expect(200, "PUT", "/cases/" + manCase + "/participant", "facilitator", """
                {"version":%d,"reason":"corrected","identity":{"givenName":"Fakeley","familyName":"Mockington",
                 "sex":"FEMALE"}}""".formatted(
                recorded.status() == 200 ? recorded.body().get("version").asLong() : 0));
        String group = api.group("CHANGE-GROUP", null, List.of(Api.unique("fac")));
        Api.Reply notEnrolled = api.expect(
                409, "POST", "/referrals/" + man + "/enrolment", "facilitator", "{\"groupId\":\"" + group + "\"}");
        assertThat(notEnrolled.body().at("/rule").asString()).isEqualTo("Eligibility");
        assertThat(api.status(man)).isEqualTo("SUITABLE");
    }

    @Test
    void everyProgrammeCreatedOrChangedTellsTheRiskMatrixWhoItTakes_inTheSameSave() throws Exception {
        Api api = new Api(mvc);
        String code = "T" + (System.nanoTime() % 1_000_000_000L);
        JsonNode created = api.expect(201, "POST", "/programmes", "admin", """
                {"code":"%s","name":"Test programme","type":"ONE_TO_ONE","sessionCount":12,"sessionLengthMinutes":90,
                 "durationWeeks":24,"eligibility":{"sexes":["MALE","FEMALE"],"minimumAge":18,"riskLevels":["HIGH"]},
                 "caseloadLimit":5,"nonComplianceThreshold":2,"miSessionCap":1}""".formatted(code))
                .body();
        api.expect(200, "PUT", "/programmes/" + code, "admin", """
                {"name":"Test programme","type":"ONE_TO_ONE","sessionCount":12,"sessionLengthMinutes":90,
                 "durationWeeks":24,"eligibility":{"sexes":["FEMALE"],"minimumAge":21,"riskLevels":["MEDIUM","HIGH"]},
                 "caseloadLimit":5,"nonComplianceThreshold":2,"miSessionCap":1,"version":%d}""".formatted(
                        created.get("version").asLong()));
        List<OutboxEntry> told = mongo.findById(code, Programme.class).outbox();
        assertThat(told).extracting(OutboxEntry::type).containsOnly(ProgrammeEligibility.TYPE.name());
        OutboxEntry last = told.getLast();
        assertThat(last.payload())
                .containsEntry("programmeCode", code)
                .containsEntry("minimumAge", 21L)
                .containsEntry("sexes", List.of("FEMALE"))
                .containsEntry("riskLevels", List.of("MEDIUM", "HIGH"))
                .containsEntry("pathways", List.of());
        // the seeded Drive is told with the pathway that refers into it
        assertThat(mongo.findById("DRIVE-1TO1", Programme.class).announcedPathways())
                .hasToString("[DRIVE]");
    }

    @Test
    void notSuitableBackToTheMatrixForDisruptionIsSentToTheMatrix_asAnExitForNonComplianceIs() throws Exception {
        Api api = new Api(mvc);
        String id = api.refer("CHANGE-GROUP", "MALE", false, null, "HIGH");
        assertThat(api.assess(id, 2).body().get("outcome").asString()).isEqualTo("NEEDS_MOTIVATIONAL_WORK");
        for (int i = 1; i <= 3; i++) {
            api.expect(
                    201,
                    "POST",
                    "/referrals/" + id + "/mi-sessions",
                    "facilitator",
                    "{\"heldOn\":\"2026-11-0" + i + "\"}");
        }
        JsonNode notSuitable = api.assess(id, 2).body();
        assertThat(notSuitable.get("outcome").asString()).isEqualTo("NOT_SUITABLE");
        assertThat(notSuitable.get("onwardRoute").asString()).isEqualTo("RISK_MATRIX_DISRUPTION");
        Referral referral = mongo.findById(id, Referral.class);
        assertThat(referral.outbox())
                .filteredOn(e -> e.type().equals("return-for-disruption.v1"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.destination()).isEqualTo("risk-matrix");
                    assertThat(e.payload())
                            .containsEntry("caseId", referral.caseId())
                            .containsEntry("referralId", id)
                            .containsEntry("programmeCode", "CHANGE-GROUP")
                            .containsKey("assessedAt")
                            .hasSize(4);
                });

        // a referral not suitable for another onward route (unmanaged substance misuse: a specialist) is not
        String specialist = api.refer("CHANGE-GROUP", "MALE", false, null, "HIGH");
        api.expect(201, "POST", "/referrals/" + specialist + "/assessments", "facilitator", """
                {"motivation":4,"accountability":4,"awareness":4,"mentalHealth":"NO_CONCERN",
                 "substanceMisuse":"UNMANAGED","riskPosed":"HIGH","groupWorkSuitable":true}""");
        assertThat(mongo.findById(specialist, Referral.class).outbox())
                .noneMatch(e -> e.type().equals("return-for-disruption.v1"));
    }

    @Test
    void aNewPoliceIncidentOnANominalWithAnOpenReferralRaisesARiskAlert_levelCategoryAndDateOnly_reviewedWithin24Hours()
            throws Exception {
        String id = fromTheMatrix("DRIVE", "HIGH", "");
        String caseId = mongo.findById(id, Referral.class).caseId();
        String messageId = UUID.randomUUID().toString();
        String event = """
                {"caseId":"%s","level":"HIGH","category":"DOMESTIC_ABUSE","occurredOn":"2026-11-30"}""".formatted(caseId);
        Api api = new Api(mvc);
        for (int copy = 0; copy < 2; copy++) {
            assertThat(api.call(
                                    "PUT",
                                    "/case-events/police-incidents/" + messageId,
                                    "svc-risk-matrix",
                                    "service-account-svc-risk-matrix",
                                    event)
                            .status())
                    .isEqualTo(204);
        }
        List<Alert> raised = mongo.find(Query.query(Criteria.where("caseId").is(caseId)), Alert.class);
        assertThat(raised).as("once, however often it comes").singleElement().satisfies(alert -> {
            assertThat(alert.alertId()).isEqualTo(messageId);
            assertThat(alert.referralId()).isEqualTo(id);
            assertThat(alert.source()).isEqualTo(AlertSource.POLICE_INCIDENT);
            assertThat(alert.concern()).isEqualTo("police incident: domestic abuse, risk level HIGH, on 2026-11-30");
            assertThat(Duration.between(alert.raisedAt(), alert.reviewDueBy())).isEqualTo(Duration.ofHours(24));
        });

        // a case with no open referral here raises nothing; only the matrix's account may send it
        String unknown = CaseId.generate(new SecureRandom()).value();
        assertThat(api.call(
                                "PUT",
                                "/case-events/police-incidents/" + UUID.randomUUID(),
                                "svc-risk-matrix",
                                "service-account-svc-risk-matrix",
                                event.replace(caseId, unknown))
                        .status())
                .isEqualTo(204);
        assertThat(mongo.count(Query.query(Criteria.where("caseId").is(unknown)), Alert.class))
                .isZero();
        assertThat(api.call(
                                "PUT",
                                "/case-events/police-incidents/" + UUID.randomUUID(),
                                "svc-partner-support",
                                "service-account-svc-partner-support",
                                event)
                        .status())
                .isEqualTo(403);
    }

    @Test
    void aPartnersDashAssessedHighRaisesARiskAlertInTheProgramme_levelAndDateOnly_reviewedWithin24Hours()
            throws Exception {
        String id = fromTheMatrix("DRIVE", "HIGH", "");
        String caseId = mongo.findById(id, Referral.class).caseId();
        String messageId = UUID.randomUUID().toString();
        String event = """
                {"caseId":"%s","level":"HIGH","assessedOn":"2026-11-30"}""".formatted(caseId);
        Api api = new Api(mvc);
        for (int copy = 0; copy < 2; copy++) {
            assertThat(api.call(
                                    "PUT",
                                    "/case-events/dash-risk-alerts/" + messageId,
                                    "svc-partner-support",
                                    "service-account-svc-partner-support",
                                    event)
                            .status())
                    .isEqualTo(204);
        }
        assertThat(mongo.find(Query.query(Criteria.where("caseId").is(caseId)), Alert.class))
                .singleElement()
                .satisfies(alert -> {
                    assertThat(alert.referralId()).isEqualTo(id);
                    assertThat(alert.source()).isEqualTo(AlertSource.PARTNER_DASH_HIGH);
                    assertThat(alert.concern())
                            .isEqualTo("partner's DASH risk assessment: risk level HIGH, completed on 2026-11-30");
                    assertThat(Duration.between(alert.raisedAt(), alert.reviewDueBy()))
                            .isEqualTo(Duration.ofHours(24));
                });
        // hers, never in his subject access export
        assertThat(AlertSource.PARTNER_DASH_HIGH.fromAPartner()).isTrue();
        assertThat(api.call(
                                "PUT",
                                "/case-events/dash-risk-alerts/" + UUID.randomUUID(),
                                "svc-risk-matrix",
                                "service-account-svc-risk-matrix",
                                event)
                        .status())
                .isEqualTo(403);
    }
}
