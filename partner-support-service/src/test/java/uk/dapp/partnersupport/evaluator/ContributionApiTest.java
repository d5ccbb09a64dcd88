package uk.dapp.partnersupport.evaluator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.dapp.partnersupport.TestTracks;
import uk.dapp.partnersupport.contact.ContactAttempt;
import uk.dapp.partnersupport.contact.ContactMethod;
import uk.dapp.partnersupport.contact.ContactOutcome;
import uk.dapp.partnersupport.dash.DashAnswer;
import uk.dapp.partnersupport.dash.DashAssessment;
import uk.dapp.partnersupport.outcome.OutcomeMeasures;
import uk.dapp.partnersupport.outcome.OutcomePoint;
import uk.dapp.partnersupport.outcome.OutcomeRecord;
import uk.dapp.platform.risk.RiskLevel;
import uk.dapp.platform.testsupport.Callers;
import uk.dapp.platform.testsupport.SensitivityAssertions;
import uk.dapp.platform.testsupport.ServiceTest;

@ServiceTest
class ContributionApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    private MockHttpServletResponse call(String query) throws Exception {
        return mvc.perform(get("/evaluator/contributions" + query).with(Callers.as("evaluator", "evaluator-1")))
                .andReturn()
                .getResponse();
    }

    private List<JsonNode> rows(Instant asOf) throws Exception {
        MockHttpServletResponse response = call("?asOf=" + asOf);
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("application/x-ndjson");
        String body = response.getContentAsString();
        assertThat(body).doesNotContain("Philippa", "Gwendolyn", "psw-test", "YES");
        return body.lines().map(JSON::readTree).toList();
    }

    private void outcome(
            String caseId, String trackId, OutcomePoint point, int cessation, int feelingSafe, Instant at) {
        outcome(caseId, trackId, point, cessation, feelingSafe, null, at);
    }

    private void outcome(
            String caseId,
            String trackId,
            OutcomePoint point,
            int cessation,
            int feelingSafe,
            Integer childrensFear,
            Instant at) {
        mongo.insert(new OutcomeRecord(
                UUID.randomUUID().toString(),
                trackId,
                caseId,
                point,
                LocalDate.now(),
                new OutcomeMeasures(cessation, 3, feelingSafe, 2, childrensFear, 3, 3, 3, null, 3, null),
                "psw-test",
                at));
    }

    private void dash(String caseId, String trackId, int version, RiskLevel level, Instant at) {
        mongo.insert(new DashAssessment(
                UUID.randomUUID().toString(),
                trackId,
                caseId,
                version,
                List.of(DashAnswer.YES),
                LocalDate.now(),
                1,
                null,
                1,
                level,
                null,
                level,
                Set.of(),
                "psw-test",
                at));
    }

    @Test
    void oneRowPerCaseSortedByCaseIdFromTheFirstTrack() throws Exception {
        String caseId = TestTracks.newCaseId();
        String first = TestTracks.openSupportedTrack(mvc, caseId, "Philippa Testpartner");
        TestTracks.openTrack(mvc, caseId, "Gwendolyn Otherpartner");
        Instant now = Instant.now();
        outcome(caseId, first, OutcomePoint.INTAKE, 1, 2, now);
        outcome(caseId, first, OutcomePoint.EXIT, 4, 5, now.plusSeconds(30));
        dash(caseId, first, 1, RiskLevel.HIGH, now);
        dash(caseId, first, 2, RiskLevel.MEDIUM, now.plusSeconds(30));
        String bare = TestTracks.newCaseId();
        TestTracks.openTrack(mvc, bare, "Philippa Thirdpartner");
        Thread.sleep(5);
        Instant beforeReached = Instant.now();
        Thread.sleep(5);
        String attempted = Instant.now().toString();
        TestTracks.send(
                        mvc,
                        post("/partner-tracks/" + first + "/contact-attempts"),
                        "{\"attemptedAt\":\"" + attempted + "\",\"method\":\"PHONE\",\"outcome\":\"NO_ANSWER\"}")
                .andExpect(status().isCreated());
        TestTracks.send(
                        mvc,
                        post("/partner-tracks/" + first + "/contact-attempts"),
                        "{\"attemptedAt\":\"" + attempted + "\",\"method\":\"PHONE\",\"outcome\":\"REACHED\"}")
                .andExpect(status().isCreated());

        List<JsonNode> rows = rows(now.plusSeconds(60));
        List<String> ids = rows.stream().map(r -> r.get("caseId").asString()).toList();
        assertThat(ids).isSorted().doesNotHaveDuplicates().contains(caseId, bare);
        JsonNode row = rows.get(ids.indexOf(caseId));
        assertThat(row.get("partnerTracks").asInt()).isEqualTo(2);
        assertThat(row.get("outcomesComparedTo").asString()).isEqualTo("EXIT");
        assertThat(row.get("cessationOfAbuseChange").asInt()).isEqualTo(3);
        assertThat(row.get("feelingSafeChange").asInt()).isEqualTo(3);
        assertThat(row.get("qualityOfLifeChange").asInt()).isZero();
        assertThat(row.get("childrensFearChange").isNull()).isTrue();
        // no children's fear recorded: neither frightened nor not
        assertThat(row.get("childrenFrightenedAtIntake").isNull()).isTrue();
        assertThat(row.get("childrenFrightenedLater").isNull()).isTrue();
        assertThat(row.get("dashLevelAtIntake").asString()).isEqualTo("HIGH");
        assertThat(row.get("dashLevelAtExit").asString()).isEqualTo("MEDIUM");
        // reached on the day the track opened: no working day waited, well within the deadline
        assertThat(row.get("workingDaysToFirstContact").asInt()).isZero();
        assertThat(row.get("firstContactWithinDeadline").asBoolean()).isTrue();
        assertThat(row.properties().stream().map(Map.Entry::getKey).toList())
                .hasSize(20)
                .doesNotContain("trackId", "partnerName");

        JsonNode empty = rows.get(ids.indexOf(bare));
        assertThat(empty.get("partnerTracks").asInt()).isEqualTo(1);
        assertThat(empty.get("outcomesComparedTo").isNull()).isTrue();
        assertThat(empty.get("dashLevelAtIntake").isNull()).isTrue();
        assertThat(empty.get("workingDaysToFirstContact").isNull()).isTrue();
        assertThat(empty.get("firstContactWithinDeadline").isNull()).isTrue();

        // before she was reached: no time to first contact yet
        JsonNode waiting = rows(beforeReached).stream()
                .filter(r -> r.get("caseId").asString().equals(caseId))
                .findFirst()
                .orElseThrow();
        assertThat(waiting.get("workingDaysToFirstContact").isNull()).isTrue();
        assertThat(waiting.get("firstContactWithinDeadline").isNull()).isTrue();

        // before the exit was recorded: nothing to compare yet, and no exit level
        JsonNode earlier = rows(now.plusSeconds(10)).stream()
                .filter(r -> r.get("caseId").asString().equals(caseId))
                .findFirst()
                .orElseThrow();
        assertThat(earlier.get("outcomesComparedTo").isNull()).isTrue();
        assertThat(earlier.get("dashLevelAtIntake").asString()).isEqualTo("HIGH");
        assertThat(earlier.get("dashLevelAtExit").isNull()).isTrue();
    }

    private void attempt(String trackId, String outcome) throws Exception {
        TestTracks.send(
                        mvc,
                        post("/partner-tracks/" + trackId + "/contact-attempts"),
                        "{\"attemptedAt\":\"" + Instant.now() + "\",\"method\":\"PHONE\",\"outcome\":\"" + outcome
                                + "\"}")
                .andExpect(status().isCreated());
    }

    @Test
    void eachRowTakesOnlyItsFirstTracksRecordsWhateverItsOtherTracksAndOtherCasesHold() throws Exception {
        // the export merges outcomes, DASH versions and attempts read in case-ID order beside the tracks:
        // a second track's records, and those of cases not in the snapshot, must stay out of every row
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String caseId = TestTracks.newCaseId();
            String first = TestTracks.openSupportedTrack(mvc, caseId, "Philippa Testpartner");
            Thread.sleep(5);
            String second = TestTracks.openSupportedTrack(mvc, caseId, "Gwendolyn Otherpartner");
            Instant now = Instant.now();
            outcome(caseId, first, OutcomePoint.INTAKE, 1, 2, now);
            outcome(caseId, first, OutcomePoint.MIDWAY, 2 + i % 2, 2, now);
            dash(caseId, first, 1, RiskLevel.STANDARD, now);
            attempt(first, "NO_ANSWER");
            outcome(caseId, second, OutcomePoint.INTAKE, 5, 5, now);
            outcome(caseId, second, OutcomePoint.EXIT, 1, 1, now);
            dash(caseId, second, 1, RiskLevel.HIGH, now);
            dash(caseId, second, 2, RiskLevel.HIGH, now);
            attempt(second, "REACHED");
            cases.add(caseId);
        }
        Thread.sleep(5);
        Instant asOf = Instant.now();
        Thread.sleep(5);
        List<String> opened = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            // opened after the snapshot, with records dated before it
            String caseId = TestTracks.newCaseId();
            String track = TestTracks.openSupportedTrack(mvc, caseId, "Philippa Latepartner");
            Instant before = asOf.minusMillis(1);
            outcome(caseId, track, OutcomePoint.INTAKE, 1, 1, before);
            outcome(caseId, track, OutcomePoint.EXIT, 5, 5, before);
            dash(caseId, track, 1, RiskLevel.HIGH, before);
            mongo.insert(new ContactAttempt(
                    UUID.randomUUID().toString(),
                    track,
                    caseId,
                    before,
                    ContactMethod.PHONE,
                    ContactOutcome.REACHED,
                    "psw-test",
                    before));
            opened.add(caseId);
        }

        List<JsonNode> rows = rows(asOf);
        List<String> ids = rows.stream().map(r -> r.get("caseId").asString()).toList();
        assertThat(ids).isSorted().doesNotHaveDuplicates().containsAll(cases).doesNotContainAnyElementsOf(opened);
        for (int i = 0; i < cases.size(); i++) {
            JsonNode row = rows.get(ids.indexOf(cases.get(i)));
            assertThat(row.get("partnerTracks").asInt()).isEqualTo(2);
            assertThat(row.get("outcomesComparedTo").asString()).isEqualTo("MIDWAY");
            assertThat(row.get("cessationOfAbuseChange").asInt()).isEqualTo(1 + i % 2);
            assertThat(row.get("feelingSafeChange").asInt()).isZero();
            assertThat(row.get("dashLevelAtIntake").asString()).isEqualTo("STANDARD");
            assertThat(row.get("dashLevelAtExit").isNull()).isTrue();
            // her first track's partner was never reached (the second track's was)
            assertThat(row.get("workingDaysToFirstContact").isNull()).isTrue();
            assertThat(row.get("firstContactWithinDeadline").isNull()).isTrue();
        }
    }

    @Test
    void aMissingSnapshotIsRefusedNamingTheField() throws Exception {
        MockHttpServletResponse response = call("");
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(JSON.readTree(response.getContentAsString())
                        .at("/errors/0/field")
                        .asString())
                .isEqualTo("asOf");
    }

    @Test
    void theRowIdentifiesOnlyThroughItsJoinKey() {
        SensitivityAssertions.assertIdentifiesOnlyThroughJoinKey(
                PartnerSupportContribution.class, PartnerSupportContribution.JOIN_KEY);
    }

    @Test
    void childrenReportedFrightenedAreThoseWhoseFearIsOneToThreeAtIntakeAndAtThePointCompared() throws Exception {
        String caseId = TestTracks.newCaseId();
        String track = TestTracks.openSupportedTrack(mvc, caseId, "Philippa Testpartner");
        Instant now = Instant.now();
        outcome(caseId, track, OutcomePoint.INTAKE, 1, 2, 2, now); // afraid
        outcome(caseId, track, OutcomePoint.EXIT, 4, 5, 4, now.plusSeconds(30)); // mostly not afraid

        JsonNode row = rows(now.plusSeconds(60)).stream()
                .filter(r -> r.get("caseId").asString().equals(caseId))
                .findFirst()
                .orElseThrow();
        assertThat(row.get("childrenFrightenedAtIntake").asBoolean()).isTrue();
        assertThat(row.get("childrenFrightenedLater").asBoolean()).isFalse();
        assertThat(row.get("childrensFearChange").asInt()).isEqualTo(2);
    }
}
