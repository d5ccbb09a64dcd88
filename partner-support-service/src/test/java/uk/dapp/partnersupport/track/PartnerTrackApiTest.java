package uk.dapp.partnersupport.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static uk.dapp.platform.testsupport.Callers.as;

import java.security.SecureRandom;
import java.util.List;
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
class PartnerTrackApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    @Test
    void opensAndReadsTracksOfACaseAndAuditsEachAccess() throws Exception {
        String caseId = CaseId.generate(new SecureRandom()).value();
        String created = mvc.perform(post("/cases/" + caseId + "/partner-tracks")
                        .with(as("partner-support-worker", "psw-priya"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"relationship\":\"EX_PARTNER\",\"partnerName\":\"Imaginary Person\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.allocatedWorker").value("psw-priya"))
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String trackId =
                JsonMapper.builder().build().readTree(created).get("trackId").asString();

        mvc.perform(get("/partner-tracks/" + trackId).with(as("partner-support-worker", "psw-priya")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.partnerName").value("Imaginary Person"))
                .andExpect(jsonPath("$.caseId").value(caseId));
        mvc.perform(get("/cases/" + caseId + "/partner-tracks").with(as("partner-support-worker", "psw-priya")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1));

        List<AuditRecord> records =
                mongo.find(Query.query(Criteria.where("caseId").is(caseId)), AuditRecord.class);
        assertThat(records)
                .extracting(AuditRecord::action)
                .containsExactlyInAnyOrder(AuditAction.CREATE, AuditAction.READ, AuditAction.READ);
    }

    @Test
    void noOtherRoleSeesAPartnersName() throws Exception {
        String caseId = CaseId.generate(new SecureRandom()).value();
        mvc.perform(post("/cases/" + caseId + "/partner-tracks")
                        .with(as("partner-support-worker"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"relationship\":\"CURRENT_PARTNER\",\"partnerName\":\"Secret Sample\"}"))
                .andExpect(status().isCreated());
        for (String role : List.of("facilitator", "service-manager", "offender-manager", "evaluator", "admin")) {
            String answer = mvc.perform(
                            get("/cases/" + caseId + "/partner-tracks").with(as(role)))
                    .andExpect(status().isForbidden())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(answer).doesNotContain("Secret Sample");
        }
    }

    @Test
    void badInputIsRefusedByFieldAndStoresNothing() throws Exception {
        String caseId = CaseId.generate(new SecureRandom()).value();
        mvc.perform(post("/cases/" + caseId + "/partner-tracks")
                        .with(as("partner-support-worker"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"relationship\":\"SIBLING\",\"partnerName\":\"X\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("relationship"));
        mvc.perform(post("/cases/" + caseId + "/partner-tracks")
                        .with(as("partner-support-worker"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"relationship\":\"EX_PARTNER\",\"partnerName\":\"" + "x".repeat(101) + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("partnerName"))
                .andExpect(jsonPath("$.errors[0].rule").value("Size"));
        mvc.perform(post("/cases/" + caseId + "/partner-tracks")
                        .with(as("partner-support-worker"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"relationship\":\"EX_PARTNER\",\"partnerName\":\"   \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].rule").value("NotBlank"));
        assertThat(mongo.count(Query.query(Criteria.where("caseId").is(caseId)), PartnerTrack.class))
                .isZero();
    }
}
