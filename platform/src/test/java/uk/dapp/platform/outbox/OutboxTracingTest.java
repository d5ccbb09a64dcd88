package uk.dapp.platform.outbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingReceiverTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelBaggageManager;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.client.RestClient;
import uk.dapp.platform.calls.ServiceAccount;
import uk.dapp.platform.calls.ServiceCalls;
import uk.dapp.platform.store.EmbeddedMongoStore;

/**
 * One trace across the outbox (ADR 0017), with a real OpenTelemetry SDK behind Micrometer's bridge and
 * WireMock standing in for the receiver and the token endpoint: an entry written inside a span keeps
 * that span's traceparent, and the relay's delivery request, made later on a thread with no span of
 * its own, carries the same trace ID in its {@code traceparent} header.
 */
class OutboxTracingTest {

    record Decided(String caseId) implements CaseEvent {}

    private static final CaseEventType<Decided> DECIDED =
            CaseEventType.of("decided.v1", Destinations.PROGRAMME, Decided.class);

    private static Path folder;
    private static EmbeddedMongoStore store;
    private static MongoClient client;
    private static MongoTemplate mongo;
    private static final WireMockServer RECEIVER = new WireMockServer(options().dynamicPort());

    private final OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().build())
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
            .build();
    private final OtelCurrentTraceContext current = new OtelCurrentTraceContext();
    private final OtelTracer tracer = new OtelTracer(
            otel.getTracer("test"), current, event -> {}, new OtelBaggageManager(current, List.of(), List.of()));
    private final ObservationRegistry observations = ObservationRegistry.create();

    @BeforeAll
    static void start() throws Exception {
        folder = Files.createTempDirectory("outbox-tracing-test");
        store = new EmbeddedMongoStore(folder, 0);
        client = MongoClients.create(store.connectionString("outbox"));
        mongo = new MongoTemplate(client, "outbox");
        RECEIVER.start();
    }

    @AfterAll
    static void stop() throws Exception {
        RECEIVER.stop();
        client.close();
        store.close();
    }

    @BeforeEach
    void fresh() {
        for (String collection : List.of(OutboxMessage.COLLECTION, RelayLease.COLLECTION, "routings")) {
            mongo.remove(new Query(), collection);
        }
        RECEIVER.resetAll();
        RECEIVER.stubFor(post(urlEqualTo("/token"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\":\"t\",\"token_type\":\"Bearer\",\"expires_in\":300}")));
        RECEIVER.stubFor(put(urlPathMatching("/case-events/decided/.*"))
                .willReturn(aResponse().withStatus(204)));
        OtelPropagator propagator = new OtelPropagator(otel.getPropagators(), otel.getTracer("test"));
        observations
                .observationConfig()
                .observationHandler(new ObservationHandler.FirstMatchingCompositeObservationHandler(
                        new PropagatingSenderTracingObservationHandler<>(tracer, propagator),
                        new PropagatingReceiverTracingObservationHandler<>(tracer, propagator),
                        new DefaultTracingObservationHandler(tracer)));
    }

    @Test
    void aMessageWrittenInsideASpanCarriesItsTraceparentAndItsDeliveryContinuesThatTrace() throws Exception {
        Observation decision = Observation.start("routing decision", observations);
        String traceId;
        String decisionSpanId;
        OutboxEntry entry;
        try (Observation.Scope scope = decision.openScope()) {
            traceId = tracer.currentSpan().context().traceId();
            decisionSpanId = tracer.currentSpan().context().spanId();
            entry = DECIDED.entry(new Decided("CASE-A"), Instant.now(), 0);
        } finally {
            decision.stop();
        }
        assertThat(entry.traceparent()).startsWith("00-" + traceId + "-" + decisionSpanId + "-");
        mongo.insert(new Document("_id", "r1").append(OutboxEntry.FIELD, List.of(toDocument(entry))), "routings");

        assertThat(tracer.currentSpan()).isNull(); // the relay's thread has no span of its own
        assertThat(relay().runOnce().delivered()).isEqualTo(1);

        assertThat(mongo.findById(entry.messageId(), OutboxMessage.class).traceparent())
                .isEqualTo(entry.traceparent());
        String sent = RECEIVER.findAll(putRequestedFor(urlEqualTo("/case-events/decided/" + entry.messageId())))
                .getFirst()
                .getHeader("traceparent");
        assertThat(sent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
        assertThat(sent.split("-")[1]).isEqualTo(traceId);
        // a span of its own under the decision's (the delivery's, then the request's), not the decision's itself
        assertThat(sent.split("-")[2]).isNotEqualTo(decisionSpanId);
    }

    @Test
    void aMessageWrittenOutsideAnySpanHasNoTraceparentAndIsDeliveredInANewTrace() throws Exception {
        OutboxEntry entry = DECIDED.entry(new Decided("CASE-B"), Instant.now(), 0);
        assertThat(entry.traceparent()).isNull();
        mongo.insert(new Document("_id", "r2").append(OutboxEntry.FIELD, List.of(toDocument(entry))), "routings");

        assertThat(relay().runOnce().delivered()).isEqualTo(1);
        String sent = RECEIVER.findAll(putRequestedFor(urlEqualTo("/case-events/decided/" + entry.messageId())))
                .getFirst()
                .getHeader("traceparent");
        assertThat(sent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
    }

    private OutboxRelay relay() {
        ServiceAccount account = ServiceAccount.clientCredentials(
                URI.create(RECEIVER.baseUrl() + "/token"),
                "svc-test",
                "secret",
                Clock.systemUTC(),
                Duration.ofSeconds(5),
                RestClient.builder());
        ServiceCalls calls = new ServiceCalls(
                Map.of(Destinations.PROGRAMME, RECEIVER.baseUrl()),
                account,
                new ServiceCalls.Limits(
                        Duration.ofSeconds(5), 1, Duration.ofMillis(10), 10, 50f, Duration.ofSeconds(10)),
                new SimpleMeterRegistry(),
                () -> RestClient.builder().observationRegistry(observations));
        RestClient rest = calls.builder().baseUrl(RECEIVER.baseUrl()).build();
        OutboxDelivery delivery = new CaseEventDelivery<>(
                calls,
                DECIDED,
                Decided.class,
                (messageId, event) -> rest.put()
                        .uri("/case-events/decided/{id}", messageId)
                        .body(event)
                        .retrieve()
                        .toBodilessEntity());
        return new OutboxRelay(
                mongo,
                new OutboxCollector(mongo, List.of("routings")),
                new RelayLease(mongo, "one", Duration.ofSeconds(30)),
                List.of(delivery),
                List.of(),
                List.of(),
                "svc-test",
                new OutboxRelay.Settings(10, Duration.ofSeconds(1), Duration.ofSeconds(30)),
                Clock.systemUTC(),
                new OutboxMetrics(new SimpleMeterRegistry()),
                observations);
    }

    private static Document toDocument(OutboxEntry entry) {
        Document document = new Document();
        mongo.getConverter().write(entry, document);
        return document;
    }
}
