package uk.dapp.programme.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static uk.dapp.platform.testsupport.Callers.as;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;
import uk.dapp.platform.audit.AuditAction;
import uk.dapp.platform.audit.AuditRecord;
import uk.dapp.platform.caseid.CaseId;
import uk.dapp.platform.testsupport.ServiceTest;

@ServiceTest
class ReferralApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    private static String body(String caseId, boolean mandated, String officer) {
        return """
                {%s"programmeCode":"CHANGE-GROUP","source":"PROBATION","mandated":%s,"riskLevel":"HIGH","sex":"MALE"%s}""".formatted(
                        caseId == null ? "" : "\"caseId\":\"" + caseId + "\",",
                        mandated,
                        officer == null ? "" : ",\"responsibleProbationOfficer\":\"" + officer + "\"");
    }

    private String refer(String caseId, String role, String user) throws Exception {
        return mvc.perform(post("/referrals")
                        .with(as(role, user))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(caseId, true, "PO Pat Example")))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private static String field(String json, String name) {
        return JsonMapper.builder().build().readTree(json).get(name).asString();
    }

    @Test
    void aReferralWithoutACaseIdOpensANewCase() throws Exception {
        String created = refer(null, "facilitator", "fac-fiona");
        String caseId = field(created, "caseId");
        assertThat(CaseId.isValid(caseId)).isTrue();
        mvc.perform(get("/referrals/" + field(created, "referralId")).with(as("facilitator")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REFERRED"))
                .andExpect(jsonPath("$.referredBy").value("fac-fiona"))
                .andExpect(jsonPath("$.responsibleProbationOfficer").value("PO Pat Example"));
        mvc.perform(get("/cases/" + caseId + "/referrals").with(as("service-manager")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].caseId").value(caseId));
    }

    @Test
    void aReferralJoinsTheCaseItNames() throws Exception {
        String caseId = CaseId.generate(new SecureRandom()).value();
        assertThat(field(refer(caseId.toLowerCase(), "offender-manager", "om-olly"), "caseId"))
                .isEqualTo(caseId);
    }

    @Test
    void aSecondOpenReferralToTheSameProgrammeIsRefusedEvenWhenConcurrent() throws Exception {
        String caseId = CaseId.generate(new SecureRandom()).value();
        List<Callable<Integer>> attempts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            attempts.add(() -> mvc.perform(post("/referrals")
                            .with(as("facilitator"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(body(caseId, false, null)))
                    .andReturn()
                    .getResponse()
                    .getStatus());
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> result : pool.invokeAll(attempts)) {
            statuses.add(result.get());
        }
        pool.shutdown();
        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(mongo.count(Query.query(Criteria.where("caseId").is(caseId)), Referral.class))
                .isEqualTo(1);
    }

    @Test
    void aMandatedReferralMustNameTheProbationOfficer() throws Exception {
        mvc.perform(post("/referrals")
                        .with(as("facilitator"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(null, true, null)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("responsibleProbationOfficer"))
                .andExpect(jsonPath("$.errors[0].rule").value("RequiredWhenMandated"));
    }

    @Test
    void unknownEnumValuesAndMistypedCaseIdsAreRefusedByField() throws Exception {
        mvc.perform(post("/referrals")
                        .with(as("facilitator"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(null, false, null).replace("PROBATION", "NEIGHBOUR")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("source"));
        mvc.perform(post("/referrals")
                        .with(as("facilitator"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body("7KQM4X-ZP9RTD-2HBWJ6", false, null)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("caseId"));
        mvc.perform(get("/referrals/not-a-uuid").with(as("facilitator")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("referralId"));
    }

    @Test
    void anOffenderManagerReadsOnlyTheReferralsTheyMade() throws Exception {
        String created = refer(null, "offender-manager", "om-owen");
        String referralId = field(created, "referralId");
        mvc.perform(get("/referrals/" + referralId).with(as("offender-manager", "om-owen")))
                .andExpect(status().isOk());
        mvc.perform(get("/referrals/" + referralId).with(as("offender-manager", "om-someone-else")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void readsAndWritesAreAudited() throws Exception {
        String created = refer(null, "facilitator", "fac-frank");
        String caseId = field(created, "caseId");
        mvc.perform(get("/cases/" + caseId + "/referrals").with(as("facilitator", "fac-frank")))
                .andExpect(status().isOk());
        List<AuditRecord> records =
                mongo.find(Query.query(Criteria.where("caseId").is(caseId)), AuditRecord.class);
        assertThat(records)
                .extracting(AuditRecord::action)
                .containsExactlyInAnyOrder(AuditAction.CREATE, AuditAction.READ);
        assertThat(records).extracting(AuditRecord::username).containsOnly("fac-frank");
    }
}
