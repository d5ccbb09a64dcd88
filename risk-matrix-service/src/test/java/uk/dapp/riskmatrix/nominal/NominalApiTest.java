package uk.dapp.riskmatrix.nominal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static uk.dapp.platform.testsupport.Callers.as;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
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
import uk.dapp.platform.testsupport.ServiceTest;

@ServiceTest
class NominalApiTest {

    private static final AtomicInteger POLICE_NUMBERS = new AtomicInteger(1000);

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    private static String body(String policeId) {
        return """
                {"givenName":"Testy","familyName":"McTestface","dateOfBirth":"1990-04-01",
                 "policeId":"%s","probationId":"X123456","area":"Testshire","sex":"MALE"}""".formatted(policeId);
    }

    private static String newPoliceId() {
        return "21/" + POLICE_NUMBERS.incrementAndGet() + "A";
    }

    private String register(String policeId) throws Exception {
        String json = mvc.perform(post("/nominals")
                        .with(as("offender-manager", "om-alice"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(policeId)))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", matchesPattern("/nominals/[0-9A-Z-]{20}")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonMapper.builder().build().readTree(json).get("caseId").asString();
    }

    @Test
    void registersAndReadsANominalUnderANewCaseId() throws Exception {
        String caseId = register(newPoliceId());
        mvc.perform(get("/nominals/" + caseId.toLowerCase().replace("-", "")).with(as("offender-manager")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.caseId").value(caseId))
                .andExpect(jsonPath("$.familyName").value("McTestface"))
                .andExpect(jsonPath("$.area").value("Testshire"))
                .andExpect(jsonPath("$.sex").value("MALE"));
    }

    @Test
    void everyReadAndWriteIsAudited() throws Exception {
        String caseId = register(newPoliceId());
        mvc.perform(get("/nominals/" + caseId).with(as("offender-manager", "om-bob")))
                .andExpect(status().isOk());

        List<AuditRecord> records =
                mongo.find(Query.query(Criteria.where("caseId").is(caseId)), AuditRecord.class);
        assertThat(records)
                .extracting(AuditRecord::action)
                .containsExactlyInAnyOrder(AuditAction.CREATE, AuditAction.READ);
        AuditRecord read = records.stream()
                .filter(r -> r.action() == AuditAction.READ)
                .findFirst()
                .orElseThrow();
        assertThat(read.username()).isEqualTo("om-bob");
        assertThat(read.roles()).containsExactly("offender-manager");
        assertThat(read.resourceType()).isEqualTo("nominal");
        assertThat(read.at()).isNotNull();
        assertThat(read.correlationId()).isNotBlank();
    }

    @Test
    void theSamePoliceIdentifierTwiceIsRefusedNamingTheExistingCase() throws Exception {
        String policeId = newPoliceId();
        String caseId = register(policeId);
        mvc.perform(post("/nominals")
                        .with(as("offender-manager"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(policeId)))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.existingCaseId").value(caseId));
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndRuleAndStoresNothing() throws Exception {
        long before = mongo.getCollection("nominals").countDocuments();
        mvc.perform(post("/nominals")
                        .with(as("offender-manager"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"givenName":"","familyName":"X","dateOfBirth":"1990-01-01",
                                 "policeId":"not-a-pnc","area":"A"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", hasItem("givenName")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("policeId")))
                .andExpect(jsonPath("$.errors[*].rule", hasItem("Pattern")))
                .andExpect(jsonPath("$.errors[*].rule", hasItem("Size")));
        mvc.perform(post("/nominals")
                        .with(as("offender-manager"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(newPoliceId()).replace("1990-04-01", "2999-01-01")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("dateOfBirth"))
                .andExpect(jsonPath("$.errors[0].rule").value("Past"));
        mvc.perform(post("/nominals")
                        .with(as("offender-manager"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(newPoliceId()).replace("1990-04-01", "1990-13-45")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("dateOfBirth"))
                .andExpect(jsonPath("$.errors[0].rule").value("Format"));
        mvc.perform(post("/nominals")
                        .with(as("offender-manager"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{not json"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(mongo.getCollection("nominals").countDocuments()).isEqualTo(before);
    }

    @Test
    void aMistypedCaseIdIsA400NotA404() throws Exception {
        String caseId = register(newPoliceId());
        char last = caseId.charAt(caseId.length() - 1);
        String mistyped = caseId.substring(0, caseId.length() - 1) + (last == '7' ? '8' : '7');
        mvc.perform(get("/nominals/" + mistyped).with(as("offender-manager")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("caseId"))
                .andExpect(jsonPath("$.errors[0].rule").value("CaseIdCheck"));
        mvc.perform(get("/nominals/UUUUUU-UUUUUU-UUUUUU").with(as("offender-manager")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("caseId"));
    }

    @Test
    void anUnknownCaseIs404ProblemJson() throws Exception {
        mvc.perform(get("/nominals/000000-000000-000000").with(as("offender-manager")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
}
