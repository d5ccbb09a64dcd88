package uk.dapp.riskmatrix.nominal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import uk.dapp.platform.audit.AuditAction;
import uk.dapp.platform.audit.AuditRecord;
import uk.dapp.platform.testsupport.ServiceTest;
import uk.dapp.riskmatrix.TestApi;

@ServiceTest
class IncidentApiTest {

    private static final String OM = "offender-manager";

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    TestApi api;
    final LocalDate today = LocalDate.now();

    @BeforeEach
    void setUp() {
        api = new TestApi(mvc);
    }

    @Test
    void addingAnIncidentRescoresAtOnceAndExplainsTheScore() throws Exception {
        String caseId = api.register("Incidentshire");
        JsonNode added = api.addDaIncident(caseId, today, "EX-ABH", "VK-0001");
        assertThat(added.at("/score/total").asInt()).isEqualTo(20 + 5 + 12 + 5);
        assertThat(added.at("/score/harmDays").asInt()).isEqualTo(180);
        assertThat(added.at("/incident/recordedBy").asString()).isEqualTo("om-test");
        String incidentId = added.at("/incident/incidentId").asString();
        assertThat(added.at("/score/incidents/0/incidentId").asString()).isEqualTo(incidentId);
        assertThat(added.at("/score/incidents/0/gravityPoints").asInt()).isEqualTo(12);

        api.get("/nominals/" + caseId + "/score", OM)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(42))
                .andExpect(jsonPath("$.recency.points").value(20))
                .andExpect(jsonPath("$.frequency.value").value(1))
                .andExpect(jsonPath("$.gravity.points").value(12))
                .andExpect(jsonPath("$.victims.points").value(5))
                .andExpect(jsonPath("$.referenceVersion").isNumber())
                .andExpect(jsonPath("$.windowMonths").value(36))
                .andExpect(jsonPath("$.incidents[0].harmDays").value(180));
        api.get("/nominals/" + caseId, OM).andExpect(jsonPath("$.score.total").value(42));
        api.get("/nominals/" + caseId + "/score-history", OM)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[0].trigger").value("REGISTERED"))
                .andExpect(jsonPath("$.items[1].trigger").value("INCIDENT_ADDED"))
                .andExpect(jsonPath("$.items[1].total").value(42));

        List<AuditRecord> audit = mongo.find(
                Query.query(
                        Criteria.where("caseId").is(caseId).and("resourceType").is("incident")),
                AuditRecord.class);
        assertThat(audit).extracting(AuditRecord::action).contains(AuditAction.CREATE);
    }

    @Test
    void twoDomesticAbuseIncidentsAgainstTwoVictimsFlagASerialPerpetrator() throws Exception {
        String caseId = api.register("Serialshire");
        api.addDaIncident(caseId, today.minusMonths(8), "EX-COMMON-ASSAULT", "VK-A");
        JsonNode second = api.addDaIncident(caseId, today.minusMonths(1), "EX-HARASSMENT", "VK-B");
        assertThat(second.at("/score/serial").asBoolean()).isTrue();
        assertThat(second.at("/score/serialBasis").asString()).contains("serial perpetrator");
        api.get("/nominals?area=Serialshire&serial=true", OM).andExpect(jsonPath("$.items[*].caseId", hasItem(caseId)));
    }

    @Test
    void theHistoryIsListedNewestFirst() throws Exception {
        String caseId = api.register("Incidentshire");
        api.addDaIncident(caseId, today.minusYears(1), "EX-STALKING", "VK-0002");
        api.addDaIncident(caseId, today.minusDays(2), "EX-CRIM-DAMAGE", "VK-0002");
        api.get("/nominals/" + caseId + "/incidents", OM)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[0].offenceCode").value("EX-CRIM-DAMAGE"))
                .andExpect(jsonPath("$.items[1].offenceCode").value("EX-STALKING"))
                .andExpect(jsonPath("$.items[1].victimKey").value("VK-0002"));
    }

    @Test
    void badIncidentsAreRefusedNamingFieldAndRuleAndNothingIsStored() throws Exception {
        String caseId = api.register("Incidentshire");
        long version =
                TestApi.json(api.get("/nominals/" + caseId, OM)).get("version").asLong();

        api.addIncident(caseId, TestApi.incident(today.plusDays(1), "EX-ABH", "VK-1", "HIGH", true))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("date"))
                .andExpect(jsonPath("$.errors[0].rule").value("NotFuture"));
        api.addIncident(caseId, TestApi.incident(today, "NOT-A-CODE", "VK-1", "HIGH", true))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("offenceCode"))
                .andExpect(jsonPath("$.errors[0].rule").value("KnownOffence"));
        api.addIncident(caseId, TestApi.incident(today, "EX-ABH", "VK-1", "HIGH", false))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("crime"));
        api.addIncident(caseId, """
                {"date":"%s","type":"DOMESTIC_ABUSE","offenceCode":"EX-ABH","dashLevel":"HIGH","crime":true,
                 "outcome":"CHARGED"}""".formatted(today))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("victimKey"))
                .andExpect(jsonPath("$.errors[0].rule").value("NotNull"));
        api.addIncident(caseId, TestApi.incident(today, "EX-ABH", "VK-1", "EXTREME", true))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].rule").value("Format"));

        api.get("/nominals/" + caseId + "/incidents", OM)
                .andExpect(jsonPath("$.items.length()").value(0));
        api.get("/nominals/" + caseId, OM).andExpect(jsonPath("$.version").value(version));
    }

    @Test
    void aChargedIncidentRecordsHowItsProsecutionEndedAndTheScoreDoesNotMove() throws Exception {
        String caseId = api.register("Incidentshire");
        JsonNode added = api.addDaIncident(caseId, today.minusMonths(3), "EX-ABH", "VK-C1");
        String incidentId = added.at("/incident/incidentId").asString();
        int total = added.at("/score/total").asInt();

        api.put("/nominals/" + caseId + "/incidents/" + incidentId + "/court-outcome", OM, """
                {"outcome":"ACQUITTED","decidedOn":"%s"}""".formatted(
                                today.minusMonths(1)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.courtOutcome").value("ACQUITTED"));
        // on appeal the outcome is replaced, not added
        api.put("/nominals/" + caseId + "/incidents/" + incidentId + "/court-outcome", OM, """
                {"outcome":"CONVICTED","decidedOn":"%s"}""".formatted(today))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.courtOutcome").value("CONVICTED"))
                .andExpect(jsonPath("$.courtOutcomeOn").value(today.toString()));
        api.get("/nominals/" + caseId + "/incidents", OM)
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].courtOutcome").value("CONVICTED"));
        api.get("/nominals/" + caseId + "/score", OM)
                .andExpect(jsonPath("$.total").value(total));
        List<AuditRecord> audit = mongo.find(
                Query.query(
                        Criteria.where("caseId").is(caseId).and("resourceType").is("incident")),
                AuditRecord.class);
        assertThat(audit).extracting(AuditRecord::action).contains(AuditAction.UPDATE);
    }

    @Test
    void onlyAChargeGoesToCourtAndACourtOutcomeIsNeitherInTheFutureNorBeforeTheIncident() throws Exception {
        String caseId = api.register("Incidentshire");
        JsonNode cautioned = TestApi.json(api.addIncident(caseId, """
                {"date":"%s","type":"DOMESTIC_ABUSE","offenceCode":"EX-ABH","victimKey":"VK-C2","dashLevel":"HIGH",
                 "crime":true,"outcome":"CAUTIONED"}""".formatted(today.minusMonths(2))));
        String notCharged = cautioned.at("/incident/incidentId").asString();
        String charged = api.addDaIncident(caseId, today.minusMonths(2), "EX-ABH", "VK-C2")
                .at("/incident/incidentId")
                .asString();
        long version =
                TestApi.json(api.get("/nominals/" + caseId, OM)).get("version").asLong();

        api.put("/nominals/" + caseId + "/incidents/" + notCharged + "/court-outcome", OM, """
                {"outcome":"CONVICTED","decidedOn":"%s"}""".formatted(today))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("outcome"))
                .andExpect(jsonPath("$.errors[0].rule").value("AfterCharge"));
        api.put("/nominals/" + caseId + "/incidents/" + charged + "/court-outcome", OM, """
                {"outcome":"CONVICTED","decidedOn":"%s"}""".formatted(
                                today.plusDays(1)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("decidedOn"))
                .andExpect(jsonPath("$.errors[0].rule").value("NotFuture"));
        api.put("/nominals/" + caseId + "/incidents/" + charged + "/court-outcome", OM, """
                {"outcome":"CONVICTED","decidedOn":"%s"}""".formatted(
                                today.minusMonths(3)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("decidedOn"))
                .andExpect(jsonPath("$.errors[0].rule").value("NotBeforeIncident"));
        api.put("/nominals/" + caseId + "/incidents/" + charged + "/court-outcome", OM, """
                {"outcome":"HUNG_JURY","decidedOn":"%s"}""".formatted(today))
                .andExpect(status().isBadRequest());
        api.put(
                        "/nominals/" + caseId + "/incidents/00000000-0000-0000-0000-000000000000/court-outcome",
                        OM,
                        """
                {"outcome":"CONVICTED","decidedOn":"%s"}""".formatted(today))
                .andExpect(status().isNotFound());

        api.get("/nominals/" + caseId, OM).andExpect(jsonPath("$.version").value(version));
        api.get("/nominals/" + caseId + "/incidents", OM)
                .andExpect(jsonPath("$.items[0].courtOutcome").doesNotExist())
                .andExpect(jsonPath("$.items[1].courtOutcome").doesNotExist());
    }

    @Test
    void anIncidentOnAnUnknownCaseIs404() throws Exception {
        api.addIncident("000000-000000-000000", TestApi.incident(today, "EX-ABH", "VK-1", "HIGH", true))
                .andExpect(status().isNotFound());
    }
}
