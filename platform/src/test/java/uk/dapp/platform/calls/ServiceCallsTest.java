package uk.dapp.platform.calls;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.web.client.RestClient;
import uk.dapp.platform.testsupport.MovableClock;

/**
 * The resilience of every service-to-service call, against WireMock standing in for the receiver
 * and for Keycloak's token endpoint: slow answers, reset connections, empty answers, bursts of 5xx;
 * the service account's token kept, refreshed before it expires, forgotten on a 401.
 */
class ServiceCallsTest {

    private static final String DESTINATION = "programme";
    private static final String PATH = "/case-events/test/m-1";

    private WireMockServer remote;
    private ServiceCalls calls;
    private RestClient client;
    private SimpleMeterRegistry meters;
    // Spring dates a token from the system clock when it arrives: this clock starts there
    private final MovableClock clock = new MovableClock(Instant.now());

    @BeforeEach
    void start() {
        remote = new WireMockServer(options().dynamicPort());
        remote.start();
        answerTokens("service-token");
        meters = new SimpleMeterRegistry();
        // a generous limit, so that a loaded machine never cuts off a call before it is sent
        useTimeLimit(Duration.ofSeconds(5));
    }

    private void useTimeLimit(Duration limit) {
        ServiceAccount account = ServiceAccount.clientCredentials(
                URI.create(remote.baseUrl() + "/token"),
                "svc-test",
                "secret",
                clock,
                Duration.ofSeconds(5),
                RestClient.builder());
        calls = new ServiceCalls(
                Map.of(DESTINATION, remote.baseUrl()),
                account,
                new ServiceCalls.Limits(limit, 3, Duration.ofMillis(10), 4, 50f, Duration.ofSeconds(60)),
                meters,
                RestClient::builder);
        client = calls.prepare(RestClient.builder())
                .baseUrl(calls.baseUrl(DESTINATION))
                .build();
    }

    @AfterEach
    void stop() {
        remote.stop();
    }

    @Test
    void aSuccessfulCallCarriesTheServiceAccountTokenAndFetchesItOnce() throws Exception {
        remote.stubFor(put(urlEqualTo(PATH)).willReturn(aResponse().withStatus(204)));
        calls.call(DESTINATION, ServiceCalls.Safety.IDEMPOTENT, this::putMessage);
        calls.call(DESTINATION, ServiceCalls.Safety.IDEMPOTENT, this::putMessage);
        remote.verify(
                2, putRequestedFor(urlEqualTo(PATH)).withHeader("Authorization", equalTo("Bearer service-token")));
        remote.verify(
                exactly(1),
                postRequestedFor(urlEqualTo("/token"))
                        .withRequestBody(containing("grant_type=client_credentials"))
                        .withRequestBody(containing("client_id=svc-test")));
    }

    @Test
    void theTokenIsFetchedAfreshShortlyBeforeItExpires() throws Exception {
        remote.stubFor(put(urlEqualTo(PATH)).willReturn(aResponse().withStatus(204)));
        calls.call(DESTINATION, ServiceCalls.Safety.IDEMPOTENT, this::putMessage);
        answerTokens("second-token");
        clock.advance(Duration.ofSeconds(300)
                .minus(ServiceAccount.REFRESH_BEFORE_EXPIRY)
                .minusSeconds(1));
        calls.call(DESTINATION, ServiceCalls.Safety.IDEMPOTENT, this::putMessage);
        remote.verify(exactly(1), postRequestedFor(urlEqualTo("/token")));

        clock.advance(Duration.ofSeconds(2)); // now within the margin before expiry
        calls.call(DESTINATION, ServiceCalls.Safety.IDEMPOTENT, this::putMessage);
        remote.verify(exactly(2), postRequestedFor(urlEqualTo("/token")));
        remote.verify(
                exactly(1),
                putRequestedFor(urlEqualTo(PATH)).withHeader("Authorization", equalTo("Bearer second-token")));
    }

    @Test
    void aReceiversUnauthorisedAnswerForgetsTheTokenSoTheNextCallFetchesANewOne() throws Exception {
        remote.stubFor(put(urlEqualTo(PATH))
                .withHeader("Authorization", equalTo("Bearer service-token"))
                .willReturn(aResponse().withStatus(401)));
        remote.stubFor(put(urlEqualTo(PATH))
                .withHeader("Authorization", equalTo("Bearer rotated-token"))
                .willReturn(aResponse().withStatus(204)));
        assertThatThrownBy(() -> calls.call(DESTINATION, ServiceCalls.Safety.NOT_IDEMPOTENT, this::putMessage))
                .isInstanceOf(ServiceCalls.CallFailedException.class);
        answerTokens("rotated-token"); // Keycloak's next token (the first was revoked, say)
        calls.call(DESTINATION, ServiceCalls.Safety.NOT_IDEMPOTENT, this::putMessage);
        remote.verify(exactly(2), postRequestedFor(urlEqualTo("/token")));
        assertPuts(2);
    }

    @Test
    void aTokenEndpointThatFailsIsAFailureToTryAgain_theReceiverIsNotCalled() {
        remote.stubFor(post(urlEqualTo("/token")).willReturn(aResponse().withStatus(503)));
        assertThatThrownBy(() -> calls.call(DESTINATION, ServiceCalls.Safety.IDEMPOTENT, this::putMessage))
                .isInstanceOf(OAuth2AuthorizationException.class);
        remote.verify(exactly(3), postRequestedFor(urlEqualTo("/token")));
        assertPuts(0);

        answerTokens("service-token"); // back: the next try goes through
        remote.stubFor(put(urlEqualTo(PATH)).willReturn(aResponse().withStatus(204)));
        assertThatCode(() -> calls.call(DESTINATION, ServiceCalls.Safety.IDEMPOTENT, this::putMessage))
                .doesNotThrowAnyException();
        assertPuts(1);
    }

    @Test
    void concurrentCallsShareTheAccountsToken() throws Exception {
        remote.stubFor(put(urlEqualTo(PATH)).willReturn(aResponse().withStatus(204)));
        calls.call(DESTINATION, ServiceCalls.Safety.IDEMPOTENT, this::putMessage);
        try (var threads = java.util.concurrent.Executors.newFixedThreadPool(4)) {
            List<java.util.concurrent.Future<Void>> done = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                done.add(threads.submit(
                        () -> calls.call(DESTINATION, ServiceCalls.Safety.IDEMPOTENT, this::putMessage)));
            }
            for (var call : done) {
                call.get();
            }
        }
        assertPuts(9);
        remote.verify(exactly(1), postRequestedFor(urlEqualTo("/token")));
    }

    private void answerTokens(String token) {
        remote.stubFor(post(urlEqualTo("/token"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                                "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":300}")));
    }

    @Test
    void aSlowReceiverIsCutOffAtTheTimeoutAndAnIdempotentRequestIsRetried() {
        useTimeLimit(Duration.ofMillis(500));
        remote.stubFor(
                put(urlEqualTo(PATH)).willReturn(aResponse().withStatus(204).withFixedDelay(4_000)));
        long started = System.nanoTime();
        assertThatThrownBy(() -> calls.call(DESTINATION, ServiceCalls.Safety.IDEMPOTENT, this::putMessage))
                .isInstanceOf(java.util.concurrent.TimeoutException.class);
        // three attempts of 500 ms each, not three of 4 s (a wide margin for a loaded machine)
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(6));
        assertPuts(3);
    }

    @Test
    void aResetConnectionIsAFailureToRetry() {
        remote.stubFor(put(urlEqualTo(PATH)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertThatThrownBy(() -> calls.call(DESTINATION, ServiceCalls.Safety.IDEMPOTENT, this::putMessage))
                .isNotInstanceOf(CallRejectedException.class);
        assertPuts(3);
    }

    @Test
    void anEmptyResponseIsAFailureToRetry() {
        remote.stubFor(put(urlEqualTo(PATH)).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
        assertThatThrownBy(() -> calls.call(DESTINATION, ServiceCalls.Safety.IDEMPOTENT, this::putMessage))
                .isNotInstanceOf(CallRejectedException.class);
        assertPuts(3);
    }

    @Test
    void aRequestThatIsNotIdempotentIsSentOnceWhateverHappens() {
        remote.stubFor(put(urlEqualTo(PATH)).willReturn(aResponse().withStatus(503)));
        assertThatThrownBy(() -> calls.call(DESTINATION, ServiceCalls.Safety.NOT_IDEMPOTENT, this::putMessage))
                .isInstanceOf(ServiceCalls.CallFailedException.class);
        assertPuts(1);
    }

    @Test
    void aRefusalIsNotRetriedAndDoesNotCountAgainstTheBreaker() {
        remote.stubFor(put(urlEqualTo(PATH)).willReturn(aResponse().withStatus(400)));
        for (int i = 0; i < 6; i++) {
            assertThatThrownBy(() -> calls.call(DESTINATION, ServiceCalls.Safety.IDEMPOTENT, this::putMessage))
                    .isInstanceOf(CallRejectedException.class);
        }
        assertPuts(6);
        assertThat(calls.breakerState(DESTINATION)).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void aRefusalCarriesWhatTheReceiversProblemSaid_fieldsRulesAndMessages_andNothingWhenItIsNotAProblem() {
        remote.stubFor(put(urlEqualTo(PATH))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody("""
                        {"title":"Bad Request","status":400,"detail":"2 fields broke a rule","errors":[
                          {"field":"riskLevel","rule":"Eligibility","message":"this programme works with risk levels [HIGH] only"},
                          {"field":"sex","rule":"Eligibility","message":"this programme accepts [FEMALE] only"}]}""")));
        assertThatThrownBy(() -> calls.call(DESTINATION, ServiceCalls.Safety.IDEMPOTENT, this::putMessage))
                .isInstanceOfSatisfying(
                        CallRejectedException.class,
                        e -> assertThat(e.reason())
                                .isEqualTo(
                                        "riskLevel (Eligibility): this programme works with risk levels [HIGH] only; "
                                                + "sex (Eligibility): this programme accepts [FEMALE] only"));
        remote.stubFor(
                put(urlEqualTo(PATH)).willReturn(aResponse().withStatus(404).withBody("<html>gone</html>")));
        assertThatThrownBy(() -> calls.call(DESTINATION, ServiceCalls.Safety.IDEMPOTENT, this::putMessage))
                .isInstanceOfSatisfying(
                        CallRejectedException.class, e -> assertThat(e.reason()).isEqualTo("HTTP 404"));
    }

    @Test
    void aBurstOf5xxOpensTheBreakerWhichThenFailsFastWithoutCallingTheReceiver() {
        remote.stubFor(put(urlEqualTo(PATH)).willReturn(aResponse().withStatus(503)));
        // window of 4 calls at 50%: the fourth failed attempt opens the breaker
        assertThatThrownBy(() -> calls.call(DESTINATION, ServiceCalls.Safety.IDEMPOTENT, this::putMessage))
                .isInstanceOf(ServiceCalls.CallFailedException.class);
        assertThatThrownBy(() -> calls.call(DESTINATION, ServiceCalls.Safety.IDEMPOTENT, this::putMessage))
                .isInstanceOf(CircuitOpenException.class);
        assertPuts(4);
        assertThat(calls.breakerState(DESTINATION)).isEqualTo(CircuitBreaker.State.OPEN);

        remote.resetRequests();
        assertThatThrownBy(() -> calls.call(DESTINATION, ServiceCalls.Safety.IDEMPOTENT, this::putMessage))
                .isInstanceOf(CircuitOpenException.class);
        assertPuts(0);
        assertThat(meters.get("resilience4j.circuitbreaker.state")
                        .tag("name", DESTINATION)
                        .tag("state", "open")
                        .gauge()
                        .value())
                .isEqualTo(1.0);
    }

    /** WireMock journals a request just after answering it: wait for the count to settle, then check it. */
    private void assertPuts(int expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (remote.findAll(putRequestedFor(urlEqualTo(PATH))).size() < expected && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        remote.verify(exactly(expected), putRequestedFor(urlEqualTo(PATH)));
    }

    private Void putMessage() {
        client.put().uri(PATH).body(Map.of("caseId", "X")).retrieve().toBodilessEntity();
        return null;
    }
}
