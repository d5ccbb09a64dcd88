package uk.dapp.riskmatrix.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import uk.dapp.platform.outbox.OutboxEntry;
import uk.dapp.platform.testsupport.ServiceTest;
import uk.dapp.riskmatrix.TestApi;

/**
 * Routing between the risk matrix and the programmes as the partnerships practise it (Operation Acorn,
 * MATAC, Drive, Change; issue 15): each test is named after the rule it holds.
 */
@ServiceTest
class PracticeRoutingApiTest {

    private static final String OM = "offender-manager";
    private static final String AREA = "Practiceshire";

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    TestApi api;

    @BeforeEach
    void catalogue() throws Exception {
        api = new TestApi(mvc);
        api.shippedCatalogue();
    }

    @AfterEach
    void catalogueAsShipped() throws Exception {
        api.shippedCatalogue();
    }

    private String nominal(String sex) throws Exception {
        TestApi.useArea(AREA);
        JsonNode created = TestApi.json(api.post("/nominals", OM, """
                {"givenName":"Fakeley","familyName":"Mockington","dateOfBirth":"1988-04-04","policeId":"%s",
                 "area":"%s"%s}""".formatted(
                                TestApi.newPoliceId(), AREA, sex == null ? "" : ",\"sex\":\"" + sex + "\""))
                .andExpect(status().isCreated()));
        return created.get("caseId").asString();
    }

    private JsonNode facts(String caseId) throws Exception {
        return TestApi.json(api.put("/nominals/" + caseId + "/suitability-facts", OM, TestApi.facts(true))
                .andExpect(status().isOk()));
    }

    private JsonNode routing(String caseId) throws Exception {
        return TestApi.json(api.get("/nominals/" + caseId + "/routing", OM).andExpect(status().isOk()));
    }

    private static List<String> pathways(JsonNode routing) {
        return routing.at("/recommendation/pathways")
                .valueStream()
                .map(JsonNode::asString)
                .toList();
    }

    private static String reasons(JsonNode routing) {
        return routing.at("/recommendation/reasons").toString();
    }

    private void incident(String caseId, String victim, String dash) throws Exception {
        api.addIncident(caseId, TestApi.incident(LocalDate.now().minusMonths(2), "EX-ABH", victim, dash, true))
                .andExpect(status().isCreated());
    }

    @Test
    void driveIsRecommendedOnlyForPeopleItCanTake_aSerialPerpetratorAtMediumRiskIsAdvisedTheChangeGroup()
            throws Exception {
        String caseId = nominal("MALE");
        incident(caseId, "VK-P1", "MEDIUM");
        incident(caseId, "VK-P2", "MEDIUM");
        JsonNode advised = facts(caseId);
        assertThat(pathways(advised)).containsExactly("OFFENDER_MANAGEMENT", "CHANGE_PROGRAMME", "DRUG_REHABILITATION");
        assertThat(reasons(advised))
                .contains("Drive (DRIVE-1TO1) does not take this person")
                .contains("[HIGH] only");
        assertThat(advised.at("/recommendation/referralRiskLevel").asString()).isEqualTo("MEDIUM");

        // at high risk, Drive takes him: as recommended, his referral goes to Drive
        incident(caseId, "VK-P1", "HIGH");
        JsonNode decided =
                TestApi.json(api.post("/nominals/" + caseId + "/routing/decisions", OM, "{\"route\":\"ENGAGE\"}")
                        .andExpect(status().isOk()));
        assertThat(decided.get("decidedPathways").toString()).contains("DRIVE").doesNotContain("CHANGE_PROGRAMME");
        assertThat(decided.get("overridesRecommendation").asBoolean()).isFalse();
        assertThat(referralsWaiting(caseId)).singleElement().satisfies(payload -> {
            assertThat(payload.getString("pathway")).isEqualTo("DRIVE");
            assertThat(payload.getString("riskLevel")).isEqualTo("HIGH");
            assertThat(payload.getString("sex")).isEqualTo("MALE");
        });
    }

    @Test
    void aWomanIsNeverRecommendedTheMenOnlyChangeGroup_theWomensGroupIsReachedFromTheMatrixWithHerSexOnTheReferral()
            throws Exception {
        String caseId = nominal("FEMALE");
        incident(caseId, "VK-W1", "STANDARD");
        JsonNode advised = facts(caseId);
        assertThat(pathways(advised)).contains("WOMENS_GROUP").doesNotContain("CHANGE_PROGRAMME", "DRIVE");
        assertThat(reasons(advised))
                .contains("CHANGE-GROUP) does not take this person: takes men only")
                .contains("the women's group (WOMEN-GROUP)");
        api.post("/nominals/" + caseId + "/routing/decisions", OM, "{\"route\":\"ENGAGE\"}")
                .andExpect(status().isOk());
        assertThat(referralsWaiting(caseId)).singleElement().satisfies(payload -> {
            assertThat(payload.getString("pathway")).isEqualTo("WOMENS_GROUP");
            assertThat(payload.getString("sex")).isEqualTo("FEMALE");
        });
    }

    @Test
    void theRecommendationIsMadeAgainWheneverItsInputsChange_newIncidents_theCatalogue_hisDetails_andSaysWhen()
            throws Exception {
        String caseId = nominal("MALE");
        incident(caseId, "VK-S1", "HIGH");
        JsonNode first = facts(caseId);
        assertThat(pathways(first)).contains("CHANGE_PROGRAMME");
        Instant firstAt = Instant.parse(first.at("/recommendation/computedAt").asString());
        assertThat(Instant.parse(
                        routing(caseId).at("/recommendation/computedAt").asString()))
                .as("nothing changed: the same advice, computed when it was")
                .isEqualTo(firstAt);

        // a new incident against another victim makes him serial: Drive, at once
        incident(caseId, "VK-S2", "HIGH");
        JsonNode serial = routing(caseId);
        assertThat(pathways(serial)).contains("DRIVE").doesNotContain("CHANGE_PROGRAMME");
        Instant serialAt = Instant.parse(serial.at("/recommendation/computedAt").asString());
        assertThat(serialAt).isAfter(firstAt);

        // the programme no longer offers Drive from the matrix: the advice follows the catalogue
        api.programmeTells("DRIVE-1TO1", "DRIVE", "\"FEMALE\"", "\"HIGH\"");
        JsonNode driveForWomen = routing(caseId);
        assertThat(pathways(driveForWomen)).contains("CHANGE_PROGRAMME").doesNotContain("DRIVE");
        assertThat(reasons(driveForWomen)).contains("takes women only");

        // a corrected sex: the women's group does not take her at high risk, Drive does
        JsonNode nominal = TestApi.json(api.get("/nominals/" + caseId, OM));
        api.put("/nominals/" + caseId, OM, """
                {"givenName":"Fakeley","familyName":"Mockington","dateOfBirth":"1988-04-04","policeId":"%s",
                 "area":"%s","sex":"FEMALE","version":%d}""".formatted(
                                nominal.get("policeId").asString(),
                                AREA,
                                nominal.get("version").asLong()))
                .andExpect(status().isOk());
        JsonNode corrected = routing(caseId);
        assertThat(pathways(corrected)).contains("DRIVE").doesNotContain("WOMENS_GROUP", "CHANGE_PROGRAMME");
        assertThat(Instant.parse(corrected.at("/recommendation/computedAt").asString()))
                .isAfter(serialAt);

        // deciding weighs the decision against the advice as it stands now
        JsonNode decided =
                TestApi.json(api.post("/nominals/" + caseId + "/routing/decisions", OM, "{\"route\":\"ENGAGE\"}")
                        .andExpect(status().isOk()));
        assertThat(decided.get("decidedPathways").toString()).contains("DRIVE");
    }

    @Test
    void theMatrixKnowsWhoEachProgrammeTakesOnlyFromTheProgramme_andAnOlderMessageChangesNothing() throws Exception {
        JsonNode known = TestApi.json(api.get("/programme-eligibility", OM).andExpect(status().isOk()));
        assertThat(known.valueStream()
                        .map(p -> p.get("programmeCode").asString())
                        .toList())
                .contains("DRIVE-1TO1", "CHANGE-GROUP", "WOMEN-GROUP");
        api.put("/case-events/programme-eligibility/" + java.util.UUID.randomUUID(), "svc-programme", """
                {"programmeCode":"DRIVE-1TO1","programmeName":"old","pathways":["DRIVE"],"sexes":["MALE"],
                 "minimumAge":18,"riskLevels":["STANDARD"],"sequence":1}""")
                .andExpect(status().isNoContent());
        JsonNode drive = TestApi.json(api.get("/programme-eligibility", "admin"))
                .valueStream()
                .filter(p -> p.get("programmeCode").asString().equals("DRIVE-1TO1"))
                .findFirst()
                .orElseThrow();
        assertThat(drive.get("riskLevels").toString()).isEqualTo("[\"HIGH\"]");
        api.get("/programme-eligibility", "facilitator").andExpect(status().isForbidden());
    }

    @Test
    void anAssessmentNotSuitableBackToTheMatrixForDisruptionReturnsTheNominalForADecision_once() throws Exception {
        String caseId = nominal("MALE");
        incident(caseId, "VK-D1", "MEDIUM");
        facts(caseId);
        api.post("/nominals/" + caseId + "/routing/decisions", OM, "{\"route\":\"ENGAGE\"}")
                .andExpect(status().isOk());
        String messageId = java.util.UUID.randomUUID().toString();
        String event =
                """
                {"caseId":"%s","referralId":"%s","programmeCode":"CHANGE-GROUP","assessedAt":"%s"}""".formatted(caseId, java.util.UUID.randomUUID(), Instant.now().plusSeconds(1));
        api.put("/case-events/returns-for-disruption/" + messageId, "svc-programme", event)
                .andExpect(status().isNoContent());
        JsonNode back = routing(caseId);
        assertThat(back.get("status").asString()).isEqualTo("AWAITING_REROUTING");
        JsonNode last = back.get("history").get(back.get("history").size() - 1);
        assertThat(last.get("move").asString()).isEqualTo("returned-for-disruption");
        assertThat(last.get("reason").asString())
                .contains("assessed not suitable by CHANGE-GROUP")
                .contains("disruption");
        assertThat(back.get("allowedMoves").toString()).contains("decide-catch-and-convict");

        // the same message again changes nothing; offender managers see why it came back
        api.put("/case-events/returns-for-disruption/" + messageId, "svc-programme", event)
                .andExpect(status().isNoContent());
        assertThat(routing(caseId).get("history").size())
                .isEqualTo(back.get("history").size());
        JsonNode waiting =
                TestApi.json(api.get("/awaiting-rerouting?size=200", OM).andExpect(status().isOk()));
        assertThat(waiting.get("items")
                        .valueStream()
                        .filter(i -> i.get("caseId").asString().equals(caseId))
                        .map(i -> i.get("move").asString())
                        .toList())
                .containsExactly("returned-for-disruption");
        // only the programme's service account may send it
        api.put("/case-events/returns-for-disruption/" + java.util.UUID.randomUUID(), OM, event)
                .andExpect(status().isForbidden());
    }

    @Test
    void aNewPoliceIncidentAgainstARoutedNominalIsToldToTheProgramme_levelCategoryAndDateOnly() throws Exception {
        String caseId = nominal("MALE");
        incident(caseId, "VK-I1", "MEDIUM");
        assertThat(owedToTheProgramme(caseId))
                .as("never routed: nothing of him leaves")
                .isEmpty();
        facts(caseId);
        api.post("/nominals/" + caseId + "/routing/decisions", OM, "{\"route\":\"ENGAGE\"}")
                .andExpect(status().isOk());
        JsonNode added = TestApi.json(
                api.addIncident(caseId, TestApi.incident(LocalDate.now().minusDays(1), "EX-ABH", "VK-I2", "HIGH", true))
                        .andExpect(status().isCreated()));
        assertThat(owedToTheProgramme(caseId)).singleElement().satisfies(entry -> {
            assertThat(entry.getString("messageId"))
                    .isEqualTo(added.at("/incident/incidentId").asString());
            assertThat(entry.getString("destination")).isEqualTo("programme");
            Document payload = entry.get("payload", Document.class);
            assertThat(payload.keySet()).containsExactlyInAnyOrder("caseId", "level", "category", "occurredOn");
            assertThat(payload.getString("level")).isEqualTo("HIGH");
            assertThat(payload.getString("category")).isEqualTo("DOMESTIC_ABUSE");
            assertThat(payload.getString("occurredOn"))
                    .isEqualTo(LocalDate.now().minusDays(1).toString());
        });
    }

    private List<Document> owedToTheProgramme(String caseId) {
        Document nominal = mongo.findById(caseId, Document.class, "nominals");
        List<Document> outbox = nominal.getList(OutboxEntry.FIELD, Document.class);
        return outbox == null
                ? List.of()
                : outbox.stream()
                        .filter(entry -> entry.getString("type").equals("police-incident.v1"))
                        .toList();
    }

    private List<Document> referralsWaiting(String caseId) {
        Document routing = mongo.findById(caseId, Document.class, Routing.COLLECTION);
        return routing.getList(OutboxEntry.FIELD, Document.class).stream()
                .filter(entry -> entry.getString("type").equals("engage-referral.v1"))
                .map(entry -> entry.get("payload", Document.class))
                .toList();
    }
}
