package uk.dapp.partnersupport.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.json.JsonMapper;
import uk.dapp.platform.audit.AuditAction;
import uk.dapp.platform.audit.AuditRecord;
import uk.dapp.platform.caseid.CaseId;
import uk.dapp.platform.team.CaseScope;
import uk.dapp.platform.testsupport.Callers;
import uk.dapp.platform.testsupport.ServiceTest;

/**
 * Partner support workers see and act on the tracks of their teams (ADR 0012): another team's track
 * is a 404 like an unknown one, audited; the lists leave it out and audit once per case they show.
 */
@ServiceTest
class TrackTeamScopeApiTest {

    private static final RequestPostProcessor OURS = Callers.as("partner-support-worker", "psw-ours");
    private static final RequestPostProcessor THEIRS = Callers.ofOtherTeam("partner-support-worker");

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    @Test
    void anotherTeamsTrackIsNotFoundAndLeftOutOfEveryListAndTheRefusalIsAudited() throws Exception {
        String caseId = CaseId.generate(new SecureRandom()).value();
        String trackId = JsonMapper.builder()
                .build()
                .readTree(mvc.perform(post("/cases/" + caseId + "/partner-tracks")
                                .with(OURS)
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"relationship\":\"EX_PARTNER\",\"partnerName\":\"Scopia Partnerly\"}"))
                        .andExpect(status().isCreated())
                        .andExpect(jsonPath("$.team").value(Callers.TEAM))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .get("trackId")
                .asString();

        mvc.perform(get("/partner-tracks/" + trackId).with(OURS)).andExpect(status().isOk());
        mvc.perform(post("/partner-tracks/" + trackId + "/disclosures")
                        .with(OURS)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"disclosedOn\":\"" + java.time.LocalDate.now()
                                + "\",\"category\":\"COERCIVE_CONTROL\","
                                + "\"riskLevel\":\"MEDIUM\",\"account\":\"synthetic account for the scope test\"}"))
                .andExpect(status().isCreated());
        mvc.perform(get("/cases/" + caseId + "/risk-alerts").with(OURS))
                .andExpect(jsonPath("$.length()").value(1));
        mvc.perform(get("/cases/" + caseId + "/risk-alerts").with(THEIRS))
                .andExpect(jsonPath("$.length()").value(0));
        String refused = mvc.perform(get("/partner-tracks/" + trackId).with(THEIRS))
                .andExpect(status().isNotFound())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(refused).contains("No partner track " + trackId).doesNotContain("Scopia");
        for (String part : List.of("/contact-attempts", "/consents", "/safety-plans", "/dash-assessments")) {
            mvc.perform(get("/partner-tracks/" + trackId + part).with(THEIRS)).andExpect(status().isNotFound());
        }
        mvc.perform(get("/cases/" + caseId + "/partner-tracks").with(THEIRS))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(0));
        mvc.perform(get("/cases/" + caseId + "/partner-tracks").with(OURS))
                .andExpect(jsonPath("$.length()").value(1));

        assertThat(mongo.find(
                        Query.query(Criteria.where("caseId")
                                .is(caseId)
                                .and("username")
                                .is("other-partner-support-worker")),
                        AuditRecord.class))
                .hasSizeGreaterThanOrEqualTo(6)
                .allSatisfy(record -> assertThat(record.action()).isEqualTo(AuditAction.READ))
                .anySatisfy(record -> assertThat(record.reason()).isEqualTo(CaseScope.REFUSED));
    }

    @Test
    void theWorkListsShowOnlyTheCallersTeamsAndAreAuditedPerCase() throws Exception {
        String caseId = CaseId.generate(new SecureRandom()).value();
        mvc.perform(put("/case-events/partner-referrals/" + java.util.UUID.randomUUID())
                        .with(Callers.as("svc-programme", "service-account-svc-programme"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                        {"caseId":"%s","referralId":"%s","programmeCode":"DRIVE-01","referredAt":"2026-11-20T09:30:00Z",
                         "team":"%s","partners":[{"relationship":"EX_PARTNER","name":"Listia Partnerly"}]}""".formatted(caseId, java.util.UUID.randomUUID(), Callers.TEAM)))
                .andExpect(status().isNoContent());

        String ours = mvc.perform(get("/unallocated-tracks").with(OURS))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String theirs = mvc.perform(get("/unallocated-tracks").with(THEIRS))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(ours).contains(caseId);
        assertThat(theirs).doesNotContain(caseId);
        assertThat(mongo.count(
                        Query.query(Criteria.where("caseId")
                                .is(caseId)
                                .and("username")
                                .is("psw-ours")
                                .and("action")
                                .is(AuditAction.SEARCH)
                                .and("query")
                                .is("unallocated tracks")),
                        AuditRecord.class))
                .isEqualTo(1);
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder put(String path) {
        return org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(path);
    }
}
