package uk.dapp.riskmatrix.onward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import uk.dapp.platform.audit.AuditAction;
import uk.dapp.platform.audit.AuditRecord;
import uk.dapp.platform.testsupport.Callers;
import uk.dapp.platform.testsupport.ServiceTest;
import uk.dapp.riskmatrix.TestApi;

/**
 * Herts' Engage options beyond the programmes (issue 15 item 6): GPS tagging, drug rehabilitation, alcohol
 * treatment, housing and probation, each a tracked onward referral with its status and outcome, listed on
 * the nominal and in the referring offender manager's my-work when due for follow-up; and Drive's
 * disruption strand for engaged high-risk nominals.
 */
@ServiceTest
class OnwardReferralApiTest {

    private static final String OM = "offender-manager";

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    TestApi api;
    String area;
    String officer;

    @BeforeEach
    void setUp() throws Exception {
        api = new TestApi(mvc);
        api.shippedCatalogue();
        area = "Onwardshire-" + UUID.randomUUID();
        officer = "om-" + UUID.randomUUID();
    }

    @Test
    void anEngagedNominalsOnwardReferralIsTrackedFromMadeToAcceptedToCompletedWithItsOutcomeAndWhoDidEach()
            throws Exception {
        String caseId = engaged("HIGH");
        LocalDate today = LocalDate.now();
        JsonNode made = TestApi.json(call(post(caseId, """
                {"type":"DRUG_REHABILITATION","provider":"Northshire Drug and Alcohol Service",
                 "madeOn":"%s","followUpDate":"%s"}""".formatted(today.minusDays(2), today.plusDays(12))))
                .andExpect(status().isCreated()));
        assertThat(made.get("status").asString()).isEqualTo("MADE");
        assertThat(made.get("madeBy").asString()).isEqualTo(officer);
        assertThat(made.get("allowedStatuses").toString())
                .contains("ACCEPTED", "DECLINED", "WITHDRAWN")
                .doesNotContain("COMPLETED");
        String referralId = made.get("referralId").asString();

        JsonNode accepted = TestApi.json(call(answer(
                        caseId,
                        referralId,
                        "{\"status\":\"ACCEPTED\",\"followUpDate\":\"%s\"}".formatted(today.plusDays(40))))
                .andExpect(status().isOk()));
        assertThat(accepted.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(accepted.get("followUpDate").asString())
                .isEqualTo(today.plusDays(40).toString());
        // asked again: nothing changes
        call(answer(caseId, referralId, "{\"status\":\"ACCEPTED\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.history.length()").value(2));

        call(answer(caseId, referralId, "{\"status\":\"COMPLETED\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("outcome"))
                .andExpect(jsonPath("$.errors[0].rule").value("OutcomeRequired"));
        JsonNode completed = TestApi.json(call(answer(
                        caseId,
                        referralId,
                        "{\"status\":\"COMPLETED\",\"outcome\":\"finished the 12-week programme, tests negative\"}"))
                .andExpect(status().isOk()));
        assertThat(completed.get("outcome").asString()).startsWith("finished the 12-week");
        assertThat(completed.has("closedAt")).isTrue();
        assertThat(completed.get("allowedStatuses").size()).isZero();
        assertThat(completed
                        .get("history")
                        .valueStream()
                        .map(h -> h.get("to").asString() + " by " + h.get("by").asString())
                        .toList())
                .containsExactly("MADE by " + officer, "ACCEPTED by " + officer, "COMPLETED by " + officer);
        call(answer(caseId, referralId, "{\"status\":\"WITHDRAWN\",\"outcome\":\"x\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.currentStatus").value("COMPLETED"));

        JsonNode listed = TestApi.json(call(MockMvcRequestBuilders.get("/nominals/" + caseId + "/onward-referrals"))
                .andExpect(status().isOk()));
        assertThat(listed.get("items"))
                .singleElement()
                .satisfies(r -> assertThat(r.get("status").asString()).isEqualTo("COMPLETED"));
        assertThat(audits(caseId, AuditAction.READ)).isPositive();
        assertThat(audits(caseId, AuditAction.CREATE)).isEqualTo(1);
    }

    @Test
    void onlyAnEngagedNominalIsReferredOnAndOnlyOneOpenReferralOfATypeAtATime() throws Exception {
        String undecided = api.register("Not", "Decided", LocalDate.of(1984, 4, 4), area);
        call(post(undecided, housing()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.routingStatus").value("AWAITING_DECISION"));

        String caseId = engaged("MEDIUM");
        String first = TestApi.json(call(post(caseId, housing())).andExpect(status().isCreated()))
                .get("referralId")
                .asString();
        call(post(caseId, housing()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.openReferralId").value(first));
        call(post(caseId, """
                {"type":"GPS_TAGGING","madeOn":"%s","followUpDate":"%s"}""".formatted(LocalDate.now(), LocalDate.now().plusDays(1))))
                .andExpect(status().isCreated());
        // a declined one is closed: another of its type may be made
        call(answer(caseId, first, "{\"status\":\"DECLINED\",\"outcome\":\"no local authority duty\"}"))
                .andExpect(status().isOk());
        call(post(caseId, housing())).andExpect(status().isCreated());

        call(post(caseId, """
                {"type":"HOUSING","madeOn":"%s","followUpDate":"%s"}""".formatted(
                                LocalDate.now().plusDays(1), LocalDate.now().plusDays(2))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("madeOn"));
        call(post(caseId, "{\"type\":\"MENTAL_HEALTH\",\"madeOn\":\"2026-01-01\",\"followUpDate\":\"2026-01-02\"}"))
                .andExpect(status().isBadRequest());
        call(answer(caseId, UUID.randomUUID().toString(), "{\"status\":\"ACCEPTED\"}"))
                .andExpect(status().isNotFound());
    }

    @Test
    void aNominalOutsideTheCallersAreasIsNotFound() throws Exception {
        String caseId = engaged("HIGH");
        mvc.perform(MockMvcRequestBuilders.get("/nominals/" + caseId + "/onward-referrals")
                        .with(Callers.as(OM, "om-elsewhere", List.of(Callers.OTHER_TEAM), List.of(Callers.OTHER_AREA))))
                .andExpect(status().isNotFound());
        mvc.perform(MockMvcRequestBuilders.post("/nominals/" + caseId + "/onward-referrals")
                        .with(Callers.as(OM, "om-elsewhere", List.of(Callers.OTHER_TEAM), List.of(Callers.OTHER_AREA)))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(housing()))
                .andExpect(status().isNotFound());
    }

    @Test
    void theReferringOfficersMyWorkListsOpenReferralsDueForFollowUpOverdueFirstAndAuditsEachCase() throws Exception {
        String late = engaged("HIGH");
        String soon = engaged("HIGH");
        String later = engaged("HIGH");
        LocalDate today = LocalDate.now();
        call(post(late, """
                {"type":"PROBATION","madeOn":"%s","followUpDate":"%s"}""".formatted(today.minusDays(20), today.minusDays(3)))).andExpect(status().isCreated());
        call(post(soon, """
                {"type":"ALCOHOL_TREATMENT","madeOn":"%s","followUpDate":"%s"}""".formatted(today, today.plusDays(2)))).andExpect(status().isCreated());
        call(post(later, """
                {"type":"HOUSING","madeOn":"%s","followUpDate":"%s"}""".formatted(today, today.plusDays(30)))).andExpect(status().isCreated());

        JsonNode section = TestApi.json(
                        call(MockMvcRequestBuilders.get("/my-work")).andExpect(status().isOk()))
                .get("onwardReferrals");
        assertThat(section.get("total").asInt()).isEqualTo(2);
        assertThat(section.get("overdue").asInt()).isEqualTo(1);
        assertThat(section.get("items")
                        .valueStream()
                        .map(i -> i.get("caseId").asString())
                        .toList())
                .containsExactly(late, soon);
        assertThat(mongo.count(
                        Query.query(Criteria.where("username")
                                .is(officer)
                                .and("query")
                                .is("onwardReferrals")
                                .and("caseId")
                                .in(late, soon)),
                        AuditRecord.class))
                .isEqualTo(2);

        JsonNode someoneElses = TestApi.json(mvc.perform(MockMvcRequestBuilders.get("/my-work")
                        .with(Callers.as(OM, "om-other", List.of(Callers.TEAM), List.of(area))))
                .andExpect(status().isOk()));
        assertThat(someoneElses.get("onwardReferrals").get("total").asInt()).isZero();

        // the follow-ups' own list, for the page that shows them alone: the same, without my-work's other lists
        JsonNode followUps = TestApi.json(
                call(MockMvcRequestBuilders.get("/onward-referrals/follow-ups")).andExpect(status().isOk()));
        assertThat(followUps.get("total").asInt()).isEqualTo(2);
        assertThat(followUps.get("overdue").asInt()).isEqualTo(1);
        assertThat(followUps
                        .get("items")
                        .valueStream()
                        .map(i -> i.get("caseId").asString() + ":"
                                + i.get("followUpDue").asBoolean())
                        .toList())
                .containsExactly(late + ":true", soon + ":false");
        JsonNode first = TestApi.json(call(MockMvcRequestBuilders.get("/onward-referrals/follow-ups?limit=1"))
                .andExpect(status().isOk()));
        assertThat(first.get("total").asInt()).isEqualTo(2);
        assertThat(first.get("items")).hasSize(1);
        assertThat(mongo
                        .find(
                                Query.query(Criteria.where("username")
                                        .is(officer)
                                        .and("query")
                                        .is("onwardReferralFollowUps")),
                                AuditRecord.class)
                        .stream()
                        .map(AuditRecord::caseId)
                        .toList())
                .as("each case served audited, once per list served")
                .containsExactlyInAnyOrder(late, soon, late);
        assertThat(TestApi.json(mvc.perform(MockMvcRequestBuilders.get("/onward-referrals/follow-ups")
                                        .with(Callers.as(OM, "om-other", List.of(Callers.TEAM), List.of(area))))
                                .andExpect(status().isOk()))
                        .get("total")
                        .asInt())
                .isZero();
        mvc.perform(MockMvcRequestBuilders.get("/onward-referrals/follow-ups").with(Callers.as("facilitator")))
                .andExpect(status().isForbidden());
        call(MockMvcRequestBuilders.get("/onward-referrals/follow-ups?limit=0")).andExpect(status().isBadRequest());
    }

    @Test
    void concurrentAnswersToOneReferralLoseNothing_oneMoveWinsTheOthersAreRefused() throws Exception {
        String caseId = engaged("HIGH");
        String referralId = TestApi.json(call(post(caseId, housing())).andExpect(status().isCreated()))
                .get("referralId")
                .asString();
        List<Callable<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String body = i % 2 == 0 ? "{\"status\":\"ACCEPTED\"}" : "{\"status\":\"DECLINED\",\"outcome\":\"full\"}";
            answers.add(() -> call(answer(caseId, referralId, body))
                    .andReturn()
                    .getResponse()
                    .getStatus());
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Integer> statuses = new ArrayList<>();
        try {
            for (Future<Integer> answer : pool.invokeAll(answers)) {
                statuses.add(answer.get());
            }
        } finally {
            pool.shutdown();
        }
        assertThat(statuses).containsOnly(200, 409).contains(200);
        JsonNode stored = TestApi.json(call(MockMvcRequestBuilders.get("/nominals/" + caseId + "/onward-referrals")))
                .get("items")
                .get(0);
        assertThat(stored.get("history").size())
                .as("made, then exactly one answer")
                .isEqualTo(2);
    }

    @Test
    void drivesDisruptionStrand_anEngagedHighRiskNominalGetsDisruptionTasksAlongsideTheOneToOneWork() throws Exception {
        String high = engaged("HIGH");
        JsonNode routing =
                TestApi.json(call(disrupt(high, "[\"OUTSTANDING_WARRANTS\",\"PROTECTION_ORDER_APPLICATION\"]"))
                        .andExpect(status().isOk()));
        assertThat(routing.get("status").asString()).isEqualTo("ENGAGED");
        assertThat(routing.get("tasks")
                        .valueStream()
                        .map(t -> t.get("kind").asString())
                        .toList())
                .containsExactlyInAnyOrder("OUTSTANDING_WARRANTS", "PROTECTION_ORDER_APPLICATION");
        assertThat(routing.get("tasks").get(0).get("owner").asString()).isEqualTo(officer);
        // a kind already open is not opened twice
        assertThat(TestApi.json(call(disrupt(high, "[\"OUTSTANDING_WARRANTS\"]"))
                                .andExpect(status().isOk()))
                        .get("tasks")
                        .size())
                .isEqualTo(2);
        // and they are the officer's disruption tasks like any other
        assertThat(TestApi.json(call(MockMvcRequestBuilders.get("/disruption-tasks?owner=" + officer)))
                        .get("totalItems")
                        .asInt())
                .isEqualTo(2);

        String medium = engaged("MEDIUM");
        call(disrupt(medium, "[\"OUTSTANDING_WARRANTS\"]"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.currentStatus").value("ENGAGED"))
                .andExpect(jsonPath("$.riskLevel").value("MEDIUM"));
        String undecided = api.register("Not", "Decided", LocalDate.of(1984, 4, 4), area);
        call(disrupt(undecided, "[\"OUTSTANDING_WARRANTS\"]")).andExpect(status().isConflict());
        call(disrupt(high, "[]")).andExpect(status().isBadRequest());
    }

    /** A nominal of this test's area with a recent incident of that DASH level, willing, engaged as recommended. */
    private String engaged(String dash) throws Exception {
        String caseId = api.register("Onward", "Referred", LocalDate.of(1983, 3, 3), area);
        api.addIncident(
                        caseId,
                        TestApi.incident(
                                LocalDate.now().minusMonths(2), "EX-ABH", "VK-" + UUID.randomUUID(), dash, true))
                .andExpect(status().isCreated());
        api.put("/nominals/" + caseId + "/suitability-facts", OM, TestApi.facts(true))
                .andExpect(status().isOk());
        call(MockMvcRequestBuilders.post("/nominals/" + caseId + "/routing/decisions")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"route\":\"ENGAGE\"}"))
                .andExpect(status().isOk());
        return caseId;
    }

    private static String housing() {
        return """
                {"type":"HOUSING","provider":"Northshire Housing Options","madeOn":"%s","followUpDate":"%s"}""".formatted(LocalDate.now(), LocalDate.now().plusDays(14));
    }

    /** As this test's officer, whose team covers this test's area. */
    private ResultActions call(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(officer()));
    }

    private RequestPostProcessor officer() {
        return Callers.as(OM, officer, List.of(Callers.TEAM), List.of(area));
    }

    private static MockHttpServletRequestBuilder post(String caseId, String body) {
        return MockMvcRequestBuilders.post("/nominals/" + caseId + "/onward-referrals")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body);
    }

    private static MockHttpServletRequestBuilder answer(String caseId, String referralId, String body) {
        return MockMvcRequestBuilders.put("/nominals/" + caseId + "/onward-referrals/" + referralId + "/status")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body);
    }

    private static MockHttpServletRequestBuilder disrupt(String caseId, String kinds) {
        return MockMvcRequestBuilders.post("/nominals/" + caseId + "/disruption-tasks")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"kinds\":" + kinds + "}");
    }

    private long audits(String caseId, AuditAction action) {
        return mongo.count(
                Query.query(Criteria.where("caseId")
                        .is(caseId)
                        .and("action")
                        .is(action)
                        .and("resourceType")
                        .is(OnwardReferralService.RESOURCE)),
                AuditRecord.class);
    }
}
