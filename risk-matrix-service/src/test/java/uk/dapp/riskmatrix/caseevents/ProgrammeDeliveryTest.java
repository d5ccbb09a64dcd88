package uk.dapp.riskmatrix.caseevents;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.dapp.platform.calls.ServiceAccount;
import uk.dapp.platform.caseid.CaseId;
import uk.dapp.platform.outbox.CaseEventFlows;
import uk.dapp.platform.outbox.OutboxEntry;
import uk.dapp.platform.outbox.OutboxMessage;
import uk.dapp.platform.outbox.OutboxRelay;
import uk.dapp.platform.outbox.OutboxStatus;
import uk.dapp.platform.risk.RiskLevel;
import uk.dapp.platform.testsupport.Callers;
import uk.dapp.platform.testsupport.ServiceTest;
import uk.dapp.riskmatrix.TestApi;
import uk.dapp.riskmatrix.routing.EngageReferral;
import uk.dapp.riskmatrix.routing.Routing;
import uk.dapp.riskmatrix.values.Pathway;
import uk.dapp.riskmatrix.values.Route;

/**
 * Engage referrals reaching programme-service, with WireMock standing in for it and for Keycloak's
 * token endpoint. The relay is driven pass by pass; a failed message is due again at once
 * (relay backoff 0) so that "a later pass" needs no waiting, and the breaker's window is wider
 * than this class's calls, so what is seen here is the time limit, the retries and the relay.
 */
@ServiceTest
@TestPropertySource(
        properties = {
            "dapp.calls.timeout=2s", // generous: a loaded machine must not cut off a good answer
            "dapp.calls.retry.attempts=2",
            "dapp.calls.retry.first-backoff=10ms",
            "dapp.calls.breaker.window=1000",
            "dapp.outbox.relay.first-backoff=0s",
            "dapp.outbox.relay.max-backoff=0s"
        })
class ProgrammeDeliveryTest {

    private static final String OM = "offender-manager";
    private static final String REFERRALS = "/case-events/engage-referrals/";
    private static final String TRACEPARENT = "00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}";
    private static final LocalDate DOB = LocalDate.of(1981, 7, 9);
    private static final WireMockServer PROGRAMME = new WireMockServer(options().dynamicPort());

    static {
        PROGRAMME.start();
    }

    @DynamicPropertySource
    static void programmeAndKeycloakAreWireMock(DynamicPropertyRegistry registry) {
        registry.add("dapp.services.programme.url", PROGRAMME::baseUrl);
        registry.add("dapp.service-account.token-uri", () -> PROGRAMME.baseUrl() + "/token");
    }

    @AfterAll
    static void stop() {
        PROGRAMME.stop();
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    OutboxRelay relay;

    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("caseEventFlows")
    CaseEventFlows flows;

    @Autowired
    ServiceAccount account;

    TestApi api;

    private static boolean warm;

    @BeforeEach
    void freshStubs() throws Exception {
        api = new TestApi(mvc);
        api.shippedCatalogue();
        PROGRAMME.resetAll();
        PROGRAMME.stubFor(
                post(urlEqualTo("/token"))
                        .willReturn(
                                aResponse()
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"access_token\":\"risk-matrix-service-token\",\"token_type\":\"Bearer\",\"expires_in\":300}")));
        if (!warm) {
            warmUp();
            warm = true;
            PROGRAMME.resetRequests();
        }
    }

    /**
     * The first call in a fresh JVM loads the HTTP client, the token fetch and the JSON mapping, and on
     * a busy machine can outlast the short time limit this class sets; a few calls before the first
     * test keep that out of what the tests observe.
     */
    private void warmUp() throws Exception {
        OutboxEntry entry = EngageReferral.TYPE.entry(
                EngageReferral.of(
                                CaseId.generate(new SecureRandom()).value(),
                                Route.ENGAGE,
                                List.of(Pathway.DRIVE),
                                RiskLevel.STANDARD,
                                new EngageReferral.Person("Warm", "Up", DOB, null, null),
                                "test-team",
                                Instant.now())
                        .getFirst(),
                Instant.now(),
                0);
        answer(entry.messageId(), aResponse().withStatus(204));
        OutboxMessage message = new OutboxMessage(
                entry.messageId(),
                entry.destination(),
                entry.type(),
                entry.caseId(),
                entry.payload(),
                entry.createdAt(),
                0,
                OutboxStatus.PENDING,
                0,
                entry.createdAt(),
                null,
                null,
                null,
                null);
        for (int call = 0; call < 5; call++) {
            try {
                flows.deliveries().getFirst().deliver(message);
                return;
            } catch (java.util.concurrent.TimeoutException slowStart) {
                // try again: the classes are loaded by now or soon
            }
        }
    }

    @Test
    void anEngageReferralIsDeliveredOnceWithTheReceiversSchemaAndTheServiceAccountsToken() throws Exception {
        String caseId = engaged("{\"route\":\"ENGAGE\"}");
        String messageId = waitingMessageIds(caseId).getFirst();
        Instant decidedAt = routingDocument(caseId).getDate("decidedAt").toInstant();
        answer(messageId, aResponse().withStatus(204));
        account.forget(); // so that this delivery fetches the service account's token afresh

        relay.runOnce();

        assertThat(statusOf(messageId)).isEqualTo(OutboxStatus.DELIVERED);
        List<LoggedRequest> puts = puts(messageId, 1);
        LoggedRequest request = puts.getFirst();
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer risk-matrix-service-token");
        assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        // the decision's trace was kept with the message, and its delivery continues it (ADR 0017)
        String decisionTrace = mongo.findById(messageId, OutboxMessage.class).traceparent();
        assertThat(decisionTrace).matches(TRACEPARENT);
        assertThat(request.getHeader("traceparent")).matches(TRACEPARENT);
        assertThat(request.getHeader("traceparent").split("-")[1])
                .isEqualTo(decisionTrace.split("-")[1]);
        JsonNode body = JsonMapper.builder().build().readTree(request.getBodyAsString());
        assertThat(ReceiverSchema.violations("programme-service.yaml", "EngageReferralEvent", body))
                .isEmpty();
        assertThat(body.get("caseId").asString()).isEqualTo(caseId);
        assertThat(body.get("pathway").asString()).isEqualTo("CHANGE_PROGRAMME");
        assertThat(body.get("riskLevel").asString()).isEqualTo("HIGH");
        assertThat(body.get("dateOfBirth").asString()).isEqualTo(DOB.toString());
        assertThat(Instant.parse(body.get("decidedAt").asString())).isEqualTo(decidedAt);
        assertThat(body.has("sex")).isFalse(); // registered without one: left out, not null
        // who he is and the deciding team travel, for the programme's participant (ADR 0012)
        assertThat(body.get("givenName").asString()).isEqualTo("Testy");
        assertThat(body.get("team").asString()).isEqualTo(Callers.TEAM);
        // the token came from the service account's own client
        PROGRAMME.verify(postRequestedFor(urlEqualTo("/token"))
                .withRequestBody(containing("grant_type=client_credentials"))
                .withRequestBody(containing("client_id=svc-risk-matrix")));

        // moved out of the routing document, closed with its payload erased, and never sent again
        assertThat(routingDocument(caseId).getList(OutboxEntry.FIELD, Document.class))
                .isEmpty();
        assertThat(mongo.findById(messageId, OutboxMessage.class).payload()).isNull();
        relay.runOnce();
        puts(messageId, 1);
    }

    @Test
    void aReceiverSlowerThanTheTimeLimitLeavesTheMessagePendingForALaterPass() throws Exception {
        String messageId = waitingMessageIds(engaged("{\"route\":\"ENGAGE\"}")).getFirst();
        answer(messageId, aResponse().withStatus(204).withFixedDelay(6_000));

        relay.runOnce();
        assertPendingAfterOneFailedPass(messageId);

        answer(messageId, aResponse().withStatus(204));
        relay.runOnce();
        assertThat(statusOf(messageId)).isEqualTo(OutboxStatus.DELIVERED);
    }

    @Test
    void aResetConnectionLeavesTheMessagePendingForALaterPass() throws Exception {
        String messageId = waitingMessageIds(engaged("{\"route\":\"ENGAGE\"}")).getFirst();
        answer(messageId, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        relay.runOnce();
        assertPendingAfterOneFailedPass(messageId);

        answer(messageId, aResponse().withStatus(204));
        relay.runOnce();
        assertThat(statusOf(messageId)).isEqualTo(OutboxStatus.DELIVERED);
    }

    @Test
    void aBurstOfServerErrorsIsRetriedAndTheMessageDeliveredOnceTheReceiverRecovers() throws Exception {
        String messageId = waitingMessageIds(engaged("{\"route\":\"ENGAGE\"}")).getFirst();
        answer(messageId, aResponse().withStatus(503));

        relay.runOnce();
        relay.runOnce();
        OutboxMessage waiting = mongo.findById(messageId, OutboxMessage.class);
        assertThat(waiting.status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(waiting.attempts()).isEqualTo(2);
        assertThat(waiting.lastError()).contains("503");
        // two passes, each a call with two attempts (a PUT keyed by the message ID may be repeated)
        puts(messageId, 4);

        answer(messageId, aResponse().withStatus(204));
        relay.runOnce();
        assertThat(statusOf(messageId)).isEqualTo(OutboxStatus.DELIVERED);
        puts(messageId, 5);
    }

    @Test
    void aRefusedEngageReferralNeverVanishes_theNominalGoesBackForARoutingDecisionWithTheProgrammesWords()
            throws Exception {
        String caseId = engaged("{\"route\":\"ENGAGE\"}");
        String messageId = waitingMessageIds(caseId).getFirst();
        answer(
                messageId,
                aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody("""
                        {"status":400,"errors":[{"field":"riskLevel","rule":"Eligibility",
                         "message":"this programme works with risk levels [HIGH] only"}]}"""));

        relay.runOnce();
        OutboxMessage refused = mongo.findById(messageId, OutboxMessage.class);
        assertThat(refused.status()).isEqualTo(OutboxStatus.REJECTED);
        assertThat(refused.closedReason()).contains("400");
        JsonNode routing =
                TestApi.json(api.get("/nominals/" + caseId + "/routing", OM).andExpect(status().isOk()));
        assertThat(routing.get("status").asString()).isEqualTo("AWAITING_REROUTING");
        JsonNode back = routing.get("history").get(routing.get("history").size() - 1);
        assertThat(back.get("move").asString()).isEqualTo("referral-refused");
        assertThat(back.get("reason").asString())
                .contains("CHANGE_PROGRAMME")
                .contains("riskLevel (Eligibility): this programme works with risk levels [HIGH] only");
        assertThat(routing.get("allowedMoves").toString()).contains("decide-engage");
        // offender managers see it in their list of nominals back for a decision, with the reason
        JsonNode waiting =
                TestApi.json(api.get("/awaiting-rerouting?size=200", OM).andExpect(status().isOk()));
        assertThat(waiting.get("items")
                        .valueStream()
                        .filter(i -> i.get("caseId").asString().equals(caseId))
                        .toList())
                .singleElement()
                .satisfies(item -> {
                    assertThat(item.get("move").asString()).isEqualTo("referral-refused");
                    assertThat(item.get("reason").asString()).contains("[HIGH] only");
                });
        relay.runOnce();
        puts(messageId, 1);
        assertThat(TestApi.json(api.get("/nominals/" + caseId + "/routing", OM))
                        .get("history")
                        .size())
                .as("applied once")
                .isEqualTo(routing.get("history").size());
    }

    @Test
    void aRefusedReferralTellsTheOffenderManagersOfTheNominalsAreaOnce_aReferralWasRefused() throws Exception {
        String caseId = engaged("{\"route\":\"ENGAGE\"}");
        String messageId = waitingMessageIds(caseId).getFirst();
        answer(
                messageId,
                aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody("""
                        {"status":400,"errors":[{"field":"sex","rule":"Eligibility",
                         "message":"this programme works with men only"}]}"""));

        // the other tests' messages wait in the outbox too: the relay takes a batch at a time
        for (int pass = 0; pass < 10; pass++) {
            relay.runOnce();
        }
        assertThat(statusOf(messageId)).isEqualTo(OutboxStatus.REJECTED);
        JsonNode inbox =
                TestApi.json(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                                        "/notifications?size=100")
                                .with(Callers.as(OM, "om-relayshire", List.of(), List.of("Relayshire"))))
                        .andExpect(status().isOk()));
        assertThat(inbox.get("items")
                        .valueStream()
                        .filter(n -> n.get("caseId").asString().equals(caseId))
                        .toList())
                .singleElement()
                .satisfies(n -> {
                    assertThat(n.get("kind").asString()).isEqualTo("REFERRAL_REFUSED");
                    assertThat(n.get("subject").asString()).isEqualTo("NOMINAL");
                    assertThat(n.get("subjectId").asString()).isEqualTo(caseId);
                    assertThat(n.get("whatToDo").asString()).contains("refused").doesNotContain("Testy");
                });
        JsonNode elsewhere =
                TestApi.json(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                                        "/notifications?size=100")
                                .with(Callers.as(OM, "om-elsewhere", List.of(), List.of(Callers.OTHER_AREA))))
                        .andExpect(status().isOk()));
        assertThat(elsewhere.toString()).doesNotContain(caseId);
    }

    @Test
    void aRefusalOfAnOlderDecisionDoesNotUndoANewerOne() throws Exception {
        String caseId = engaged("{\"route\":\"ENGAGE\"}");
        String first = waitingMessageIds(caseId).getFirst();
        // re-routed and engaged again before the first referral's refusal arrives
        api.post(
                        "/nominals/" + caseId + "/routing/reroutes",
                        OM,
                        "{\"kind\":\"ENGAGEMENT_FAILED\",\"reason\":\"stopped attending\"}")
                .andExpect(status().isOk());
        api.post("/nominals/" + caseId + "/routing/decisions", OM, "{\"route\":\"ENGAGE\"}")
                .andExpect(status().isOk());
        answer(first, aResponse().withStatus(400));
        PROGRAMME.stubFor(put(com.github.tomakehurst.wiremock.client.WireMock.urlMatching(REFERRALS + ".*"))
                .atPriority(10)
                .willReturn(aResponse().withStatus(204)));

        relay.runOnce();
        assertThat(statusOf(first)).isEqualTo(OutboxStatus.REJECTED);
        assertThat(TestApi.json(api.get("/nominals/" + caseId + "/routing", OM))
                        .get("status")
                        .asString())
                .isEqualTo("ENGAGED");
    }

    @Test
    void aCasesSecondReferralWaitsUntilItsFirstIsDelivered() throws Exception {
        String caseId = engaged(
                "{\"route\":\"ENGAGE\",\"pathways\":[\"CHANGE_PROGRAMME\",\"DRIVE\"],\"reason\":\"both, in turn\"}");
        List<String> messageIds = waitingMessageIds(caseId);
        String change = messageIds.get(0);
        String drive = messageIds.get(1);
        answer(change, aResponse().withStatus(503));
        answer(drive, aResponse().withStatus(204));

        relay.runOnce();
        assertThat(statusOf(change)).isEqualTo(OutboxStatus.PENDING);
        assertThat(statusOf(drive)).isEqualTo(OutboxStatus.PENDING);
        puts(drive, 0);

        answer(change, aResponse().withStatus(204));
        relay.runOnce();
        assertThat(statusOf(change)).isEqualTo(OutboxStatus.DELIVERED);
        assertThat(statusOf(drive)).isEqualTo(OutboxStatus.DELIVERED);
        assertThat(puts(drive, 1).getFirst().getBodyAsString()).contains("\"DRIVE\"");
    }

    /** A nominal with a recent HIGH incident, willing to engage, and the given decision made. */
    private String engaged(String decision) throws Exception {
        String caseId = api.register("Testy", "Delivery", DOB, "Relayshire");
        api.addDaIncident(caseId, LocalDate.now().minusMonths(3), "EX-ABH", "VK-D1");
        api.put("/nominals/" + caseId + "/suitability-facts", OM, TestApi.facts(true))
                .andExpect(status().isOk());
        api.post("/nominals/" + caseId + "/routing/decisions", OM, decision).andExpect(status().isOk());
        return caseId;
    }

    private List<String> waitingMessageIds(String caseId) {
        return routingDocument(caseId).getList(OutboxEntry.FIELD, Document.class).stream()
                .map(entry -> entry.getString("messageId"))
                .toList();
    }

    private Document routingDocument(String caseId) {
        return mongo.findById(caseId, Document.class, Routing.COLLECTION);
    }

    private OutboxStatus statusOf(String messageId) {
        return mongo.findById(messageId, OutboxMessage.class).status();
    }

    private static void answer(String messageId, ResponseDefinitionBuilder response) {
        PROGRAMME.stubFor(put(urlEqualTo(REFERRALS + messageId)).willReturn(response));
    }

    private void assertPendingAfterOneFailedPass(String messageId) {
        OutboxMessage waiting = mongo.findById(messageId, OutboxMessage.class);
        assertThat(waiting.status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(waiting.attempts()).isEqualTo(1);
        assertThat(waiting.payload()).isNotEmpty();
    }

    /**
     * The PUTs of a message, checked to be exactly {@code expected}. WireMock journals a request just
     * after answering it, so the count is given a moment to settle first.
     */
    private static List<LoggedRequest> puts(String messageId, int expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (PROGRAMME
                                .findAll(putRequestedFor(urlEqualTo(REFERRALS + messageId)))
                                .size()
                        < expected
                && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        PROGRAMME.verify(exactly(expected), putRequestedFor(urlEqualTo(REFERRALS + messageId)));
        return PROGRAMME.findAll(putRequestedFor(urlEqualTo(REFERRALS + messageId)));
    }
}
