package uk.dapp.riskmatrix.evaluator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.dapp.platform.testsupport.SensitivityAssertions;
import uk.dapp.platform.testsupport.ServiceTest;
import uk.dapp.riskmatrix.TestApi;
import uk.dapp.riskmatrix.routing.Routing;

@ServiceTest
class ContributionApiTest {

    private static final String OM = "offender-manager";
    private static final String EVALUATOR = "evaluator";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ZoneId UK = ZoneId.of("Europe/London");

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    TestApi api;
    LocalDate today;
    String area;
    String decided;
    String undecided;
    String policeId;
    Instant betweenTheTwo;

    @BeforeEach
    void setUp() throws Exception {
        api = new TestApi(mvc);
        today = LocalDate.now(UK);
        area = "Contrib-" + UUID.randomUUID().toString().substring(0, 8);
        policeId = TestApi.newPoliceId();
        decided = api.register("Zebediah", "Quillfeather", today.minusYears(30).minusDays(10), area, policeId);
        String beforeTheDecision = api.addDaIncident(decided, today.minusMonths(9), "EX-ABH", "VK-E1")
                .at("/incident/incidentId")
                .asString();
        api.addDaIncident(decided, today.minusMonths(2), "EX-STRANGULATION", "VK-E2");
        api.put("/nominals/" + decided + "/suitability-facts", OM, TestApi.facts(true))
                .andExpect(status().isOk());
        api.post("/nominals/" + decided + "/routing/decisions", OM, "{\"route\":\"ENGAGE\"}")
                .andExpect(status().isOk());
        // the decision was made today; move it back so that incidents fall before and after it
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(decided)),
                Update.update(
                        "firstDecidedAt",
                        today.minusMonths(4).atStartOfDay(UK).plusHours(12).toInstant()),
                Routing.class);
        Thread.sleep(5);
        betweenTheTwo = Instant.now();
        Thread.sleep(5);
        undecided = api.register("Ottoline", "Brackenbury", today.minusYears(17), area);
        // charged before the decision, convicted after it: a prosecution concluded in the follow-up
        api.put(
                        "/nominals/" + decided + "/incidents/" + beforeTheDecision + "/court-outcome",
                        OM,
                        "{\"outcome\":\"CONVICTED\",\"decidedOn\":\"%s\"}".formatted(today.minusMonths(1)))
                .andExpect(status().isOk());
    }

    private List<JsonNode> contributions(Instant asOf) throws Exception {
        String body = api.get("/evaluator/contributions?asOf=" + asOf, EVALUATOR)
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/x-ndjson"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(body)
                .doesNotContain(
                        "Zebediah",
                        "Quillfeather",
                        "Ottoline",
                        "Brackenbury",
                        policeId,
                        today.minusYears(30).minusDays(10).toString(),
                        "VK-E1",
                        "givenName",
                        "dateOfBirth");
        List<JsonNode> rows = new ArrayList<>();
        for (String line : body.split("\n")) {
            rows.add(JSON.readTree(line));
        }
        return rows;
    }

    @Test
    void oneRowPerCaseSortedByCaseIdWithTheDecisionsOutcomes() throws Exception {
        List<JsonNode> rows = contributions(Instant.now().plus(Duration.ofMinutes(1)));
        List<String> ids =
                rows.stream().map(row -> row.get("caseId").asString()).toList();
        assertThat(ids).isSorted().doesNotHaveDuplicates().contains(decided, undecided);
        Map<String, JsonNode> byId =
                rows.stream().collect(Collectors.toMap(row -> row.get("caseId").asString(), Function.identity()));

        JsonNode row = byId.get(decided);
        assertThat(row.get("ageBand").asString()).isEqualTo("28-32");
        assertThat(row.get("area").asString()).isEqualTo(area);
        assertThat(row.get("decisionMonth").asString())
                .isEqualTo(YearMonth.from(today.minusMonths(4)).toString());
        assertThat(row.get("routingDecision").asString()).isEqualTo("ENGAGE");
        assertThat(row.get("harmBefore").asLong()).isEqualTo(180);
        assertThat(row.get("harmAfter").asLong()).isEqualTo(540);
        assertThat(row.get("repeatIncidentsAfter").asInt()).isEqualTo(1);
        // the one incident after the decision harmed a victim not harmed before, and was charged
        assertThat(row.get("repeatVictimsAfter").asInt()).isZero();
        assertThat(row.get("justiceOutcomesAfter").asInt()).isEqualTo(1);
        assertThat(row.get("followUpMonths").asInt()).isEqualTo(4);
        assertThat(row.get("domesticAbuseCrimesAfter").asInt()).isEqualTo(1);
        assertThat(row.get("positiveDisposalsAfter").asInt()).isEqualTo(1);
        assertThat(row.get("prosecutionsConcludedAfter").asInt()).isEqualTo(1);
        assertThat(row.get("convictionsAfter").asInt()).isEqualTo(1);
        // the days, for the gateway's follow-up windows only
        assertThat(row.get("domesticAbuseIncidentDates").values().stream()
                        .map(JsonNode::asString)
                        .toList())
                .containsExactly(
                        today.minusMonths(9).toString(), today.minusMonths(2).toString());
        assertThat(row.properties().stream().map(Map.Entry::getKey).toList())
                .containsExactly(
                        "caseId",
                        "ageBand",
                        "area",
                        "decisionMonth",
                        "routingDecision",
                        "harmBefore",
                        "harmAfter",
                        "repeatIncidentsAfter",
                        "repeatVictimsAfter",
                        "justiceOutcomesAfter",
                        "followUpMonths",
                        "domesticAbuseCrimesAfter",
                        "positiveDisposalsAfter",
                        "prosecutionsConcludedAfter",
                        "convictionsAfter",
                        "domesticAbuseIncidentDates");

        JsonNode open = byId.get(undecided);
        assertThat(open.get("ageBand").asString()).isEqualTo("0-17");
        assertThat(open.get("decisionMonth").isNull()).isTrue();
        assertThat(open.get("routingDecision").isNull()).isTrue();
        assertThat(open.get("harmAfter").isNull()).isTrue();
        assertThat(open.get("repeatVictimsAfter").isNull()).isTrue();
        assertThat(open.get("justiceOutcomesAfter").isNull()).isTrue();
        assertThat(open.get("followUpMonths").asInt()).isZero();
    }

    @Test
    void theSnapshotLeavesOutCasesOpenedLaterAndCountsOnlyWhatWasDatedByThen() throws Exception {
        List<String> ids = contributions(betweenTheTwo).stream()
                .map(row -> row.get("caseId").asString())
                .toList();
        assertThat(ids).contains(decided).doesNotContain(undecided);

        // a snapshot three months back: the after-window ends then, before the strangulation
        Instant earlier = today.minusMonths(3).atStartOfDay(UK).plusHours(13).toInstant();
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(decided)),
                Update.update("createdAt", earlier.minusSeconds(3600)),
                uk.dapp.riskmatrix.nominal.Nominal.class);
        JsonNode row = contributions(earlier).stream()
                .filter(r -> r.get("caseId").asString().equals(decided))
                .findFirst()
                .orElseThrow();
        assertThat(row.get("harmAfter").asLong()).isZero();
        assertThat(row.get("repeatIncidentsAfter").asInt()).isZero();
        assertThat(row.get("justiceOutcomesAfter").asInt()).isZero();
        assertThat(row.get("followUpMonths").asInt()).isEqualTo(1);
    }

    @Test
    void aMissingOrMalformedSnapshotIsRefusedNamingTheField() throws Exception {
        api.get("/evaluator/contributions", EVALUATOR)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value("asOf"));
        api.get("/evaluator/contributions?asOf=yesterday", EVALUATOR)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value("asOf"));
    }

    @Test
    void theRowIdentifiesOnlyThroughItsJoinKey() {
        SensitivityAssertions.assertIdentifiesOnlyThroughJoinKey(
                RiskMatrixContribution.class, RiskMatrixContribution.JOIN_KEY);
    }
}
