package uk.dapp.riskmatrix.mywork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
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
import uk.dapp.platform.outbox.OutboxRelay;
import uk.dapp.platform.security.Roles;
import uk.dapp.platform.testsupport.Callers;
import uk.dapp.platform.testsupport.ServiceTest;
import uk.dapp.riskmatrix.TestApi;

/**
 * An offender manager's work in one call (issue 16 item 5): the nominals of their areas awaiting a
 * routing decision and why, their own disruption tasks due, the cohort's changes since they last
 * looked; and the nominal an exit for non-compliance returns is notified to the area's offender
 * managers (item 8).
 */
@ServiceTest
class RiskMatrixWorkApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    OutboxRelay relay;

    @Test
    void theWorkOfAnAreaNewAndReturnedNominalsTasksDueAndTheCohortsChangesSinceTheLastVisit() throws Exception {
        TestApi api = new TestApi(mvc);
        String area = "Workshire-" + UUID.randomUUID();
        String officer = "om-" + UUID.randomUUID();
        String fresh = api.register("Newly", "Registered", LocalDate.of(1980, 1, 1), area);
        String engaged = api.register("Once", "Engaged", LocalDate.of(1981, 1, 1), area);
        api.addDaIncident(engaged, LocalDate.now().minusMonths(2), "EX-ABH", "VK-W1");
        api.put("/nominals/" + engaged + "/suitability-facts", "offender-manager", TestApi.facts(true))
                .andExpect(status().isOk());
        api.post("/nominals/" + engaged + "/routing/decisions", "offender-manager", "{\"route\":\"ENGAGE\"}")
                .andExpect(status().isOk());
        String convicted = api.register("Caught", "Convicted", LocalDate.of(1982, 1, 1), area);
        api.addDaIncident(convicted, LocalDate.now().minusMonths(1), "EX-ABH", "VK-W2");
        api.put("/nominals/" + convicted + "/suitability-facts", "offender-manager", TestApi.facts(false))
                .andExpect(status().isOk());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                "/nominals/" + convicted + "/routing/decisions")
                        .with(as(officer, area))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"route\":\"CATCH_AND_CONVICT\",\"reason\":\"x\"}"))
                .andExpect(status().isOk());

        // the programme returns the engaged nominal after an exit for non-compliance
        mvc.perform(put("/case-events/programme-exits/" + UUID.randomUUID())
                        .with(Callers.as(Roles.SVC_PROGRAMME, "service-account-svc-programme"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                        {"caseId":"%s","referralId":"%s","programmeCode":"CHANGE-GROUP","exitStatus":"BREACHED",\
                        "nonCompliance":true,"exitedAt":"%s"}""".formatted(
                                engaged,
                                UUID.randomUUID(),
                                Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1))))
                .andExpect(status().isNoContent());

        // the counts alone, as the start page asks for them: no case served, none recorded as read
        Query searchesOfTheseCases = Query.query(Criteria.where("caseId")
                .in(fresh, engaged, convicted)
                .and("action")
                .is(AuditAction.SEARCH));
        long searchedBefore = mongo.count(searchesOfTheseCases, AuditRecord.class);
        JsonNode counts = TestApi.json(
                mvc.perform(get("/my-work?limit=0").with(as(officer, area))).andExpect(status().isOk()));
        assertThat(counts.get("awaitingDecision").get("total").asInt()).isEqualTo(2);
        assertThat(counts.get("awaitingDecision").get("items")).isEmpty();
        assertThat(counts.get("disruptionTasks").get("total").asInt()).isPositive();
        assertThat(counts.toString())
                .doesNotContain(fresh)
                .doesNotContain(engaged)
                .doesNotContain(convicted);
        assertThat(mongo.count(searchesOfTheseCases, AuditRecord.class)).isEqualTo(searchedBefore);

        JsonNode work = work(officer, area);
        List<JsonNode> awaiting =
                work.get("awaitingDecision").get("items").valueStream().toList();
        assertThat(awaiting)
                .extracting(
                        a -> a.get("caseId").asString() + ":" + a.get("reason").asString())
                .containsExactly(fresh + ":NEW", engaged + ":REROUTING");
        assertThat(awaiting.get(0).get("givenName").asString()).isEqualTo("Newly");
        assertThat(awaiting.get(1).get("note").asString()).startsWith("programme exit for non-compliance");
        List<JsonNode> tasks =
                work.get("disruptionTasks").get("items").valueStream().toList();
        assertThat(tasks).isNotEmpty().allSatisfy(t -> {
            assertThat(t.get("caseId").asString()).isEqualTo(convicted);
            assertThat(t.get("owner").asString()).isEqualTo(officer);
        });
        assertThat(work(officer + "-colleague", area)
                        .get("disruptionTasks")
                        .get("total")
                        .asInt())
                .as("only the caller's own tasks")
                .isZero();
        List<String> changed = work.get("cohortChanges")
                .get("items")
                .valueStream()
                .map(c -> c.get("caseId").asString())
                .toList();
        assertThat(changed).contains(engaged, convicted);

        // seen: the next visit lists only what changes after it
        mvc.perform(put("/my-work/last-visit")
                        .with(as(officer, area))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"seenUpTo\":\"" + work.get("asOf").asString() + "\"}"))
                .andExpect(status().isOk());
        assertThat(work(officer, area).get("cohortChanges").get("total").asInt())
                .isZero();
        api.addDaIncident(engaged, LocalDate.now().minusDays(3), "EX-ABH", "VK-W3");
        assertThat(work(officer, area)
                        .get("cohortChanges")
                        .get("items")
                        .valueStream()
                        .map(c -> c.get("caseId").asString())
                        .toList())
                .containsExactly(engaged);

        // another area's officer sees none of it
        assertThat(work(officer, "Elsewhere-" + UUID.randomUUID())
                        .get("awaitingDecision")
                        .get("total")
                        .asInt())
                .isZero();

        // the area's offender managers are told the engaged nominal needs a new decision
        relay.runOnce();
        JsonNode inbox = TestApi.json(mvc.perform(get("/notifications").with(as("om-" + UUID.randomUUID(), area))));
        assertThat(inbox.get("items")
                        .valueStream()
                        .map(n ->
                                n.get("kind").asString() + ":" + n.get("caseId").asString())
                        .toList())
                .containsExactly("REROUTING_NEEDED:" + engaged);
    }

    private JsonNode work(String officer, String area) throws Exception {
        return TestApi.json(
                mvc.perform(get("/my-work?limit=50").with(as(officer, area))).andExpect(status().isOk()));
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor as(String officer, String area) {
        return Callers.as("offender-manager", officer, List.of(Callers.TEAM), List.of(area));
    }
}
