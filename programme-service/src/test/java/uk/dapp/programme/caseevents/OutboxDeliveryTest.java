package uk.dapp.programme.caseevents;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import uk.dapp.platform.outbox.OutboxEntry;
import uk.dapp.platform.outbox.OutboxMessage;
import uk.dapp.platform.outbox.OutboxRelay;
import uk.dapp.platform.outbox.OutboxStatus;
import uk.dapp.platform.testsupport.ServiceTest;
import uk.dapp.programme.Api;
import uk.dapp.programme.MovableClock;
import uk.dapp.programme.TestDirectory;

/**
 * The deliveries to partner support and the risk matrix through the relay, against WireMock
 * standing in for both receivers and for Keycloak's token endpoint: what goes over the wire, and
 * what becomes of a message when the receiver is slow, resets the connection, fails for a while or
 * refuses it. Its own context (short call limits); the relay is driven pass by pass, and the relay's
 * backoff is waited out by moving the clock.
 */
@ServiceTest
@Import({MovableClock.Config.class, TestDirectory.Config.class})
@TestPropertySource(
        properties = {
            "dapp.calls.timeout=2s", // generous: a loaded machine must not cut off a good answer
            "dapp.calls.retry.attempts=2",
            "dapp.calls.retry.first-backoff=10ms",
            // the breaker is proven in the platform; kept shut here so one test's failures do not stop the next
            "dapp.calls.breaker.window=1000",
            "dapp.outbox.relay.first-backoff=1s",
            "dapp.outbox.relay.max-backoff=8s"
        })
class OutboxDeliveryTest {

    @Autowired
    TestDirectory directory;

    private static final String TOKEN = "service-token-for-programme";

    private static final WireMockServer KEYCLOAK = new WireMockServer(options().dynamicPort());
    private static final WireMockServer PARTNER_SUPPORT =
            new WireMockServer(options().dynamicPort());
    private static final WireMockServer RISK_MATRIX =
            new WireMockServer(options().dynamicPort());

    static {
        KEYCLOAK.start();
        PARTNER_SUPPORT.start();
        RISK_MATRIX.start();
    }

    @DynamicPropertySource
    static void receivers(DynamicPropertyRegistry properties) {
        properties.add("dapp.service-account.token-uri", () -> KEYCLOAK.baseUrl() + "/token");
        properties.add("dapp.services.partner-support.url", PARTNER_SUPPORT::baseUrl);
        properties.add("dapp.services.risk-matrix.url", RISK_MATRIX::baseUrl);
    }

    @AfterAll
    static void stopReceivers() {
        KEYCLOAK.stop();
        PARTNER_SUPPORT.stop();
        RISK_MATRIX.stop();
    }

    /** A message this service sends, and which of the stand-ins receives it. */
    enum Kind {
        PARTNER_REFERRAL("partner-support", "partner-referral.v1", "/case-events/partner-referrals/"),
        EXIT_TO_PARTNER_SUPPORT("partner-support", "programme-exit.v1", "/case-events/programme-exits/"),
        EXIT_TO_RISK_MATRIX("risk-matrix", "programme-exit.v1", "/case-events/programme-exits/"),
        REFERRAL_HELD("partner-support", "referral-held.v1", "/case-events/referral-holdings/");

        final String destination;
        final String type;
        final String path;

        Kind(String destination, String type, String path) {
            this.destination = destination;
            this.type = type;
            this.path = path;
        }

        WireMockServer receiver() {
            return destination.equals("partner-support") ? PARTNER_SUPPORT : RISK_MATRIX;
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    OutboxRelay relay;

    @Autowired
    MovableClock clock;

    /** Whether a first delivery has loaded the clients' classes (a cold first call can outlast the time limit). */
    private static boolean warm;

    @BeforeEach
    void freshReceivers() throws Exception {
        for (WireMockServer receiver : List.of(KEYCLOAK, PARTNER_SUPPORT, RISK_MATRIX)) {
            receiver.resetAll();
        }
        KEYCLOAK.stubFor(post(urlEqualTo("/token"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                                "{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"Bearer\",\"expires_in\":300}")));
        for (WireMockServer receiver : List.of(PARTNER_SUPPORT, RISK_MATRIX)) {
            receiver.stubFor(put(urlPathMatching("/case-events/.*"))
                    .atPriority(10)
                    .willReturn(aResponse().withStatus(204)));
        }
        if (!warm) {
            produce(Kind.PARTNER_REFERRAL);
            produce(Kind.EXIT_TO_RISK_MATRIX);
            for (int pass = 0; pass < 10 && pending() > 0; pass++) {
                relay.runOnce();
                clock.advance(Duration.ofSeconds(10));
            }
            assertThat(pending()).isZero();
            warm = true;
        }
        // each test starts with an empty outbox: nothing left over from another test is tried again
        mongo.remove(new Query(), OutboxMessage.class);
        mongo.updateMulti(new Query(), new Update().set(OutboxEntry.FIELD, List.of()), "referrals");
    }

    // ---- what goes over the wire

    @Test
    void aPartnerReferralReachesPartnerSupportWithTheServiceAccountTokenAndIsThenForgottenHere() throws Exception {
        clock.advance(Duration.ofMinutes(10)); // past the cached token's life: this test sees it fetched
        Api api = new Api(mvc);
        String current = Api.unique("Casey Synthetic");
        String ex = Api.unique("Robin Synthetic");
        Api.Reply created = api.expect(201, "POST", "/referrals", "facilitator", """
                {"programmeCode":"CHANGE-GROUP","source":"POLICE","mandated":false,"riskLevel":"HIGH","sex":"MALE",
                 "partners":[{"relationship":"CURRENT_PARTNER","name":"%s","phone":"07700 900456"},
                             {"relationship":"EX_PARTNER","name":"%s"}]}""".formatted(current, ex));
        String referralId = created.text("referralId");
        String caseId = created.text("caseId");
        Instant referredAt = Instant.parse(created.text("createdAt"));
        String messageId = waitingEntry(referralId, Kind.PARTNER_REFERRAL);

        String holdingId = waitingEntry(referralId, Kind.REFERRAL_HELD);

        OutboxRelay.Pass pass = relay.runOnce();
        assertThat(pass.delivered())
                .as("the partners, and that the referral holds the case")
                .isEqualTo(2);

        // that the referral holds the case: its ID, whether it is open and the sequence, nothing more
        JsonNode holding = onlyRequest(Kind.REFERRAL_HELD, holdingId);
        assertThat(propertyNames(holding)).containsExactlyInAnyOrder("caseId", "referralId", "held", "sequence");
        assertThat(holding.get("caseId").asString()).isEqualTo(caseId);
        assertThat(holding.get("referralId").asString()).isEqualTo(referralId);
        assertThat(holding.get("held").asBoolean()).isTrue();
        assertThat(holding.get("sequence").asLong()).isEqualTo(1);

        JsonNode sent = onlyRequest(Kind.PARTNER_REFERRAL, messageId);
        assertThat(sent.get("caseId").asString()).isEqualTo(caseId);
        assertThat(sent.get("referralId").asString()).isEqualTo(referralId);
        assertThat(sent.get("programmeCode").asString()).isEqualTo("CHANGE-GROUP");
        assertThat(Instant.parse(sent.get("referredAt").asString())).isEqualTo(referredAt);
        assertThat(sent.get("partners").size()).isEqualTo(2);
        assertThat(sent.get("partners").get(0).get("relationship").asString()).isEqualTo("CURRENT_PARTNER");
        assertThat(sent.get("partners").get(0).get("name").asString()).isEqualTo(current);
        assertThat(sent.get("partners").get(0).get("phone").asString()).isEqualTo("07700 900456");
        assertThat(sent.get("partners").get(1).get("relationship").asString()).isEqualTo("EX_PARTNER");
        assertThat(sent.get("partners").get(1).get("name").asString()).isEqualTo(ex);
        JsonNode noPhone = sent.get("partners").get(1).get("phone");
        assertThat(noPhone == null || noPhone.isNull()).isTrue();
        // the team travels (the tracks follow it); who he is never does
        assertThat(propertyNames(sent))
                .containsExactlyInAnyOrder("caseId", "referralId", "programmeCode", "referredAt", "team", "partners");
        assertThat(sent.get("team").asString()).isEqualTo("test-team");
        KEYCLOAK.verify(postRequestedFor(urlEqualTo("/token"))
                .withRequestBody(containing("grant_type=client_credentials"))
                .withRequestBody(containing("client_id=svc-programme")));

        // delivered: the partners are nowhere in this service's database any more
        assertThat(status(messageId)).isEqualTo(OutboxStatus.DELIVERED);
        for (String collection : mongo.getCollectionNames()) {
            for (Document document : mongo.find(new Query(), Document.class, collection)) {
                assertThat(document.toJson())
                        .as(collection)
                        .doesNotContain(current)
                        .doesNotContain(ex)
                        .doesNotContain("900456");
            }
        }
    }

    @Test
    void anExitForNonComplianceReachesPartnerSupportAndTheRiskMatrixAndAnyOtherExitPartnerSupportOnly()
            throws Exception {
        Api api = new Api(mvc);
        String excluded = enrolled(api);
        exit(api, excluded, "exclude");
        String exclusionToPartner = waitingEntry(excluded, Kind.EXIT_TO_PARTNER_SUPPORT);
        String exclusionToRiskMatrix = waitingEntry(excluded, Kind.EXIT_TO_RISK_MATRIX);
        String transferred = enrolled(api);
        exit(api, transferred, "transfer");
        String transferToPartner = waitingEntry(transferred, Kind.EXIT_TO_PARTNER_SUPPORT);

        // the three exits, and each referral's opening and closing as holdings (ADR 0009)
        assertThat(relay.runOnce().delivered()).isEqualTo(7);

        JsonNode referral = api.getJson("/referrals/" + excluded, "facilitator");
        for (Kind kind : List.of(Kind.EXIT_TO_PARTNER_SUPPORT, Kind.EXIT_TO_RISK_MATRIX)) {
            JsonNode sent =
                    onlyRequest(kind, kind == Kind.EXIT_TO_RISK_MATRIX ? exclusionToRiskMatrix : exclusionToPartner);
            assertThat(propertyNames(sent))
                    .containsExactlyInAnyOrder(
                            "caseId", "referralId", "programmeCode", "exitStatus", "nonCompliance", "exitedAt");
            assertThat(sent.get("caseId").asString())
                    .isEqualTo(referral.get("caseId").asString());
            assertThat(sent.get("referralId").asString()).isEqualTo(excluded);
            assertThat(sent.get("programmeCode").asString()).isEqualTo("DRIVE-1TO1");
            assertThat(sent.get("exitStatus").asString()).isEqualTo("EXCLUDED");
            assertThat(sent.get("nonCompliance").asBoolean()).isTrue();
            assertThat(Instant.parse(sent.get("exitedAt").asString()))
                    .isEqualTo(
                            Instant.parse(referral.get("exit").get("exitedAt").asString()));
        }
        JsonNode transfer = onlyRequest(Kind.EXIT_TO_PARTNER_SUPPORT, transferToPartner);
        assertThat(transfer.get("exitStatus").asString()).isEqualTo("TRANSFERRED");
        assertThat(transfer.get("nonCompliance").asBoolean()).isFalse();
        assertThat(RISK_MATRIX.findAll(putRequestedFor(urlPathMatching("/case-events/.*"))))
                .hasSize(1);
    }

    @Test
    void partnerDetailsNeverReachTheLogsEvenWhenTheReceiverQuotesThemInARefusal() throws Exception {
        ch.qos.logback.classic.Logger root =
                (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logs =
                new ch.qos.logback.core.read.ListAppender<>();
        logs.start();
        root.addAppender(logs);
        String name = Api.unique("Kim Synthetic");
        try {
            Api api = new Api(mvc);
            api.expect(400, "POST", "/referrals", "facilitator", """
                    {"programmeCode":"CHANGE-GROUP","source":"POLICE","mandated":false,"riskLevel":"HIGH","sex":"MALE",
                     "partners":[{"relationship":"EX_PARTNER","name":"%s","phone":"not a number %s"}]}""".formatted(name, name));
            String referralId = api.expect(201, "POST", "/referrals", "facilitator", """
                    {"programmeCode":"CHANGE-GROUP","source":"POLICE","mandated":false,"riskLevel":"HIGH","sex":"MALE",
                     "partners":[{"relationship":"EX_PARTNER","name":"%s","phone":"07700 900789"}]}""".formatted(name))
                    .text("referralId");
            String messageId = waitingEntry(referralId, Kind.PARTNER_REFERRAL);
            PARTNER_SUPPORT.stubFor(put(urlEqualTo(Kind.PARTNER_REFERRAL.path + messageId))
                    .atPriority(1)
                    .willReturn(aResponse()
                            .withStatus(400)
                            .withHeader("Content-Type", "application/problem+json")
                            .withBody("{\"status\":400,\"detail\":\"name " + name + " is not acceptable\"}")));
            assertThat(relay.runOnce().rejected()).isEqualTo(1);
        } finally {
            root.detachAppender(logs);
        }
        assertThat(logs.list).isNotEmpty();
        assertThat(logs.list).allSatisfy(event -> {
            String logged = event.getFormattedMessage()
                    + (event.getThrowableProxy() == null
                            ? ""
                            : event.getThrowableProxy().getMessage());
            assertThat(logged).doesNotContain(name).doesNotContain("900789");
        });
    }

    // ---- what becomes of a message when the receiver misbehaves

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aReceiverSlowerThanTheTimeLimitLeavesTheMessagePendingUntilALaterPassDeliversIt(Kind kind) throws Exception {
        String messageId = produce(kind);
        StubMapping slow = kind.receiver()
                .stubFor(put(urlEqualTo(kind.path + messageId))
                        .atPriority(1)
                        .willReturn(aResponse().withStatus(204).withFixedDelay(6_000)));
        assertStaysPendingThenDelivered(kind, messageId, slow);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aResetConnectionLeavesTheMessagePendingUntilALaterPassDeliversIt(Kind kind) throws Exception {
        String messageId = produce(kind);
        StubMapping reset = kind.receiver()
                .stubFor(put(urlEqualTo(kind.path + messageId))
                        .atPriority(1)
                        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertStaysPendingThenDelivered(kind, messageId, reset);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aBurstOf5xxIsWaitedOutWithGrowingBackoffAndTheMessageDeliveredOnceTheReceiverRecovers(Kind kind)
            throws Exception {
        String messageId = produce(kind);
        String path = kind.path + messageId;
        // five failures (each pass makes two attempts), then the receiver is back
        String state = Scenario.STARTED;
        for (int i = 1; i <= 5; i++) {
            kind.receiver()
                    .stubFor(put(urlEqualTo(path))
                            .atPriority(1)
                            .inScenario("burst " + messageId)
                            .whenScenarioStateIs(state)
                            .willSetStateTo("failed " + i)
                            .willReturn(aResponse().withStatus(i % 2 == 0 ? 502 : 503)));
            state = "failed " + i;
        }
        kind.receiver()
                .stubFor(put(urlEqualTo(path))
                        .atPriority(1)
                        .inScenario("burst " + messageId)
                        .whenScenarioStateIs(state)
                        .willReturn(aResponse().withStatus(204)));

        List<Duration> waits = new java.util.ArrayList<>();
        for (int pass = 1; pass <= 2; pass++) {
            relay.runOnce();
            OutboxMessage waiting = message(messageId);
            assertThat(waiting.status()).isEqualTo(OutboxStatus.PENDING);
            assertThat(waiting.attempts()).isEqualTo(pass);
            assertThat(waiting.lastError()).contains("HTTP 50");
            waits.add(Duration.between(clock.instant(), waiting.nextAttemptAt()));
            int sent = 2 * pass; // the call retries once within each pass
            eventually(() -> requests(kind, messageId).size() == sent);
            // not yet due: a pass leaves it alone and sends nothing
            relay.runOnce();
            assertThat(status(messageId)).isEqualTo(OutboxStatus.PENDING);
            assertThat(requests(kind, messageId)).hasSize(sent);
            clock.advance(waits.getLast());
        }
        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
        relay.runOnce();
        assertThat(status(messageId)).isEqualTo(OutboxStatus.DELIVERED);
        eventually(() -> requests(kind, messageId).size() == 6);
        assertThat(message(messageId).payload()).isNull();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aRefusalIsKeptAsRejectedAndNotSentAgain(Kind kind) throws Exception {
        String messageId = produce(kind);
        kind.receiver()
                .stubFor(put(urlEqualTo(kind.path + messageId))
                        .atPriority(1)
                        .willReturn(aResponse()
                                .withStatus(400)
                                .withHeader("Content-Type", "application/problem+json")
                                .withBody(
                                        "{\"status\":400,\"errors\":[{\"field\":\"caseId\",\"rule\":\"Pattern\"}]}")));
        OutboxRelay.Pass pass = relay.runOnce();
        assertThat(pass.rejected()).isEqualTo(1);
        OutboxMessage rejected = message(messageId);
        assertThat(rejected.status()).isEqualTo(OutboxStatus.REJECTED);
        assertThat(rejected.closedReason()).contains("400");
        assertThat(rejected.payload()).isNull();
        eventually(() -> requests(kind, messageId).size() == 1);
        clock.advance(Duration.ofMinutes(1));
        relay.runOnce();
        assertThat(status(messageId)).isEqualTo(OutboxStatus.REJECTED);
        assertThat(requests(kind, messageId)).hasSize(1);
    }

    @Test
    void aPartnerReferralThatFailsHoldsBackTheExitOfTheSameCaseSoPartnerSupportSeesThemInOrder() throws Exception {
        Api api = new Api(mvc);
        String referralId = api.expect(
                        201, "POST", "/referrals", "facilitator", """
                {"programmeCode":"CHANGE-GROUP","source":"POLICE","mandated":false,"riskLevel":"HIGH","sex":"MALE",
                 "partners":[{"relationship":"EX_PARTNER","name":"%s"}]}""".formatted(Api.unique("Ali Synthetic")))
                .text("referralId");
        String referral = waitingEntry(referralId, Kind.PARTNER_REFERRAL);
        StubMapping down = PARTNER_SUPPORT.stubFor(put(urlEqualTo(Kind.PARTNER_REFERRAL.path + referral))
                .atPriority(1)
                .willReturn(aResponse().withStatus(503)));
        relay.runOnce();
        // withdrawn a second later (the relay orders a case's messages by when they were written)
        clock.advance(Duration.ofSeconds(1));
        api.expect(
                200,
                "POST",
                "/referrals/" + referralId + "/moves",
                "facilitator",
                "{\"move\":\"withdraw\",\"reason\":\"declined\"}");
        String exit = waitingEntry(referralId, Kind.EXIT_TO_PARTNER_SUPPORT);

        relay.runOnce();
        assertThat(status(referral)).isEqualTo(OutboxStatus.PENDING);
        assertThat(requests(Kind.EXIT_TO_PARTNER_SUPPORT, exit)).isEmpty();

        PARTNER_SUPPORT.removeStub(down);
        clock.advance(Duration.ofSeconds(2));
        relay.runOnce();
        assertThat(status(referral)).isEqualTo(OutboxStatus.DELIVERED);
        assertThat(status(exit)).isEqualTo(OutboxStatus.DELIVERED);
        List<String> order = PARTNER_SUPPORT.getAllServeEvents().stream()
                .map(e -> e.getRequest().getUrl())
                .filter(url -> !url.startsWith(Kind.REFERRAL_HELD.path))
                .toList()
                .reversed();
        assertThat(order.getLast()).isEqualTo(Kind.EXIT_TO_PARTNER_SUPPORT.path + exit);
        assertThat(onlyRequest(Kind.EXIT_TO_PARTNER_SUPPORT, exit)
                        .get("exitStatus")
                        .asString())
                .isEqualTo("WITHDRAWN");
    }

    // ---- helpers

    private void assertStaysPendingThenDelivered(Kind kind, String messageId, StubMapping fault)
            throws InterruptedException {
        OutboxRelay.Pass failed = relay.runOnce();
        assertThat(failed.failed()).isEqualTo(1);
        OutboxMessage waiting = message(messageId);
        assertThat(waiting.status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(waiting.attempts()).isEqualTo(1);
        assertThat(waiting.payload()).isNotNull();
        // an idempotent PUT: the call itself tried twice before the relay gave up for this pass
        eventually(() -> requests(kind, messageId).size() == 2);

        // later messages of the case to the same receiver wait behind it (ADR 0006), then go with it
        long heldBack = mongo.count(
                Query.query(Criteria.where("status")
                        .is(OutboxStatus.PENDING.name())
                        .and("_id")
                        .ne(messageId)),
                OutboxMessage.class);
        kind.receiver().removeStub(fault);
        clock.advance(Duration.ofSeconds(1));
        assertThat(relay.runOnce().delivered()).isEqualTo(1 + heldBack);
        assertThat(status(messageId)).isEqualTo(OutboxStatus.DELIVERED);
        // the receiver saw the message three times: it must (and says it does) apply it once
        eventually(() -> requests(kind, messageId).size() == 3);
        assertThat(requests(kind, messageId))
                .allSatisfy(r -> assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN));
    }

    /** A fresh message of the kind, waiting in its referral (not yet moved by the relay); its message ID. */
    private String produce(Kind kind) throws Exception {
        Api api = new Api(mvc);
        if (kind == Kind.PARTNER_REFERRAL) {
            String referralId = api.expect(
                            201, "POST", "/referrals", "facilitator", """
                    {"programmeCode":"CHANGE-GROUP","source":"POLICE","mandated":false,"riskLevel":"HIGH","sex":"MALE",
                     "partners":[{"relationship":"CURRENT_PARTNER","name":"%s"}]}""".formatted(Api.unique("Sam Synthetic")))
                    .text("referralId");
            return waitingEntry(referralId, kind);
        }
        if (kind == Kind.REFERRAL_HELD) {
            return waitingEntry(api.refer("CHANGE-GROUP", "MALE", false, null, "HIGH"), kind);
        }
        String referralId = enrolled(api);
        exit(api, referralId, "drop-out");
        return waitingEntry(referralId, kind);
    }

    /** A voluntary Drive-style referral, assessed suitable and on a case manager's caseload. */
    private String enrolled(Api api) throws Exception {
        String id = api.refer("DRIVE-1TO1", "MALE", false, null, "HIGH");
        api.assess(id, 5);
        api.enrolOneToOne(id, directory.newCaseManager());
        return id;
    }

    private static void exit(Api api, String referralId, String move) throws Exception {
        api.expect(200, "POST", "/referrals/" + referralId + "/moves", "facilitator", """
                {"move":"%s","reason":"synthetic exit","outcome":{"summary":"synthetic outcome"}}""".formatted(move));
    }

    /** The entry of the kind in the referral's raw document, right after the API call that wrote it. */
    private String waitingEntry(String referralId, Kind kind) {
        Document raw = mongo.findById(referralId, Document.class, "referrals");
        return raw.getList(OutboxEntry.FIELD, Document.class).stream()
                .filter(e -> e.getString("destination").equals(kind.destination)
                        && e.getString("type").equals(kind.type))
                .map(e -> e.getString("messageId"))
                .reduce((a, b) -> {
                    throw new AssertionError("more than one " + kind + " entry");
                })
                .orElseThrow(() -> new AssertionError("no " + kind + " entry in referral " + referralId));
    }

    private long pending() {
        return mongo.count(Query.query(Criteria.where("status").is(OutboxStatus.PENDING.name())), OutboxMessage.class)
                + mongo.count(
                        Query.query(Criteria.where(OutboxEntry.FIELD + ".0").exists(true)), "referrals");
    }

    private OutboxMessage message(String messageId) {
        return mongo.findById(messageId, OutboxMessage.class);
    }

    private OutboxStatus status(String messageId) {
        return message(messageId).status();
    }

    private static List<LoggedRequest> requests(Kind kind, String messageId) {
        return kind.receiver().findAll(putRequestedFor(urlEqualTo(kind.path + messageId)));
    }

    /** The one request that carried the message, checked for the service account's token; its JSON body. */
    private static JsonNode onlyRequest(Kind kind, String messageId) {
        List<LoggedRequest> found = requests(kind, messageId);
        assertThat(found).as(kind + " " + messageId).hasSize(1);
        assertThat(found.getFirst().getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(found.getFirst().getHeader("Content-Type")).contains("application/json");
        return Api.parse(found.getFirst().getBodyAsString());
    }

    private static List<String> propertyNames(JsonNode node) {
        return List.copyOf(node.propertyNames());
    }

    /** WireMock journals a request just after answering it: wait (bounded) for the journal to catch up. */
    private static void eventually(Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(8).toNanos();
        while (!condition.get() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(condition.get()).isTrue();
    }
}
