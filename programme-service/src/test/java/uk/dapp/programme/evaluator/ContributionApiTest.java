package uk.dapp.programme.evaluator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import uk.dapp.platform.caseid.CaseId;
import uk.dapp.platform.risk.RiskLevel;
import uk.dapp.platform.testsupport.Callers;
import uk.dapp.platform.testsupport.SensitivityAssertions;
import uk.dapp.programme.Api;
import uk.dapp.programme.ProgrammeServiceTest;
import uk.dapp.programme.catalogue.Catalogue;
import uk.dapp.programme.referral.ExitRecord;
import uk.dapp.programme.referral.Referral;
import uk.dapp.programme.referral.ReferralStatus;

@ProgrammeServiceTest
class ContributionApiTest {

    private static final ZoneId UK = ZoneId.of("Europe/London");

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;
    /** The service's clock: other test classes move it forward, and referrals are dated by it. */
    @Autowired
    Clock clock;

    @Autowired
    Catalogue catalogue;

    /** The body as it is (NDJSON), read directly since the test API parses bodies as one JSON value. */
    private String raw(Instant asOf) throws Exception {
        MockHttpServletResponse response = mvc.perform(
                        get("/evaluator/contributions?asOf=" + asOf).with(Callers.as("evaluator", "evaluator-1")))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("application/x-ndjson");
        return response.getContentAsString();
    }

    private List<JsonNode> contributions(Api api, Instant asOf) throws Exception {
        List<JsonNode> rows = new ArrayList<>();
        for (String line : raw(asOf).lines().toList()) {
            rows.add(Api.parse(line));
        }
        return rows;
    }

    private String caseOf(Api api, String referralId) throws Exception {
        return api.getJson("/referrals/" + referralId, "facilitator")
                .get("caseId")
                .asString();
    }

    @Test
    void oneRowPerCaseSortedByCaseIdDescribingItsLatestReferral() throws Exception {
        Api api = new Api(mvc);
        String officer = "Officer Wilhelmina Fotheringay";
        String exited = api.refer("CHANGE-GROUP", "MALE", true, officer, "HIGH");
        api.assess(exited, 4);
        String exitedCase = caseOf(api, exited);
        // an exit with a typed reason and summary, dated between two snapshots: only its status may show
        Instant exitedAt = clock.instant().plusSeconds(30);
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(exited)),
                Update.update(
                        "exit",
                        new ExitRecord(
                                "complete",
                                ReferralStatus.COMPLETED,
                                "Said he felt Zanzibar-reason-text",
                                "summary text",
                                RiskLevel.MEDIUM,
                                20,
                                24,
                                "facilitator-x",
                                exitedAt)),
                Referral.class);
        String open = api.refer("DRIVE-1TO1", "FEMALE", false, null, "HIGH");
        String openCase = caseOf(api, open);

        assertThat(raw(clock.instant().plusSeconds(60)))
                .doesNotContain("Wilhelmina", "Fotheringay", "Zanzibar", "summary text", "facilitator-x", exited, open);
        List<JsonNode> rows = contributions(api, clock.instant().plusSeconds(60));
        List<String> ids =
                rows.stream().map(row -> row.get("caseId").asString()).toList();
        assertThat(ids).isSorted().doesNotHaveDuplicates().contains(exitedCase, openCase);

        JsonNode row = rows.get(ids.indexOf(exitedCase));
        assertThat(row.get("sex").asString()).isEqualTo("MALE");
        assertThat(row.get("referralMonth").asString())
                .isEqualTo(YearMonth.from(clock.instant().atZone(UK)).toString());
        assertThat(row.get("programmeCode").asString()).isEqualTo("CHANGE-GROUP");
        assertThat(row.get("programmeType").asString()).isEqualTo("GROUP");
        assertThat(row.get("referralSource").asString()).isEqualTo("PROBATION");
        assertThat(row.get("mandated").asBoolean()).isTrue();
        assertThat(row.get("suitabilityOutcome").isNull()).isFalse();
        assertThat(row.get("sessionsAttended").asInt()).isEqualTo(20);
        assertThat(row.get("sessionsRequired").asInt()).isEqualTo(24);
        assertThat(row.get("exitReason").asString()).isEqualTo("COMPLETED");
        assertThat(row.get("referrals").asInt()).isEqualTo(1);
        // the exit's day, for the gateway's follow-up window only
        assertThat(row.get("exitDate").asString())
                .isEqualTo(exitedAt.atZone(UK).toLocalDate().toString());
        assertThat(row.properties().stream().map(Map.Entry::getKey).toList())
                .containsExactly(
                        "caseId",
                        "sex",
                        "referralMonth",
                        "programmeCode",
                        "programmeType",
                        "referralSource",
                        "mandated",
                        "suitabilityOutcome",
                        "sessionsAttended",
                        "sessionsRequired",
                        "exitReason",
                        "exitDate",
                        "referrals");

        JsonNode other = rows.get(ids.indexOf(openCase));
        assertThat(other.get("mandated").asBoolean()).isFalse();
        assertThat(other.get("suitabilityOutcome").isNull()).isTrue();
        assertThat(other.get("exitReason").isNull()).isTrue();
        assertThat(other.get("sessionsAttended").asInt()).isZero();
        assertThat(other.get("sessionsRequired").asInt()).isPositive();

        // a snapshot before the exit shows the referral still open
        JsonNode before = contributions(api, exitedAt.minusSeconds(10)).stream()
                .filter(r -> r.get("caseId").asString().equals(exitedCase))
                .findFirst()
                .orElseThrow();
        assertThat(before.get("exitReason").isNull()).isTrue();
        assertThat(before.get("exitDate").isNull()).isTrue();
    }

    /**
     * Each row as the export made it when it looked up each case's assessment, attendance and
     * programme (before it read them in step with the referrals): the latest referral opened by the
     * snapshot, its latest assessment version and the sessions it attended by then, never another
     * referral's; a case with nothing recorded; an exit's own figures; no row for a case whose
     * referral came after the snapshot, though its assessment and attendance are there; and a
     * programme the catalogue no longer has, which fails nothing (no type, no sessions required).
     */
    @Test
    void eachRowDescribesOnlyItsLatestReferralsRecordsByTheSnapshot() throws Exception {
        Random random = new Random(20);
        String several = CaseId.generate(random).value();
        String nothing = CaseId.generate(random).value();
        String exited = CaseId.generate(random).value();
        String retired = CaseId.generate(random).value();
        String later = CaseId.generate(random).value();
        List<String> cases = List.of(several, nothing, exited, retired, later);
        Instant asOf = clock.instant().plusSeconds(60);
        Instant afterIt = asOf.plus(Duration.ofDays(1));
        try {
            // three referrals by the snapshot and one after it; the latest by then is the third
            String first = referral(several, "DRIVE-1TO1", asOf.minus(Duration.ofDays(300)), null);
            String second = referral(several, "CHANGE-GROUP", asOf.minus(Duration.ofDays(200)), null);
            String third = referral(several, "DRIVE-1TO1", asOf.minus(Duration.ofDays(100)), null);
            String fourth = referral(several, "CHANGE-GROUP", afterIt, null);
            assessment(several, first, 1, "NOT_SUITABLE", asOf.minus(Duration.ofDays(290)));
            assessment(several, second, 7, "NOT_SUITABLE", asOf.minus(Duration.ofDays(190)));
            assessment(several, third, 1, "NEEDS_MOTIVATIONAL_WORK", asOf.minus(Duration.ofDays(90)));
            assessment(several, third, 2, "SUITABLE", asOf.minus(Duration.ofDays(80)));
            assessment(several, third, 3, "NOT_SUITABLE", afterIt);
            assessment(several, fourth, 1, "NOT_SUITABLE", afterIt);
            for (int n = 0; n < 3; n++) {
                attendance(several, second, "ATTENDED_COMPLIED", asOf.minus(Duration.ofDays(150 + n)));
            }
            attendance(several, third, "ATTENDED_COMPLIED", asOf.minus(Duration.ofDays(50)));
            attendance(several, third, "ATTENDED_FAILED_TO_COMPLY", asOf.minus(Duration.ofDays(43)));
            attendance(several, third, "UNACCEPTABLE_ABSENCE", asOf.minus(Duration.ofDays(36)));
            attendance(several, third, "ACCEPTABLE_ABSENCE", asOf.minus(Duration.ofDays(29)));
            attendance(several, third, "ATTENDED_COMPLIED", afterIt);
            attendance(several, fourth, "ATTENDED_COMPLIED", afterIt);

            referral(nothing, "CHANGE-GROUP", asOf.minus(Duration.ofDays(20)), null);

            Instant exitedAt = asOf.minus(Duration.ofDays(3));
            String ended = referral(exited, "CHANGE-GROUP", asOf.minus(Duration.ofDays(250)), exitedAt);
            assessment(exited, ended, 1, "SUITABLE", asOf.minus(Duration.ofDays(240)));
            for (int n = 0; n < 4; n++) {
                attendance(exited, ended, "ATTENDED_COMPLIED", asOf.minus(Duration.ofDays(200 - 7 * n)));
            }

            String gone = referral(retired, "RETIRED-BEFORE-THE-SNAPSHOT", asOf.minus(Duration.ofDays(60)), null);
            attendance(retired, gone, "ATTENDED_COMPLIED", asOf.minus(Duration.ofDays(30)));

            String afterwards = referral(later, "DRIVE-1TO1", afterIt, null);
            assessment(later, afterwards, 1, "SUITABLE", asOf.minus(Duration.ofDays(1)));
            attendance(later, afterwards, "ATTENDED_COMPLIED", asOf.minus(Duration.ofDays(1)));

            List<JsonNode> rows = contributions(new Api(mvc), asOf).stream()
                    .filter(row -> cases.contains(row.get("caseId").asString()))
                    .toList();
            List<String> expected = new ArrayList<>(List.of(
                    expectedRow(
                            several,
                            asOf.minus(Duration.ofDays(100)),
                            "DRIVE-1TO1",
                            "ONE_TO_ONE",
                            "SUITABLE",
                            2,
                            catalogue.get("DRIVE-1TO1").sessionCount(),
                            null,
                            3),
                    expectedRow(
                            nothing,
                            asOf.minus(Duration.ofDays(20)),
                            "CHANGE-GROUP",
                            "GROUP",
                            null,
                            0,
                            catalogue.get("CHANGE-GROUP").sessionCount(),
                            null,
                            1),
                    expectedRow(
                            exited,
                            asOf.minus(Duration.ofDays(250)),
                            "CHANGE-GROUP",
                            "GROUP",
                            "SUITABLE",
                            11,
                            12,
                            exitedAt,
                            1),
                    expectedRow(
                            retired,
                            asOf.minus(Duration.ofDays(60)),
                            "RETIRED-BEFORE-THE-SNAPSHOT",
                            null,
                            null,
                            1,
                            0,
                            null,
                            1)));
            expected.sort(null);
            assertThat(rows.stream().map(JsonNode::toString).toList()).containsExactlyElementsOf(expected);
        } finally {
            for (String collection : List.of("referrals", "assessments", "attendance")) {
                mongo.getCollection(collection).deleteMany(new Document("caseId", new Document("$in", cases)));
            }
        }
    }

    /** A referral stored as the service stores one (exited by {@code exitedAt} if given), for the export to read. */
    private String referral(String caseId, String programme, Instant createdAt, Instant exitedAt) {
        String referralId = UUID.randomUUID().toString();
        Document referral = new Document("_id", referralId)
                .append("caseId", caseId)
                .append("programmeCode", programme)
                .append("source", "PROBATION")
                .append("mandated", true)
                .append("riskLevel", "HIGH")
                .append("sex", "MALE")
                .append("status", exitedAt == null ? "REFERRED" : "DROPPED_OUT")
                .append("referredBy", "om-contribution-rows")
                .append("team", "contribution-rows-team")
                .append("openSlot", referralId)
                .append("createdAt", Date.from(createdAt))
                .append("history", List.of())
                .append("miSessionsUsed", 0)
                .append("complianceReviewsOpened", 0)
                .append("outbox", List.of())
                .append("partnersPassedOn", List.of())
                .append("version", 0L);
        if (exitedAt != null) {
            referral.append(
                    "exit",
                    new Document("exitMove", "drop-out")
                            .append("status", "DROPPED_OUT")
                            .append("reason", "typed reason never exported")
                            .append("sessionsAttended", 11)
                            .append("sessionsRequired", 12)
                            .append("exitedBy", "fac-contribution-rows")
                            .append("exitedAt", Date.from(exitedAt)));
        }
        mongo.getCollection("referrals").insertOne(referral);
        return referralId;
    }

    private void assessment(String caseId, String referralId, int version, String outcome, Instant at) {
        mongo.getCollection("assessments")
                .insertOne(new Document("_id", UUID.randomUUID().toString())
                        .append("referralId", referralId)
                        .append("caseId", caseId)
                        .append("version", version)
                        .append("outcome", outcome)
                        .append("reason", "typed reason never exported")
                        .append("miSessionsUsed", 0)
                        .append("miSessionCap", 3)
                        .append("assessedBy", "fac-contribution-rows")
                        .append("assessedAt", Date.from(at)));
    }

    private void attendance(String caseId, String referralId, String outcome, Instant sessionAt) {
        String sessionId = UUID.randomUUID().toString();
        mongo.getCollection("attendance")
                .insertOne(new Document("_id", sessionId + ":" + referralId)
                        .append("sessionId", sessionId)
                        .append("referralId", referralId)
                        .append("caseId", caseId)
                        .append("outcome", outcome)
                        .append("sessionAt", Date.from(sessionAt))
                        .append("recordedBy", "fac-contribution-rows")
                        .append("recordedAt", Date.from(sessionAt)));
    }

    /** The row the export wrote for such a case, as one line of its NDJSON (the fields in the contract's order). */
    private static String expectedRow(
            String caseId,
            Instant referred,
            String programme,
            String type,
            String suitability,
            int attended,
            int required,
            Instant exitedAt,
            int referrals) {
        return Api.parse(String.format(
                        "{\"caseId\":\"%s\",\"sex\":\"MALE\",\"referralMonth\":\"%s\",\"programmeCode\":\"%s\","
                                + "\"programmeType\":%s,\"referralSource\":\"PROBATION\",\"mandated\":true,"
                                + "\"suitabilityOutcome\":%s,\"sessionsAttended\":%d,\"sessionsRequired\":%d,"
                                + "\"exitReason\":%s,\"exitDate\":%s,\"referrals\":%d}",
                        caseId,
                        YearMonth.from(referred.atZone(UK)),
                        programme,
                        quoted(type),
                        quoted(suitability),
                        attended,
                        required,
                        exitedAt == null ? "null" : "\"DROPPED_OUT\"",
                        exitedAt == null
                                ? "null"
                                : quoted(LocalDate.ofInstant(exitedAt, UK).toString()),
                        referrals))
                .toString();
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    @Test
    void aMissingSnapshotIsRefusedNamingTheField() throws Exception {
        Api.Reply reply = new Api(mvc).expect(400, "GET", "/evaluator/contributions", "evaluator", null);
        assertThat(reply.body().get("errors").get(0).get("field").asString()).isEqualTo("asOf");
    }

    @Test
    void theRowIdentifiesOnlyThroughItsJoinKey() {
        SensitivityAssertions.assertIdentifiesOnlyThroughJoinKey(
                ProgrammeContribution.class, ProgrammeContribution.JOIN_KEY);
    }
}
