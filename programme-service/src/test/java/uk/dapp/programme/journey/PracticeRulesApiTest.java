package uk.dapp.programme.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import uk.dapp.programme.Api;
import uk.dapp.programme.MovableClock;
import uk.dapp.programme.ProgrammeServiceTest;

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
                {"groupId":"%s","scheduledAt":"%s"}""".formatted(groupId,
                clock.instant().plus(Duration.ofDays(day)))).text("sessionId");
    }

    @Test
    void attendedButFailedToComplyCountsTowardNonCompliance_notOnlyTowardCompletion() throws Exception {
        Api api = new Api(mvc);
        String[] enrolled = enrolledInChange(api);
        String id = enrolled[0];
        // Change's threshold is 3: he comes three times and three times will not take part
        JsonNode last = null;
        for (int day = 1; day <= 3; day++) {
            last = api.expect(200, "PUT", "/sessions/" + session(api, enrolled[1], day) + "/attendance/" + id,
                    "facilitator", "{\"outcome\":\"ATTENDED_FAILED_TO_COMPLY\"}").body();
        }
        assertThat(last.get("sessionsAttended").asInt()).as("still counts towards completion").isEqualTo(3);
        assertThat(last.get("unacceptableAbsences").asInt()).isZero();
        assertThat(last.get("nonCompliantSessions").asInt()).isEqualTo(3);
        assertThat(last.get("referralStatus").asString()).isEqualTo("COMPLIANCE_REVIEW");
        JsonNode referral = api.getJson("/referrals/" + id, "facilitator");
        assertThat(referral.at("/history").get(referral.at("/history").size() - 1).get("reason").asString())
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
                 "actions":[{"action":"weekly check-in","owner":"Sam Sample"}]}""").body();
        assertThat(refused.toString()).contains("attendees");
        refused = api.expect(400, "POST", "/referrals/" + id + "/reviews", "facilitator", """
                {"riskLevel":"HIGH","safetyActions":"weekly check-in",
                 "attendees":[{"name":"Alex Example","role":"case manager"}],
                 "actions":[{"action":"weekly check-in","owner":"  "}]}""").body();
        assertThat(refused.at("/errors/0/field").asString()).isEqualTo("actions[0].owner");
        assertThat(api.getJson("/referrals/" + id, "facilitator").get("currentRiskLevel").asString()).isEqualTo("MEDIUM");

        clock.advance(Duration.ofDays(30));
        Instant reviewedAt = clock.instant();
        JsonNode review = api.expect(201, "POST", "/referrals/" + id + "/reviews", "facilitator", """
                {"riskLevel":"HIGH","safetyActions":"weekly check-in; address flagged",
                 "attendees":[{"name":"Alex Example","role":"case manager"},{"name":"Sam Sample","role":"IDVA"}],
                 "actions":[{"action":"weekly check-in with the partner","owner":"Sam Sample","dueBy":"2026-12-01"},
                            {"action":"ask the police to flag the address","owner":"Alex Example"}]}""").body();
        assertThat(review.at("/attendees/1/role").asString()).isEqualTo("IDVA");
        assertThat(review.at("/actions/0/owner").asString()).isEqualTo("Sam Sample");
        assertThat(review.at("/actions/0/dueBy").asString()).isEqualTo("2026-12-01");
        assertThat(review.at("/actions/1/owner").asString()).isEqualTo("Alex Example");

        JsonNode after = api.getJson("/referrals/" + id, "facilitator");
        assertThat(after.get("riskLevel").asString()).as("the level at referral stays as it was").isEqualTo("MEDIUM");
        assertThat(after.get("currentRiskLevel").asString()).isEqualTo("HIGH");
        assertThat(Instant.parse(after.get("currentRiskSince").asString())).isEqualTo(reviewedAt.truncatedTo(
                java.time.temporal.ChronoUnit.MILLIS));
    }
}
