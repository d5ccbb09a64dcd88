package uk.dapp.programme.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import uk.dapp.platform.audit.AuditRecord;
import uk.dapp.platform.team.CaseScope;
import uk.dapp.platform.testsupport.Callers;
import uk.dapp.platform.testsupport.ServiceTest;
import uk.dapp.programme.Api;

/**
 * The team that takes a referral or runs a group (ADR 0012): the one named, if it is the caller's, or
 * their only one; facilitators and service managers of another team see neither (404, audited).
 */
@ServiceTest
class TeamScopeApiTest {

    private static final String REFERRAL = """
            {"programmeCode":"DRIVE-1TO1","source":"SELF","mandated":false,"riskLevel":"HIGH","sex":"MALE"%s}""";

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    private RequestPostProcessor inTwoTeams(String role) {
        return Callers.as(role, "both-" + role, List.of("north", "south"), List.of());
    }

    @Test
    void someoneInTwoTeamsNamesTheTeamTakingTheReferralAndOnlyOneOfTheirOwn() throws Exception {
        mvc.perform(post("/referrals")
                        .with(inTwoTeams("facilitator"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(REFERRAL.formatted("")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("team"))
                .andExpect(jsonPath("$.errors[0].rule").value("Required"));
        mvc.perform(post("/referrals")
                        .with(inTwoTeams("facilitator"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(REFERRAL.formatted(",\"team\":\"east\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].rule").value("OwnTeam"));
        String south = Api.parse(mvc.perform(post("/referrals")
                                .with(inTwoTeams("facilitator"))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(REFERRAL.formatted(",\"team\":\"SOUTH\"")))
                        .andExpect(status().isCreated())
                        .andExpect(jsonPath("$.team").value("south"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .get("referralId")
                .asString();

        mvc.perform(get("/referrals/" + south)
                        .with(Callers.as("facilitator", "south-fac", List.of("south"), List.of())))
                .andExpect(status().isOk());
        mvc.perform(get("/referrals/" + south)
                        .with(Callers.as("facilitator", "north-fac", List.of("north"), List.of())))
                .andExpect(status().isNotFound());
    }

    @Test
    void aGroupIsRunByOneTeamAndHiddenFromTheOthers() throws Exception {
        String groupId = Api.parse(mvc.perform(
                                post("/groups")
                                        .with(Callers.as("service-manager", "sm-ours"))
                                        .contentType(MediaType.APPLICATION_JSON)
                                        .content(
                                                "{\"programmeCode\":\"CHANGE-GROUP\",\"name\":\"Scoped\",\"startsOn\":\"2027-01-04\"}"))
                        .andExpect(status().isCreated())
                        .andExpect(jsonPath("$.team").value(Callers.TEAM))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .get("groupId")
                .asString();

        mvc.perform(get("/groups/" + groupId).with(Callers.as("facilitator"))).andExpect(status().isOk());
        mvc.perform(get("/groups/" + groupId).with(Callers.ofOtherTeam("facilitator")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/groups/" + groupId + "/register").with(Callers.ofOtherTeam("service-manager")))
                .andExpect(status().isNotFound());
        assertThat(mongo.count(
                        Query.query(Criteria.where("resourceId")
                                .is(groupId)
                                .and("reason")
                                .is(CaseScope.REFUSED)),
                        AuditRecord.class))
                .isEqualTo(2);
    }

    @Test
    void theOverdueListsAndTheProgrammeStatusShowOnlyTheCallersTeams() throws Exception {
        String caseId = Api.parse(mvc.perform(post("/referrals")
                                .with(Callers.as("facilitator"))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(REFERRAL.formatted("")))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .get("caseId")
                .asString();

        mvc.perform(get("/cases/" + caseId + "/programme-status").with(Callers.as("facilitator")))
                .andExpect(jsonPath("$.programmes.length()").value(1));
        mvc.perform(get("/cases/" + caseId + "/programme-status").with(Callers.ofOtherTeam("facilitator")))
                .andExpect(jsonPath("$.programmes.length()").value(0));
        assertThat(mongo.count(
                        Query.query(Criteria.where("caseId")
                                .is(caseId)
                                .and("reason")
                                .is(CaseScope.REFUSED)),
                        AuditRecord.class))
                .isEqualTo(1);
        String theirs = mvc.perform(get("/reviews/overdue").with(Callers.ofOtherTeam("service-manager")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(theirs).doesNotContain(caseId);
    }
}
