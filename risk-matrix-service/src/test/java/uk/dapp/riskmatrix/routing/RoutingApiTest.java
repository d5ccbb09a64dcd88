package uk.dapp.riskmatrix.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import uk.dapp.platform.testsupport.ServiceTest;
import uk.dapp.riskmatrix.TestApi;

@ServiceTest
class RoutingApiTest {

    private static final String OM = "offender-manager";

    @Autowired
    MockMvc mvc;

    TestApi api;
    String caseId;

    @BeforeEach
    void setUp() throws Exception {
        api = new TestApi(mvc);
        api.shippedCatalogue();
        caseId = api.register("Routeshire");
        api.addDaIncident(caseId, LocalDate.now().minusMonths(2), "EX-ABH", "VK-R1");
    }

    @Test
    void factsGiveARecommendationThatStatesWhy() throws Exception {
        api.get("/nominals/" + caseId + "/routing", OM)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("AWAITING_DECISION"))
                .andExpect(jsonPath("$.allowedMoves", containsInAnyOrder("decide-engage", "decide-catch-and-convict")));
        api.put("/nominals/" + caseId + "/suitability-facts", OM, TestApi.facts(true))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.facts.facts.drugMisuse").value(true))
                .andExpect(jsonPath("$.facts.recordedBy").value("user-offender-manager"))
                .andExpect(jsonPath("$.recommendation.route").value("ENGAGE"))
                .andExpect(jsonPath(
                        "$.recommendation.pathways",
                        containsInAnyOrder("OFFENDER_MANAGEMENT", "CHANGE_PROGRAMME", "DRUG_REHABILITATION")))
                .andExpect(jsonPath("$.recommendation.reasons[0]").isString());
        api.put("/nominals/" + caseId + "/suitability-facts", OM, TestApi.facts(false))
                .andExpect(jsonPath("$.recommendation.route").value("CATCH_AND_CONVICT"));
    }

    @Test
    void aDecisionNeedsFactsFirst() throws Exception {
        api.post("/nominals/" + caseId + "/routing/decisions", OM, "{\"route\":\"ENGAGE\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.currentStatus").value("AWAITING_DECISION"));
    }

    @Test
    void decidingAsRecommendedNeedsNoReasonAndIsKeptInTheHistory() throws Exception {
        api.put("/nominals/" + caseId + "/suitability-facts", OM, TestApi.facts(true));
        api.post("/nominals/" + caseId + "/routing/decisions", OM, "{\"route\":\"ENGAGE\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ENGAGED"))
                .andExpect(jsonPath("$.decidedRoute").value("ENGAGE"))
                .andExpect(jsonPath("$.overridesRecommendation").value(false))
                .andExpect(jsonPath("$.decidedPathways", hasItem("DRUG_REHABILITATION")))
                .andExpect(jsonPath("$.history[0].from").value("AWAITING_DECISION"))
                .andExpect(jsonPath("$.history[0].to").value("ENGAGED"))
                .andExpect(jsonPath("$.history[0].by").value("user-offender-manager"))
                .andExpect(jsonPath("$.allowedMoves[0]").value("engagement-failed"))
                .andExpect(jsonPath("$.tasks.length()").value(0));
        api.get("/nominals/" + caseId, OM).andExpect(jsonPath("$.routingStatus").value("ENGAGED"));
    }

    @Test
    void overridingTheRecommendationNeedsAReason() throws Exception {
        api.put("/nominals/" + caseId + "/suitability-facts", OM, TestApi.facts(true));
        api.post("/nominals/" + caseId + "/routing/decisions", OM, "{\"route\":\"CATCH_AND_CONVICT\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"))
                .andExpect(jsonPath("$.errors[0].rule").value("OverrideReason"));
        api.post(
                        "/nominals/" + caseId + "/routing/decisions",
                        OM,
                        "{\"route\":\"ENGAGE\",\"pathways\":[\"OFFENDER_MANAGEMENT\"]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].rule").value("OverrideReason"));
        api.get("/nominals/" + caseId + "/routing", OM)
                .andExpect(jsonPath("$.status").value("AWAITING_DECISION"));

        api.post(
                        "/nominals/" + caseId + "/routing/decisions",
                        OM,
                        "{\"route\":\"CATCH_AND_CONVICT\",\"reason\":\"new intelligence of weapons\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CATCH_AND_CONVICT"))
                .andExpect(jsonPath("$.overridesRecommendation").value(true))
                .andExpect(jsonPath("$.history[0].reason").value("new intelligence of weapons"))
                .andExpect(jsonPath("$.tasks.length()").value(5))
                .andExpect(jsonPath("$.tasks[*].kind", hasItem("OUTSTANDING_WARRANTS")))
                .andExpect(jsonPath("$.tasks[0].owner").value("user-offender-manager"))
                .andExpect(jsonPath("$.tasks[0].overdue").value(false));
    }

    @Test
    void anIllegalMoveIs409NamingTheAllowedMoves() throws Exception {
        api.put("/nominals/" + caseId + "/suitability-facts", OM, TestApi.facts(true));
        api.post("/nominals/" + caseId + "/routing/decisions", OM, "{\"route\":\"ENGAGE\"}")
                .andExpect(status().isOk());
        api.post("/nominals/" + caseId + "/routing/decisions", OM, "{\"route\":\"ENGAGE\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.currentStatus").value("ENGAGED"))
                .andExpect(jsonPath("$.allowedMoves[0]").value("engagement-failed"));
        api.post("/nominals/" + caseId + "/routing/reroutes", OM, "{\"kind\":\"AGREES_TO_ENGAGE\",\"reason\":\"x\"}")
                .andExpect(status().isConflict());
    }

    @Test
    void bothRoutesCanBeRevisited() throws Exception {
        api.put("/nominals/" + caseId + "/suitability-facts", OM, TestApi.facts(true));
        api.post("/nominals/" + caseId + "/routing/decisions", OM, "{\"route\":\"ENGAGE\"}")
                .andExpect(status().isOk());
        api.post("/nominals/" + caseId + "/routing/reroutes", OM, "{\"kind\":\"ENGAGEMENT_FAILED\",\"reason\":\" \"}")
                .andExpect(status().isBadRequest());
        api.post(
                        "/nominals/" + caseId + "/routing/reroutes",
                        OM,
                        "{\"kind\":\"ENGAGEMENT_FAILED\",\"reason\":\"missed three sessions\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("AWAITING_REROUTING"));
        api.put("/nominals/" + caseId + "/suitability-facts", OM, TestApi.facts(false));
        api.post("/nominals/" + caseId + "/routing/decisions", OM, "{\"route\":\"CATCH_AND_CONVICT\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CATCH_AND_CONVICT"));
        api.post(
                        "/nominals/" + caseId + "/routing/reroutes",
                        OM,
                        "{\"kind\":\"AGREES_TO_ENGAGE\",\"reason\":\"asked for help at custody\"}")
                .andExpect(status().isOk());
        api.put("/nominals/" + caseId + "/suitability-facts", OM, TestApi.facts(true));
        JsonNode routing =
                TestApi.json(api.post("/nominals/" + caseId + "/routing/decisions", OM, "{\"route\":\"ENGAGE\"}")
                        .andExpect(status().isOk()));
        assertThat(routing.get("history").size()).isEqualTo(5);
        assertThat(routing.at("/history/4/to").asString()).isEqualTo("ENGAGED");
        assertThat(routing.at("/history/1/reason").asString()).isEqualTo("missed three sessions");
    }

    @Test
    void facilitatorsAndServiceManagersSeeTheSummaryButNotTheIncidents() throws Exception {
        api.put("/nominals/" + caseId + "/suitability-facts", OM, TestApi.facts(true));
        api.post("/nominals/" + caseId + "/routing/decisions", OM, "{\"route\":\"ENGAGE\"}")
                .andExpect(status().isOk());
        for (String role : new String[] {"facilitator", "service-manager", OM}) {
            String body = api.get("/nominals/" + caseId + "/summary", role)
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.caseId").value(caseId))
                    .andExpect(jsonPath("$.score.total").isNumber())
                    .andExpect(jsonPath("$.routingStatus").value("ENGAGED"))
                    .andExpect(jsonPath("$.decidedRoute").value("ENGAGE"))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(body).doesNotContain("VK-R1").doesNotContain("incidents").doesNotContain("drugMisuse");
        }
        api.get("/nominals/" + caseId + "/incidents", "facilitator").andExpect(status().isForbidden());
        api.get("/nominals/" + caseId + "/summary", "partner-support-worker").andExpect(status().isForbidden());
        api.get("/nominals/" + caseId + "/summary", "evaluator").andExpect(status().isForbidden());
    }

    @Test
    void disruptionTasksHaveOwnersAndDueDatesAndAreListedWhenOverdue() throws Exception {
        api.put("/nominals/" + caseId + "/suitability-facts", OM, TestApi.facts(false));
        JsonNode routing = TestApi.json(
                api.post("/nominals/" + caseId + "/routing/decisions", OM, "{\"route\":\"CATCH_AND_CONVICT\"}")
                        .andExpect(status().isOk()));
        JsonNode task = routing.at("/tasks/0");
        String taskId = task.get("taskId").asString();
        String owner = "om-" + taskId.substring(0, 8);
        api.put("/nominals/" + caseId + "/disruption-tasks/" + taskId, OM, """
                {"owner":"%s","dueDate":"%s","done":false}""".formatted(
                                owner, LocalDate.now().minusDays(1)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.overdue").value(true));
        api.get("/disruption-tasks?overdue=true&owner=" + owner, OM)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems").value(1))
                .andExpect(jsonPath("$.items[0].taskId").value(taskId))
                .andExpect(jsonPath("$.items[0].caseId").value(caseId));
        api.get("/disruption-tasks?owner=user-offender-manager", OM)
                .andExpect(jsonPath("$.items[*].caseId", hasItem(caseId)));
        api.put("/nominals/" + caseId + "/disruption-tasks/" + taskId, OM, """
                {"owner":"%s","dueDate":"%s","done":true}""".formatted(
                                owner, LocalDate.now().minusDays(1)))
                .andExpect(jsonPath("$.done").value(true))
                .andExpect(jsonPath("$.overdue").value(false))
                .andExpect(jsonPath("$.doneAt").isString());
        api.get("/disruption-tasks?overdue=true&owner=" + owner, OM)
                .andExpect(jsonPath("$.totalItems").value(0));
        api.put("/nominals/" + caseId + "/disruption-tasks/nope", OM, """
                {"owner":"x","dueDate":"2030-01-01","done":true}""").andExpect(status().isNotFound());
    }
}
