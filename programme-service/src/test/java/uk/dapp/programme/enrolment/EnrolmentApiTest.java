package uk.dapp.programme.enrolment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import uk.dapp.platform.security.Roles;
import uk.dapp.platform.testsupport.Callers;
import uk.dapp.programme.Api;
import uk.dapp.programme.ProgrammeServiceTest;
import uk.dapp.programme.TestDirectory;

@ProgrammeServiceTest
class EnrolmentApiTest {

    @Autowired
    TestDirectory directory;

    @Autowired
    MockMvc mvc;

    @Autowired
    GroupRepository groups;

    private List<String> suitableReferrals(Api api, String programme, String sex, int count) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = api.refer(programme, sex, false, null, "HIGH");
            api.assess(id, 4);
            ids.add(id);
        }
        return ids;
    }

    private static <T> List<T> concurrently(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            List<T> results = new ArrayList<>();
            for (Future<T> f : pool.invokeAll(tasks)) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void concurrentEnrolmentsNeverExceedAGroupsCapacityAndTheRestWaitInOrder() throws Exception {
        Api api = new Api(mvc);
        String groupId = api.group("CHANGE-GROUP", 5, List.of("fac-gina"));
        List<String> referrals = suitableReferrals(api, "CHANGE-GROUP", "MALE", 12);
        List<Callable<Api.Reply>> attempts = new ArrayList<>();
        for (String id : referrals) {
            attempts.add(() -> api.call(
                    "POST",
                    "/referrals/" + id + "/enrolment",
                    "facilitator",
                    "fac-gina",
                    "{\"groupId\":\"" + groupId + "\"}"));
        }
        List<Api.Reply> replies = concurrently(attempts);
        assertThat(replies).extracting(Api.Reply::status).containsOnly(200);
        assertThat(replies.stream().filter(r -> r.text("status").equals("ENROLLED")))
                .hasSize(5);
        assertThat(replies.stream().filter(r -> r.text("status").equals("WAITING_LIST")))
                .hasSize(7);

        Group group = groups.findById(groupId).orElseThrow();
        assertThat(group.members()).hasSize(5).doesNotHaveDuplicates();
        assertThat(group.enrolledCount()).isEqualTo(5);
        assertThat(group.waitingList()).hasSize(7).doesNotHaveDuplicates();
        for (String member : group.members()) {
            assertThat(api.status(member)).isEqualTo("ENROLLED");
        }

        // a member leaves: the first on the waiting list takes the place, the order of the rest holds
        String leaver = group.members().getFirst();
        String first = group.waitingList().getFirst();
        api.expect(
                200,
                "POST",
                "/referrals/" + leaver + "/moves",
                "facilitator",
                "{\"move\":\"drop-out\",\"reason\":\"moved area\",\"outcome\":{\"summary\":\"left before starting\"}}");
        Group after = groups.findById(groupId).orElseThrow();
        assertThat(after.members()).hasSize(5).contains(first).doesNotContain(leaver);
        assertThat(after.waitingList()).isEqualTo(group.waitingList().subList(1, 7));
        assertThat(api.status(first)).isEqualTo("ENROLLED");

        // a wait-listed referral asking again while the group is full is told so
        api.expect(
                409,
                "POST",
                "/referrals/" + after.waitingList().getFirst() + "/enrolment",
                "facilitator",
                "{\"groupId\":\"" + groupId + "\"}");
        JsonNode register = api.getJson("/groups/" + groupId, "facilitator");
        assertThat(register.get("members").size()).isEqualTo(5);
    }

    @Test
    void aCaseManagersCaseloadLimitHoldsUnderConcurrentEnrolments() throws Exception {
        Api api = new Api(mvc);
        String manager = directory.newCaseManager();
        List<String> referrals = suitableReferrals(api, "DRIVE-1TO1", null, 10); // Drive caseload limit: 8
        List<Callable<Integer>> attempts = new ArrayList<>();
        for (String id : referrals) {
            attempts.add(() -> api.call(
                            "POST",
                            "/referrals/" + id + "/enrolment",
                            "service-manager",
                            "test-service-manager",
                            "{\"caseManager\":\"" + manager + "\"}")
                    .status());
        }
        List<Integer> statuses = concurrently(attempts);
        assertThat(statuses.stream().filter(s -> s == 200)).hasSize(8);
        assertThat(statuses.stream().filter(s -> s == 409)).hasSize(2);
        long enrolled = 0;
        for (String id : referrals) {
            if (api.status(id).equals("ENROLLED")) {
                enrolled++;
            }
        }
        assertThat(enrolled).isEqualTo(8);
    }

    @Test
    void aOneToOneCaseIsEnrolledOnlyOntoSomeoneWhoWorksItsTeamAndNothingIsTakenOtherwise() throws Exception {
        Api api = new Api(mvc);
        String serviceManager = Api.unique("sm");
        directory.add(Callers.TEAM, Roles.SERVICE_MANAGER, serviceManager);
        String id = suitableReferrals(api, "DRIVE-1TO1", null, 1).getFirst();

        for (String notOfTheTeam : directory.notCaseManagersOfTheTeam()) {
            JsonNode error = api.expect(
                            400,
                            "POST",
                            "/referrals/" + id + "/enrolment",
                            "facilitator",
                            "{\"caseManager\":\"" + notOfTheTeam + "\"}")
                    .body()
                    .get("errors")
                    .get(0);
            assertThat(error.get("field").asString()).as(notOfTheTeam).isEqualTo("caseManager");
            assertThat(error.get("rule").asString()).as(notOfTheTeam).isEqualTo("TeamFacilitator");
            assertThat(api.caseload(notOfTheTeam)).as("no place taken").isEmpty();
        }
        assertThat(api.status(id)).isEqualTo("SUITABLE");

        directory.goDown();
        try {
            assertThat(api.expect(
                                    503,
                                    "POST",
                                    "/referrals/" + id + "/enrolment",
                                    "facilitator",
                                    "{\"caseManager\":\"" + serviceManager + "\"}")
                            .text("detail"))
                    .contains("Keycloak");
        } finally {
            directory.comeBack();
        }
        assertThat(api.status(id)).isEqualTo("SUITABLE");
        assertThat(api.caseload(serviceManager))
                .as("nothing taken while Keycloak was away")
                .isEmpty();

        // a service manager of the team takes cases too; the name is kept as Keycloak keeps it
        JsonNode enrolled = api.expect(
                        200,
                        "POST",
                        "/referrals/" + id + "/enrolment",
                        "facilitator",
                        "{\"caseManager\":\" " + serviceManager.toUpperCase(Locale.ROOT) + " \"}")
                .body();
        assertThat(enrolled.get("caseManager").asString()).isEqualTo(serviceManager);
        assertThat(api.caseload(serviceManager)).containsExactly(id);
    }

    @Test
    void enrolmentNeedsASuitableReferralAndTheRightKindOfPlace() throws Exception {
        Api api = new Api(mvc);
        String notAssessed = api.refer("CHANGE-GROUP", "MALE", false, null, "HIGH");
        String groupId = api.group("CHANGE-GROUP", null, List.of());
        JsonNode refused = api.expect(
                        409,
                        "POST",
                        "/referrals/" + notAssessed + "/enrolment",
                        "facilitator",
                        "{\"groupId\":\"" + groupId + "\"}")
                .body();
        assertThat(refused.get("currentStatus").asString()).isEqualTo("REFERRED");
        String suitable = suitableReferrals(api, "CHANGE-GROUP", "MALE", 1).getFirst();
        JsonNode noGroup = api.expect(400, "POST", "/referrals/" + suitable + "/enrolment", "facilitator", "{}")
                .body();
        assertThat(noGroup.get("errors").get(0).get("field").asString()).isEqualTo("groupId");
        String womensGroup = api.group("WOMEN-GROUP", null, List.of());
        JsonNode wrongGroup = api.expect(
                        400,
                        "POST",
                        "/referrals/" + suitable + "/enrolment",
                        "facilitator",
                        "{\"groupId\":\"" + womensGroup + "\"}")
                .body();
        assertThat(wrongGroup.get("errors").get(0).get("rule").asString()).isEqualTo("SameProgramme");
        JsonNode oneToOneGroup = api.expect(
                        400,
                        "POST",
                        "/groups",
                        "service-manager",
                        "{\"programmeCode\":\"DRIVE-1TO1\",\"name\":\"x\",\"startsOn\":\"2026-12-01\"}")
                .body();
        assertThat(oneToOneGroup.get("errors").get(0).get("rule").asString()).isEqualTo("GroupProgramme");
        api.expect(
                400,
                "POST",
                "/groups",
                "service-manager",
                "{\"programmeCode\":\"CHANGE-GROUP\",\"name\":\"x\",\"startsOn\":\"2026-12-01\",\"capacity\":11}");
        assertThat(api.status(suitable)).isEqualTo("SUITABLE");
    }
}
