package uk.dapp.programme.enrolment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import uk.dapp.platform.audit.AuditRecord;
import uk.dapp.platform.outbox.OutboxRelay;
import uk.dapp.platform.security.Roles;
import uk.dapp.platform.team.CaseScope;
import uk.dapp.platform.testsupport.Callers;
import uk.dapp.programme.Api;
import uk.dapp.programme.ProgrammeServiceTest;
import uk.dapp.programme.TestDirectory;

/**
 * A service manager reallocates a one-to-one case (issue 16 item 4), the team's groups are listed
 * (a gap the web screens found), and a referral cannot be enrolled into another team's group by its
 * reference (404, like any outside case, the refusal audited).
 */
@ProgrammeServiceTest
class ReallocationAndGroupsApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    OutboxRelay relay;

    @Autowired
    TestDirectory directory;

    @Test
    void aReallocationMovesTheCaseloadPlaceIsKeptInTheHistoryAndTellsTheNewCaseManager() throws Exception {
        Api api = new Api(mvc);
        String from = directory.newCaseManager();
        String to = Api.unique("cm");
        directory.add(Callers.TEAM, Roles.FACILITATOR, to);
        String id = api.refer("DRIVE-1TO1", null, false, null, "HIGH");
        api.assess(id, 4);
        long version = api.enrolOneToOne(id, from).body().get("version").asLong();

        api.expect(
                409,
                "POST",
                "/referrals/" + id + "/reallocation",
                "service-manager",
                "{\"caseManager\":\"" + to + "\",\"reason\":\"leave\",\"version\":" + (version - 1) + "}");
        JsonNode error = api.expect(
                        400,
                        "POST",
                        "/referrals/" + id + "/reallocation",
                        "service-manager",
                        "{\"caseManager\":\"" + from + "\",\"reason\":\"leave\"}")
                .body();
        assertThat(error.get("errors").get(0).get("rule").asString()).isEqualTo("DifferentCaseManager");

        JsonNode moved = api.expect(
                        200,
                        "POST",
                        "/referrals/" + id + "/reallocation",
                        "service-manager",
                        "{\"caseManager\":\"" + to + "\",\"reason\":\"caseloads balanced\",\"version\":" + version
                                + "}")
                .body();
        assertThat(moved.get("caseManager").asString()).isEqualTo(to);
        JsonNode last = moved.get("history").get(moved.get("history").size() - 1);
        assertThat(last.get("move").asString()).isEqualTo("reallocated");
        assertThat(last.get("from").asString()).isEqualTo(last.get("to").asString());
        assertThat(last.get("reason").asString()).isEqualTo("from " + from + " to " + to + ": caseloads balanced");

        assertThat(api.caseload(to)).contains(id);
        assertThat(api.caseload(from)).doesNotContain(id);
        relay.runOnce();
        JsonNode inbox = api.expect(200, "GET", "/notifications", "facilitator", to, null)
                .body();
        assertThat(inbox.get("items")
                        .valueStream()
                        .map(n -> n.get("kind").asString() + ":"
                                + n.get("subjectId").asString())
                        .toList())
                .containsExactly("CASE_REALLOCATED:" + id);
        assertThat(inbox.get("unread").asLong()).isEqualTo(1);
        assertThat(api.expect(200, "GET", "/notifications", "facilitator", from, null)
                        .body()
                        .get("totalItems")
                        .asLong())
                .isZero();
    }

    @Test
    void theNewCaseManagerMustWorkTheCasesTeamAFacilitatorOrServiceManagerOfIt() throws Exception {
        Api api = new Api(mvc);
        String from = directory.newCaseManager();
        String serviceManager = Api.unique("sm");
        directory.add(Callers.TEAM, Roles.SERVICE_MANAGER, serviceManager);
        String id = api.refer("DRIVE-1TO1", null, false, null, "HIGH");
        api.assess(id, 4);
        long version = api.enrolOneToOne(id, from).body().get("version").asLong();

        for (String notOfTheTeam : directory.notCaseManagersOfTheTeam()) {
            JsonNode refused = api.expect(
                            400,
                            "POST",
                            "/referrals/" + id + "/reallocation",
                            "service-manager",
                            "{\"caseManager\":\"" + notOfTheTeam + "\",\"reason\":\"leave\",\"version\":" + version
                                    + "}")
                    .body();
            JsonNode error = refused.get("errors").get(0);
            assertThat(error.get("field").asString()).as(notOfTheTeam).isEqualTo("caseManager");
            assertThat(error.get("rule").asString()).as(notOfTheTeam).isEqualTo("TeamFacilitator");
            assertThat(api.caseload(notOfTheTeam)).as("nothing moved").doesNotContain(id);
        }
        assertThat(api.caseload(from)).as("nothing lost").contains(id);

        JsonNode moved = api.expect(
                        200,
                        "POST",
                        "/referrals/" + id + "/reallocation",
                        "service-manager",
                        "{\"caseManager\":\"" + serviceManager + "\",\"reason\":\"leave\",\"version\":" + version + "}")
                .body();
        assertThat(moved.get("caseManager").asString()).isEqualTo(serviceManager);
    }

    @Test
    void whenKeycloakCannotAnswerAReallocationIsRefusedAsUnavailableAndNothingMoves() throws Exception {
        Api api = new Api(mvc);
        String from = directory.newCaseManager();
        String to = Api.unique("cm");
        directory.add(Callers.TEAM, Roles.FACILITATOR, to);
        String id = api.refer("DRIVE-1TO1", null, false, null, "HIGH");
        api.assess(id, 4);
        api.enrolOneToOne(id, from);

        directory.goDown();
        try {
            Api.Reply refused = api.expect(
                    503,
                    "POST",
                    "/referrals/" + id + "/reallocation",
                    "service-manager",
                    "{\"caseManager\":\"" + to + "\",\"reason\":\"leave\"}");
            assertThat(refused.text("detail")).contains("Keycloak").contains("nothing was changed");
            api.expect(503, "GET", "/teams/" + Callers.TEAM + "/facilitators", "service-manager", null);
        } finally {
            directory.comeBack();
        }
        assertThat(api.caseload(from)).as("nothing moved").contains(id);
        assertThat(api.caseload(to)).doesNotContain(id);
    }

    @Test
    void aServiceManagerOrFacilitatorListsWhoMayTakeTheirTeamsCasesAndNoOtherTeams() throws Exception {
        Api api = new Api(mvc);
        String facilitator = Api.unique("f");
        String serviceManager = Api.unique("sm");
        String offenderManager = Api.unique("om");
        String otherTeams = Api.unique("f");
        directory.add(Callers.TEAM, Roles.FACILITATOR, facilitator);
        directory.add(Callers.TEAM, Roles.SERVICE_MANAGER, serviceManager);
        directory.add(Callers.TEAM, Roles.OFFENDER_MANAGER, offenderManager);
        directory.add(Callers.OTHER_TEAM, Roles.FACILITATOR, otherTeams);

        JsonNode listed = api.expect(200, "GET", "/teams/" + Callers.TEAM + "/facilitators", "service-manager", null)
                .body();
        assertThat(listed.get("team").asString()).isEqualTo(Callers.TEAM);
        List<String> usernames =
                listed.get("facilitators").valueStream().map(JsonNode::asString).toList();
        assertThat(usernames)
                .contains(
                        facilitator.toLowerCase(java.util.Locale.ROOT),
                        serviceManager.toLowerCase(java.util.Locale.ROOT))
                .doesNotContain(
                        offenderManager.toLowerCase(java.util.Locale.ROOT),
                        otherTeams.toLowerCase(java.util.Locale.ROOT))
                .isSorted();

        api.expect(404, "GET", "/teams/" + Callers.OTHER_TEAM + "/facilitators", "service-manager", null);
        assertThat(mongo.find(
                        Query.query(Criteria.where("resourceType")
                                .is("team")
                                .and("resourceId")
                                .is(Callers.OTHER_TEAM)
                                .and("reason")
                                .is(CaseScope.REFUSED)),
                        AuditRecord.class))
                .isNotEmpty();
        // a facilitator enrols onto a case manager's caseload, so may see who they can be
        assertThat(api.expect(200, "GET", "/teams/" + Callers.TEAM + "/facilitators", "facilitator", null)
                        .body()
                        .get("facilitators"))
                .isEqualTo(listed.get("facilitators"));
        api.expect(403, "GET", "/teams/" + Callers.TEAM + "/facilitators", "offender-manager", null);
    }

    @Test
    void aServiceManagerSeesEachCaseManagersLoadWhenChoosingAndAcrossTheTeamsWithoutReadingAnyCase() throws Exception {
        Api api = new Api(mvc);
        String busy = directory.newCaseManager();
        String idle = directory.newCaseManager();
        List<String> cases = new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String id = api.refer("DRIVE-1TO1", null, false, null, "HIGH");
            api.assess(id, 4);
            api.enrolOneToOne(id, busy);
            cases.add(mongo.findById(id, uk.dapp.programme.referral.Referral.class)
                    .caseId());
        }
        Query auditOfTheseCases = Query.query(Criteria.where("caseId").in(cases));
        long auditedBefore = mongo.count(auditOfTheseCases, AuditRecord.class);

        JsonNode listed = api.expect(200, "GET", "/teams/" + Callers.TEAM + "/facilitators", "service-manager", null)
                .body();

        List<String> usernames =
                listed.get("facilitators").valueStream().map(JsonNode::asString).toList();
        List<JsonNode> loads = listed.get("caseloads").valueStream().toList();
        assertThat(loads).extracting(load -> load.get("facilitator").asString()).isEqualTo(usernames);
        JsonNode busyLoad = loads.get(usernames.indexOf(busy));
        assertThat(busyLoad.get("oneToOne").asInt()).isEqualTo(2);
        assertThat(busyLoad.get("inGroups").asInt()).isZero();
        assertThat(busyLoad.get("reviewsOverdue").asInt()).isZero();
        JsonNode idleLoad = loads.get(usernames.indexOf(idle));
        assertThat(idleLoad.get("oneToOne").asInt() + idleLoad.get("inGroups").asInt())
                .isZero();
        // the teams' caseloads page: everyone with participants in the teams, the largest first
        List<JsonNode> teams = api.expect(200, "GET", "/caseloads", "service-manager", null)
                .body()
                .get("items")
                .valueStream()
                .toList();
        assertThat(teams)
                .filteredOn(load -> load.get("facilitator").asString().equals(busy))
                .singleElement()
                .satisfies(load -> assertThat(load.get("oneToOne").asInt()).isEqualTo(2));
        assertThat(teams)
                .extracting(load ->
                        load.get("oneToOne").asInt() + load.get("inGroups").asInt())
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
        api.expect(403, "GET", "/caseloads", "facilitator", null);
        assertThat(mongo.count(auditOfTheseCases, AuditRecord.class))
                .as("counts name no case, so no case is recorded as read")
                .isEqualTo(auditedBefore);
        // a facilitator's my-work counts no one else's caseload, and neither does this
        JsonNode forAFacilitator = api.expect(
                        200, "GET", "/teams/" + Callers.TEAM + "/facilitators", "facilitator", null)
                .body()
                .path("caseloads");
        assertThat(forAFacilitator.isNull() || forAFacilitator.isMissingNode()).isTrue();
    }

    @Test
    void aGroupParticipantIsNotReallocatedToACaseManager() throws Exception {
        Api api = new Api(mvc);
        String group = api.group("CHANGE-GROUP", null, List.of("f1"));
        String id = api.refer("CHANGE-GROUP", "MALE", false, null, "MEDIUM");
        api.assess(id, 4);
        api.expect(200, "POST", "/referrals/" + id + "/enrolment", "facilitator", "{\"groupId\":\"" + group + "\"}");
        JsonNode refused = api.expect(
                        409,
                        "POST",
                        "/referrals/" + id + "/reallocation",
                        "service-manager",
                        "{\"caseManager\":\"someone\",\"reason\":\"x\"}")
                .body();
        assertThat(refused.toString()).contains("OneToOneOnly");
    }

    @Test
    void theTeamsGroupsAreListedAndAnotherTeamsGroupCannotTakeAReferral() throws Exception {
        Api api = new Api(mvc);
        String ours = api.group("CHANGE-GROUP", 5, List.of("f1"));
        String theirs = Api.parse(mvc.perform(
                                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/groups")
                                        .with(Callers.ofOtherTeam("service-manager"))
                                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                                        .content(
                                                "{\"programmeCode\":\"CHANGE-GROUP\",\"name\":\"Theirs\",\"startsOn\":\"2026-12-01\"}"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .get("groupId")
                .asString();

        JsonNode page = api.expect(200, "GET", "/groups?programmeCode=CHANGE-GROUP&size=100", "facilitator", null)
                .body();
        List<String> listed = page.get("items")
                .valueStream()
                .map(g -> g.get("groupId").asString())
                .toList();
        assertThat(listed).contains(ours).doesNotContain(theirs);
        JsonNode one = page.get("items")
                .valueStream()
                .filter(g -> g.get("groupId").asString().equals(ours))
                .findFirst()
                .orElseThrow();
        assertThat(one.get("capacity").asInt()).isEqualTo(5);
        assertThat(one.get("freePlaces").asInt()).isEqualTo(5);
        assertThat(one.get("waiting").asInt()).isZero();

        String id = api.refer("CHANGE-GROUP", "MALE", false, null, "MEDIUM");
        api.assess(id, 4);
        api.expect(404, "POST", "/referrals/" + id + "/enrolment", "facilitator", "{\"groupId\":\"" + theirs + "\"}");
        assertThat(api.status(id)).isEqualTo("SUITABLE");
        assertThat(mongo.find(
                        Query.query(Criteria.where("resourceId")
                                .is(theirs)
                                .and("reason")
                                .is(CaseScope.REFUSED)),
                        AuditRecord.class))
                .isNotEmpty();
        api.expect(
                404,
                "POST",
                "/referrals/" + id + "/enrolment",
                "facilitator",
                "{\"groupId\":\"" + java.util.UUID.randomUUID() + "\"}");
    }
}
