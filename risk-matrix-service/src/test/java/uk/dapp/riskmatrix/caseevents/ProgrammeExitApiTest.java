package uk.dapp.riskmatrix.caseevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static uk.dapp.platform.testsupport.Callers.as;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import uk.dapp.platform.audit.AuditAction;
import uk.dapp.platform.audit.AuditRecord;
import uk.dapp.platform.caseid.CaseId;
import uk.dapp.platform.outbox.MessageReceipts;
import uk.dapp.platform.security.Roles;
import uk.dapp.platform.testsupport.ServiceTest;
import uk.dapp.riskmatrix.TestApi;
import uk.dapp.riskmatrix.nominal.Nominal;
import uk.dapp.riskmatrix.routing.Routing;

/** Programme exits from programme-service: an exit for non-compliance re-routes an engaged nominal, once. */
@ServiceTest
class ProgrammeExitApiTest {

    private static final String OM = "offender-manager";
    private static final String SERVICE_ACCOUNT = "service-account-svc-programme";

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    uk.dapp.platform.outbox.OutboxRelay relay;

    TestApi api;
    String caseId;

    @BeforeEach
    void engagedNominal() throws Exception {
        api = new TestApi(mvc);
        caseId = api.register("Exitshire");
        api.addDaIncident(caseId, LocalDate.now().minusMonths(2), "EX-ABH", "VK-E1");
        api.put("/nominals/" + caseId + "/suitability-facts", OM, TestApi.facts(true))
                .andExpect(status().isOk());
        api.post("/nominals/" + caseId + "/routing/decisions", OM, "{\"route\":\"ENGAGE\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ENGAGED"));
    }

    @Test
    void anExitForNonComplianceReturnsTheEngagedNominalForANewDecisionOnce() throws Exception {
        String messageId = UUID.randomUUID().toString();
        Instant exitedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        String body = exit(caseId, "BREACHED", true, exitedAt.toString());
        receive(messageId, body).andExpect(status().isNoContent());

        JsonNode routing =
                TestApi.json(api.get("/nominals/" + caseId + "/routing", OM).andExpect(status().isOk()));
        assertThat(routing.get("status").asString()).isEqualTo("AWAITING_REROUTING");
        assertThat(routing.get("allowedMoves").toString()).contains("decide-engage", "decide-catch-and-convict");
        JsonNode last = routing.get("history").get(routing.get("history").size() - 1);
        assertThat(last.get("from").asString()).isEqualTo("ENGAGED");
        assertThat(last.get("to").asString()).isEqualTo("AWAITING_REROUTING");
        assertThat(last.get("move").asString()).isEqualTo("programme-exit");
        assertThat(last.get("by").asString()).isEqualTo(SERVICE_ACCOUNT);
        assertThat(last.get("reason").asString())
                .isEqualTo("programme exit for non-compliance: CHANGE-GROUP BREACHED on "
                        + LocalDate.ofInstant(exitedAt, ZoneOffset.UTC));
        api.get("/nominals/" + caseId, OM).andExpect(jsonPath("$.routingStatus").value("AWAITING_REROUTING"));
        assertThat(serviceAudit()).singleElement().satisfies(record -> {
            assertThat(record.action()).isEqualTo(AuditAction.UPDATE);
            assertThat(record.roles()).containsExactly(Roles.SVC_PROGRAMME);
            assertThat(record.reason()).contains("CHANGE-GROUP", "BREACHED");
        });

        // the same message again: answered alike, applied no further
        receive(messageId, body).andExpect(status().isNoContent());
        receive(messageId, body).andExpect(status().isNoContent());
        assertThat(programmeExitMoves()).isEqualTo(1);
        assertThat(routingDocument().getList(MessageReceipts.FIELD, String.class))
                .containsExactly(messageId);
        assertThat(serviceAudit()).hasSize(1);
    }

    @Test
    void theOffenderManagersOfTheNominalsAreaAreToldOnceThatItNeedsReRouting() throws Exception {
        String messageId = UUID.randomUUID().toString();
        String body = exit(
                caseId,
                "BREACHED",
                true,
                Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1).toString());
        receive(messageId, body).andExpect(status().isNoContent());
        receive(messageId, body).andExpect(status().isNoContent());
        assertThat(routingDocument().getString("status")).isEqualTo("AWAITING_REROUTING");
        // the other tests' exits wait in the outbox too: the relay takes a batch at a time
        for (int i = 0; i < 10; i++) {
            relay.runOnce();
        }

        JsonNode inbox =
                TestApi.json(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                                        "/notifications?size=100")
                                .with(uk.dapp.platform.testsupport.Callers.as(
                                        OM, "om-exitshire", List.of(), List.of("Exitshire"))))
                        .andExpect(status().isOk()));
        List<JsonNode> mine = inbox.get("items")
                .valueStream()
                .filter(n -> n.get("subjectId").asString().equals(caseId))
                .toList();
        assertThat(mine).singleElement().satisfies(n -> {
            assertThat(n.get("kind").asString()).isEqualTo("REROUTING_NEEDED");
            assertThat(n.get("subject").asString()).isEqualTo("NOMINAL");
            assertThat(n.get("caseId").asString()).isEqualTo(caseId);
        });
        JsonNode elsewhere =
                TestApi.json(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                                        "/notifications?size=100")
                                .with(uk.dapp.platform.testsupport.Callers.as(
                                        OM, "om-elsewhere", List.of(), List.of("Elsewhereshire"))))
                        .andExpect(status().isOk()));
        assertThat(elsewhere.toString()).doesNotContain(caseId);
    }

    @Test
    void eightConcurrentDeliveriesOfOneMessageApplyItOnce() throws Exception {
        String messageId = UUID.randomUUID().toString();
        String body = exit(caseId, "EXCLUDED", true, Instant.now().toString());
        List<Callable<Integer>> deliveries = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            deliveries.add(
                    () -> receive(messageId, body).andReturn().getResponse().getStatus());
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Integer> statuses = new ArrayList<>();
        try {
            for (Future<Integer> answer : pool.invokeAll(deliveries)) {
                statuses.add(answer.get());
            }
        } finally {
            pool.shutdown();
        }
        assertThat(statuses).hasSize(8).containsOnly(204);
        assertThat(programmeExitMoves()).isEqualTo(1);
        Document routing = routingDocument();
        assertThat(routing.getString("status")).isEqualTo("AWAITING_REROUTING");
        assertThat(routing.getList(MessageReceipts.FIELD, String.class)).containsExactly(messageId);
        assertThat(serviceAudit()).hasSize(1);
    }

    @Test
    void otherExitsOtherStatusesAndUnknownCasesChangeNothing() throws Exception {
        Document before = routingDocument();
        for (String status : List.of("COMPLETED", "TRANSFERRED", "BREACHED")) {
            receive(
                            UUID.randomUUID().toString(),
                            exit(caseId, status, false, Instant.now().toString()))
                    .andExpect(status().isNoContent());
        }
        assertUnchanged(before);

        // a nominal caught and convicted is not engaged: an exit for non-compliance is no failed engagement here
        String convicted = api.register("Exitshire");
        api.addDaIncident(convicted, LocalDate.now().minusMonths(1), "EX-ABH", "VK-E2");
        api.put("/nominals/" + convicted + "/suitability-facts", OM, TestApi.facts(false))
                .andExpect(status().isOk());
        api.post("/nominals/" + convicted + "/routing/decisions", OM, "{\"route\":\"CATCH_AND_CONVICT\"}")
                .andExpect(status().isOk());
        receive(
                        UUID.randomUUID().toString(),
                        exit(convicted, "BREACHED", true, Instant.now().toString()))
                .andExpect(status().isNoContent());
        api.get("/nominals/" + convicted + "/routing", OM)
                .andExpect(jsonPath("$.status").value("CATCH_AND_CONVICT"))
                .andExpect(jsonPath("$.history.length()").value(1));

        // a nominal with no decision yet has no routing document, and gets none
        String undecided = api.register("Exitshire");
        receive(
                        UUID.randomUUID().toString(),
                        exit(undecided, "DROPPED_OUT", true, Instant.now().toString()))
                .andExpect(status().isNoContent());
        assertThat(mongo.findById(undecided, Document.class, Routing.COLLECTION))
                .isNull();

        String unknown = CaseId.generate(new SecureRandom()).value();
        receive(
                        UUID.randomUUID().toString(),
                        exit(unknown, "BREACHED", true, Instant.now().toString()))
                .andExpect(status().isNoContent());
        assertThat(mongo.findById(unknown, Document.class, Routing.COLLECTION)).isNull();
        assertThat(mongo.count(
                        Query.query(Criteria.where("username")
                                .is(SERVICE_ACCOUNT)
                                .and("caseId")
                                .in(convicted, undecided, unknown)),
                        AuditRecord.class))
                .isZero();
    }

    @Test
    void anExitRedeliveredAfterTheNominalWasEngagedAgainDoesNotEndTheNewEngagement() throws Exception {
        String first = UUID.randomUUID().toString();
        // dated ahead of the next decision, so that only its message ID keeps it from applying again
        String firstBody = exit(
                caseId,
                "DROPPED_OUT",
                true,
                Instant.now().plus(1, ChronoUnit.HOURS).toString());
        receive(first, firstBody).andExpect(status().isNoContent());
        api.post("/nominals/" + caseId + "/routing/decisions", OM, "{\"route\":\"ENGAGE\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ENGAGED"));
        Document engagedAgain = routingDocument();

        // the same message, late
        receive(first, firstBody).andExpect(status().isNoContent());
        assertUnchanged(engagedAgain);
        // another message about an exit from before the new decision: it ended the earlier engagement
        receive(
                        UUID.randomUUID().toString(),
                        exit(
                                caseId,
                                "BREACHED",
                                true,
                                Instant.now().minus(1, ChronoUnit.HOURS).toString()))
                .andExpect(status().isNoContent());
        assertUnchanged(engagedAgain);

        // a new exit after the new decision does end it
        receive(
                        UUID.randomUUID().toString(),
                        exit(
                                caseId,
                                "BREACHED",
                                true,
                                Instant.now().plusSeconds(1).toString()))
                .andExpect(status().isNoContent());
        assertThat(routingDocument().getString("status")).isEqualTo("AWAITING_REROUTING");
        assertThat(programmeExitMoves()).isEqualTo(2);
    }

    @Test
    void aRedeliveryRepairsTheCohortsCopyOfTheStatusIfACrashCameBetweenTheTwoWrites() throws Exception {
        String messageId = UUID.randomUUID().toString();
        String body = exit(caseId, "EXCLUDED", true, Instant.now().toString());
        receive(messageId, body).andExpect(status().isNoContent());
        // as if the service died after the routing update and before copying the status to the nominal
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(caseId)),
                new Update().set("routingStatus", "ENGAGED"),
                Nominal.class);

        receive(messageId, body).andExpect(status().isNoContent());
        api.get("/nominals/" + caseId, OM).andExpect(jsonPath("$.routingStatus").value("AWAITING_REROUTING"));
        assertThat(programmeExitMoves()).isEqualTo(1);
    }

    @Test
    void aBadEventIsRefusedWithProblemJsonNamingTheField() throws Exception {
        String valid = exit(caseId, "BREACHED", true, Instant.now().toString());
        assertRefused(
                UUID.randomUUID().toString(),
                valid.replace("\"exitStatus\":\"BREACHED\",", ""),
                "exitStatus",
                "NotNull");
        assertRefused(UUID.randomUUID().toString(), valid.replace("BREACHED", "VANISHED"), "exitStatus", "Format");
        assertRefused(
                UUID.randomUUID().toString(),
                valid.replace("\"nonCompliance\":true", "\"nonCompliance\":null"),
                "nonCompliance",
                "NotNull");
        assertRefused(
                UUID.randomUUID().toString(),
                valid.replace("CHANGE-GROUP", "change group"),
                "programmeCode",
                "Pattern");
        assertRefused(UUID.randomUUID().toString(), valid.replace(caseId, mistyped(caseId)), "caseId", "CaseIdCheck");
        assertRefused("not-a-uuid", valid, "messageId", "Type");
        assertThat(routingDocument().getString("status")).isEqualTo("ENGAGED");
    }

    @Test
    void onlyProgrammeServicesAccountMaySendExits() throws Exception {
        List<String> others = new ArrayList<>(Roles.ALL);
        others.add(Roles.SVC_RISK_MATRIX);
        others.add(Roles.SVC_PARTNER_SUPPORT);
        for (String role : others) {
            mvc.perform(put("/case-events/programme-exits/" + UUID.randomUUID())
                            .with(as(role))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(
                                    exit(caseId, "BREACHED", true, Instant.now().toString())))
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        assertThat(routingDocument().getString("status")).isEqualTo("ENGAGED");
    }

    private void assertRefused(String messageId, String body, String field, String rule) throws Exception {
        receive(messageId, body)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].rule").value(rule));
    }

    private ResultActions receive(String messageId, String body) throws Exception {
        return mvc.perform(put("/case-events/programme-exits/" + messageId)
                .with(as(Roles.SVC_PROGRAMME, SERVICE_ACCOUNT))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    private static String exit(String caseId, String exitStatus, boolean nonCompliance, String exitedAt) {
        return """
                {"caseId":"%s","referralId":"%s","programmeCode":"CHANGE-GROUP","exitStatus":"%s",\
                "nonCompliance":%s,"exitedAt":"%s"}""".formatted(caseId, UUID.randomUUID(), exitStatus, nonCompliance, exitedAt);
    }

    /** The same ID with its last symbol changed: the check character no longer matches. */
    private static String mistyped(String caseId) {
        char last = caseId.charAt(caseId.length() - 1);
        return caseId.substring(0, caseId.length() - 1) + (last == '7' ? '8' : '7');
    }

    private Document routingDocument() {
        return mongo.findById(caseId, Document.class, Routing.COLLECTION);
    }

    private long programmeExitMoves() {
        return routingDocument().getList("history", Document.class).stream()
                .filter(change -> "programme-exit".equals(change.getString("move")))
                .count();
    }

    private List<AuditRecord> serviceAudit() {
        return mongo.find(
                Query.query(Criteria.where("caseId").is(caseId).and("username").is(SERVICE_ACCOUNT)),
                AuditRecord.class);
    }

    private void assertUnchanged(Document before) {
        Document now = routingDocument();
        assertThat(now.getString("status")).isEqualTo(before.getString("status"));
        assertThat(now.get("version")).isEqualTo(before.get("version"));
        assertThat(now.getList("history", Document.class)).hasSameSizeAs(before.getList("history", Document.class));
    }
}
