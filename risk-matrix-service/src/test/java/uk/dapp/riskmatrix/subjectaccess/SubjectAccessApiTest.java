package uk.dapp.riskmatrix.subjectaccess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static uk.dapp.platform.testsupport.Callers.as;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.dapp.platform.audit.AuditAction;
import uk.dapp.platform.audit.AuditRecord;
import uk.dapp.platform.audit.views.SubjectAccess;
import uk.dapp.platform.caseid.CaseId;
import uk.dapp.platform.testsupport.ServiceTest;
import uk.dapp.riskmatrix.TestApi;

/** The subject access export of a nominal: all of theirs, no victim's key, audited with the admin's reason. */
@ServiceTest
class SubjectAccessApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String REASON = "SAR 2026/0113 from the data subject";

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    private MvcResult export(String caseId, String reason, String admin) throws Exception {
        var request = get("/cases/" + caseId + "/subject-access").with(as("admin", admin));
        if (reason != null) {
            request.header("X-Access-Reason", reason);
        }
        return mvc.perform(request).andReturn();
    }

    @Test
    void theExportHoldsTheNominalsDataWithEachVictimKeyReplacedAndIsAuditedWithTheReason() throws Exception {
        TestApi api = new TestApi(mvc);
        String caseId = api.register("Exportina", "Subjectsson", LocalDate.of(1981, 4, 9), "Sarshire");
        api.addDaIncident(caseId, LocalDate.now().minusMonths(3), "EX-ABH", "VKEY-ALPHA-7731");
        api.addDaIncident(caseId, LocalDate.now().minusMonths(2), "EX-ABH", "VKEY-BRAVO-8842");
        api.addDaIncident(caseId, LocalDate.now().minusMonths(1), "EX-ABH", "VKEY-ALPHA-7731");
        api.put("/nominals/" + caseId + "/suitability-facts", "offender-manager", TestApi.facts(true));
        assertThat(api.post("/nominals/" + caseId + "/routing/decisions", "offender-manager", "{\"route\":\"ENGAGE\"}")
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
        assertThat(api.post("/nominals/" + caseId + "/onward-referrals", "offender-manager", """
                {"type":"PROBATION","madeOn":"%s","followUpDate":"%s"}""".formatted(
                                        LocalDate.now(), LocalDate.now()))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(201);

        MvcResult result = export(caseId, "  " + REASON + "  ", "sar-admin-1");
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        String body = result.getResponse().getContentAsString();
        JsonNode export = JSON.readTree(body);
        assertThat(export.get("caseId").asString()).isEqualTo(caseId);
        assertThat(export.at("/nominal/givenName").asString()).isEqualTo("Exportina");
        assertThat(export.at("/nominal/familyName").asString()).isEqualTo("Subjectsson");
        assertThat(export.at("/nominal/dateOfBirth").asString()).isEqualTo("1981-04-09");
        assertThat(export.get("incidents")).hasSize(3);
        assertThat(List.of(
                        export.at("/incidents/0/victimKey").asString(),
                        export.at("/incidents/1/victimKey").asString(),
                        export.at("/incidents/2/victimKey").asString()))
                .containsExactly("V1", "V2", "V1");
        assertThat(body).doesNotContain("VKEY-ALPHA-7731", "VKEY-BRAVO-8842");
        assertThat(export.at("/score/victims/value").asInt()).isEqualTo(2);
        assertThat(export.get("scoreHistory").size()).isEqualTo(4);
        assertThat(export.at("/routing/facts/facts/willingToEngage").asBoolean())
                .isTrue();
        assertThat(export.at("/onwardReferrals/0/type").asString()).isEqualTo("PROBATION");
        assertThat(export.at("/export/reason").asString()).isEqualTo(REASON);

        // the trail here: registration, incidents, facts, reads... and this export, last
        JsonNode trail = export.at("/export/auditTrail");
        assertThat(trail.get(0).get("action").asString()).isEqualTo("CREATE");
        JsonNode own = trail.get(trail.size() - 1);
        assertThat(own.get("resourceType").asString()).isEqualTo(SubjectAccess.RESOURCE);
        assertThat(own.get("reason").asString()).isEqualTo(REASON);

        AuditRecord audited = mongo.findOne(
                Query.query(
                        Criteria.where("caseId").is(caseId).and("resourceType").is(SubjectAccess.RESOURCE)),
                AuditRecord.class);
        assertThat(audited.username()).isEqualTo("sar-admin-1");
        assertThat(audited.roles()).containsExactly("admin");
        assertThat(audited.action()).isEqualTo(AuditAction.READ);
        assertThat(audited.reason()).isEqualTo(REASON);
    }

    @Test
    void withoutAReasonOrWithTooShortAOneNothingIsReadAndTheHeaderIsNamed() throws Exception {
        String caseId = new TestApi(mvc).register("Reasonless", "Readersson", LocalDate.of(1979, 1, 1), "Sarshire");
        for (String reason : new String[] {null, "because", "   nine 9   "}) {
            MvcResult result = export(caseId, reason, "sar-admin-2");
            assertThat(result.getResponse().getStatus()).as(reason).isEqualTo(400);
            assertThat(result.getResponse().getContentType()).contains("application/problem+json");
            JsonNode problem = JSON.readTree(result.getResponse().getContentAsString());
            assertThat(problem.at("/errors/0/field").asString()).isEqualTo("X-Access-Reason");
            assertThat(problem.at("/errors/0/rule").asString()).isIn("Required", "Size");
            assertThat(result.getResponse().getContentAsString()).doesNotContain("Reasonless", "Readersson");
        }
        assertThat(mongo.count(
                        Query.query(Criteria.where("caseId")
                                .is(caseId)
                                .and("resourceType")
                                .is(SubjectAccess.RESOURCE)),
                        AuditRecord.class))
                .isZero();
    }

    @Test
    void anUnknownCaseIsNotFoundButTheAttemptIsOnRecord() throws Exception {
        String unknown = CaseId.generate(new SecureRandom()).value();
        MvcResult result = export(unknown, REASON, "sar-admin-3");
        assertThat(result.getResponse().getStatus()).isEqualTo(404);
        assertThat(mongo.findOne(Query.query(Criteria.where("caseId").is(unknown)), AuditRecord.class)
                        .reason())
                .isEqualTo(REASON);
    }

    @Test
    void noCaseworkRoleMayExport() throws Exception {
        String caseId = new TestApi(mvc).register("Refused", "Exportsson", LocalDate.of(1980, 2, 2), "Sarshire");
        for (String role :
                List.of("offender-manager", "facilitator", "service-manager", "partner-support-worker", "evaluator")) {
            MvcResult result = mvc.perform(get("/cases/" + caseId + "/subject-access")
                            .with(as(role))
                            .header("X-Access-Reason", REASON))
                    .andReturn();
            assertThat(result.getResponse().getStatus()).as(role).isEqualTo(403);
            assertThat(result.getResponse().getContentAsString()).doesNotContain("Refused", "Exportsson");
        }
    }

    @Test
    void victimLabelsFollowFirstAppearance() {
        // unit-level: the same key keeps its label, a new key takes the next number
        var incidents = List.of(incident("K-3"), incident("K-1"), incident("K-3"), incident("K-2"));
        assertThat(SubjectAccessExports.withVictimLabels(incidents))
                .extracting(i -> i.getVictimKey())
                .containsExactly("V1", "V2", "V1", "V3");
    }

    private static uk.dapp.riskmatrix.values.Incident incident(String victimKey) {
        return new uk.dapp.riskmatrix.values.Incident(
                "i-" + victimKey,
                LocalDate.of(2026, 1, 1),
                uk.dapp.riskmatrix.values.IncidentType.DOMESTIC_ABUSE,
                "ABH",
                victimKey,
                uk.dapp.riskmatrix.values.DashLevel.HIGH,
                true,
                uk.dapp.riskmatrix.values.Outcome.CHARGED,
                java.time.Instant.parse("2026-01-02T00:00:00Z"),
                "om");
    }
}
