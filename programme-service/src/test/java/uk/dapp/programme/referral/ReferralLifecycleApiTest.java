package uk.dapp.programme.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import uk.dapp.programme.Api;
import uk.dapp.programme.ProgrammeServiceTest;

@ProgrammeServiceTest
class ReferralLifecycleApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    private long referralsNow() {
        return mongo.count(new Query(), Referral.class);
    }

    @Test
    void referralsAreValidatedAgainstTheCatalogue() throws Exception {
        Api api = new Api(mvc);
        long before = referralsNow();
        JsonNode unknown =
                api.expect(400, "POST", "/referrals", "facilitator", """
                {"programmeCode":"NO-SUCH-PROGRAMME","source":"POLICE","mandated":false,"riskLevel":"HIGH"}""").body();
        assertThat(unknown.get("errors").get(0).get("field").asString()).isEqualTo("programmeCode");
        JsonNode woman =
                api.expect(400, "POST", "/referrals", "facilitator", """
                {"programmeCode":"CHANGE-GROUP","source":"POLICE","mandated":false,"riskLevel":"HIGH","sex":"FEMALE"}""").body();
        assertThat(woman.get("errors").get(0).get("field").asString()).isEqualTo("sex");
        JsonNode young =
                api.expect(400, "POST", "/referrals", "facilitator", """
                {"programmeCode":"DRIVE-1TO1","source":"POLICE","mandated":false,"riskLevel":"HIGH","dateOfBirth":"2015-01-01"}""").body();
        assertThat(young.get("errors").get(0).get("rule").asString()).isEqualTo("MinimumAge");
        JsonNode lowRisk =
                api.expect(400, "POST", "/referrals", "facilitator", """
                {"programmeCode":"DRIVE-1TO1","source":"POLICE","mandated":false,"riskLevel":"STANDARD"}""").body();
        assertThat(lowRisk.get("errors").get(0).get("field").asString()).isEqualTo("riskLevel");
        assertThat(referralsNow()).isEqualTo(before);
        api.refer("WOMEN-GROUP", "FEMALE", false, null, "MEDIUM");
    }

    @Test
    void everyReferralCarriesItsHistoryAndAllowedMovesAndTheMachineIsServed() throws Exception {
        Api api = new Api(mvc);
        String id = api.refer("CHANGE-GROUP", "MALE", false, null, "HIGH");
        JsonNode referral = api.getJson("/referrals/" + id, "facilitator");
        assertThat(referral.get("allowedMoves")
                        .valueStream()
                        .map(JsonNode::asString)
                        .toList())
                .containsExactly("withdraw");
        assertThat(referral.get("history").get(0).get("to").asString()).isEqualTo("REFERRED");
        JsonNode machine = api.getJson("/referral-status-machine", "offender-manager");
        assertThat(machine.size())
                .isEqualTo(ReferralMachine.MACHINE.transitions().size());
        assertThat(machine.valueStream()
                        .filter(t -> t.get("systemOnly").asBoolean())
                        .map(t -> t.get("move").asString()))
                .contains("first-attendance", "non-compliance");
    }

    @Test
    void anIllegalOrSystemMoveAnswers409NamingTheAllowedMovesAndChangesNothing() throws Exception {
        Api api = new Api(mvc);
        String id = api.refer("CHANGE-GROUP", "MALE", false, null, "HIGH");
        JsonNode illegal = api.expect(
                        409,
                        "POST",
                        "/referrals/" + id + "/moves",
                        "facilitator",
                        "{\"move\":\"complete\",\"reason\":\"try\",\"outcome\":{\"summary\":\"x\"}}")
                .body();
        assertThat(illegal.get("currentStatus").asString()).isEqualTo("REFERRED");
        assertThat(illegal.get("allowedMoves")
                        .valueStream()
                        .map(JsonNode::asString)
                        .toList())
                .containsExactly("withdraw");
        JsonNode system = api.expect(
                        409,
                        "POST",
                        "/referrals/" + id + "/moves",
                        "service-manager",
                        "{\"move\":\"assessed-suitable\",\"reason\":\"by hand\"}")
                .body();
        assertThat(system.get("detail").asString()).contains("allowed: withdraw");
        api.expect(400, "POST", "/referrals/" + id + "/moves", "facilitator", "{\"move\":\"withdraw\"}");
        assertThat(api.status(id)).isEqualTo("REFERRED");
        assertThat(api.getJson("/referrals/" + id, "facilitator").get("history").size())
                .isEqualTo(1);
    }

    @Test
    void aStaleVersionIsRefusedWith409AndTheReferralIsUnchanged() throws Exception {
        Api api = new Api(mvc);
        String id = api.refer("CHANGE-GROUP", "MALE", false, null, "HIGH");
        long version =
                api.getJson("/referrals/" + id, "facilitator").get("version").asLong();
        api.assess(id, 2); // someone else moves it meanwhile: MOTIVATIONAL_WORK
        Api.Reply stale = api.expect(
                409,
                "POST",
                "/referrals/" + id + "/moves",
                "facilitator",
                "{\"move\":\"withdraw\",\"reason\":\"declined\",\"version\":" + version + "}");
        assertThat(stale.raw()).contains("changed this record");
        assertThat(api.status(id)).isEqualTo("MOTIVATIONAL_WORK");
        long current =
                api.getJson("/referrals/" + id, "facilitator").get("version").asLong();
        api.expect(
                200,
                "POST",
                "/referrals/" + id + "/moves",
                "facilitator",
                "{\"move\":\"withdraw\",\"reason\":\"declined\",\"version\":" + current + "}");
        assertThat(api.status(id)).isEqualTo("WITHDRAWN");
    }

    @Test
    void concurrentMovesOnOneReferralLeaveExactlyOneWinnerAndOneHistoryEntry() throws Exception {
        Api api = new Api(mvc);
        String id = api.refer("CHANGE-GROUP", "MALE", false, null, "HIGH");
        List<java.util.concurrent.Callable<Integer>> moves = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            moves.add(() -> api.call(
                            "POST",
                            "/referrals/" + id + "/moves",
                            "facilitator",
                            "fac-" + Thread.currentThread().threadId(),
                            "{\"move\":\"withdraw\",\"reason\":\"declined\"}")
                    .status());
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        List<Integer> statuses = new java.util.ArrayList<>();
        for (var f : pool.invokeAll(moves)) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertThat(statuses).containsOnly(200, 409);
        assertThat(statuses.stream().filter(s -> s == 200)).hasSize(1);
        assertThat(api.getJson("/referrals/" + id, "facilitator").get("history").size())
                .isEqualTo(2);
    }

    @Test
    void aClosedReferralFreesTheCaseForANewReferralToTheSameProgramme() throws Exception {
        Api api = new Api(mvc);
        String id = api.refer("CHANGE-GROUP", "MALE", false, null, "HIGH");
        String caseId =
                api.getJson("/referrals/" + id, "facilitator").get("caseId").asString();
        String again = """
                {"caseId":"%s","programmeCode":"CHANGE-GROUP","source":"SELF","mandated":false,"riskLevel":"HIGH","sex":"MALE"}""".formatted(caseId);
        api.expect(409, "POST", "/referrals", "facilitator", again);
        api.expect(
                200,
                "POST",
                "/referrals/" + id + "/moves",
                "facilitator",
                "{\"move\":\"withdraw\",\"reason\":\"moved\"}");
        api.expect(201, "POST", "/referrals", "facilitator", again);
        assertThat(api.getJson("/cases/" + caseId + "/referrals", "facilitator").size())
                .isEqualTo(2);
    }

    @Test
    void anOffenderManagerReadsTheStatusAndOutcomeOfTheirReferralButCannotMoveIt() throws Exception {
        Api api = new Api(mvc);
        String id = api.expect(201, "POST", "/referrals", "offender-manager", "om-ola", """
                {"programmeCode":"CHANGE-GROUP","source":"POLICE","mandated":false,"riskLevel":"HIGH","sex":"MALE"}""")
                .text("referralId");
        api.expect(
                200, "POST", "/referrals/" + id + "/moves", "facilitator", "{\"move\":\"withdraw\",\"reason\":\"x\"}");
        JsonNode seen = api.expect(200, "GET", "/referrals/" + id, "offender-manager", "om-ola", null)
                .body();
        assertThat(seen.get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(seen.get("allowedMoves").size()).isZero();
        api.expect(403, "GET", "/referrals/" + id, "offender-manager", "om-other", null);
        api.expect(
                403,
                "POST",
                "/referrals/" + id + "/moves",
                "offender-manager",
                "om-ola",
                "{\"move\":\"withdraw\",\"reason\":\"x\"}");
        assertThat(List.of(seen.get("history").size())).containsExactly(2);
    }
}
