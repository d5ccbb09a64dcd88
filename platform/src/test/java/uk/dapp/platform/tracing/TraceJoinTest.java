package uk.dapp.platform.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelBaggageManager;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Work continuing a stored trace (ADR 0017), with a real OpenTelemetry SDK behind Micrometer's bridge
 * and the finished spans collected in memory: a good stored context is the parent of the work's span,
 * which links to the request's span, and the request's span names the trace its work went on in; a
 * missing or malformed context leaves the work where it was, and never fails it.
 */
class TraceJoinTest {

    private static final String STORED_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String STORED_SPAN = "00f067aa0ba902b7";
    private static final String STORED = "00-" + STORED_TRACE + "-" + STORED_SPAN + "-01";

    private final List<SpanData> finished = new CopyOnWriteArrayList<>();
    private final SdkTracerProvider provider = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(new Collecting(finished)))
            .build();
    private final OtelCurrentTraceContext current = new OtelCurrentTraceContext();
    private final OtelTracer tracer = new OtelTracer(
            provider.get("test"), current, event -> {}, new OtelBaggageManager(current, List.of(), List.of()));
    private final TraceJoin join = new TraceJoin(tracer);

    @AfterEach
    void close() {
        provider.close();
    }

    @Test
    void theWorkRunsUnderTheStoredContextLinkedToTheRequestThatTriggeredIt() {
        Span request = tracer.nextSpan().name("request").start();
        String inside = continuingWithin(request, STORED);

        SpanData opening = named("opening");
        assertThat(opening.getTraceId()).isEqualTo(STORED_TRACE);
        assertThat(opening.getParentSpanId()).isEqualTo(STORED_SPAN);
        assertThat(opening.getLinks())
                .extracting(LinkData::getSpanContext)
                .singleElement()
                .satisfies(linked -> {
                    assertThat(linked.getTraceId()).isEqualTo(request.context().traceId());
                    assertThat(linked.getSpanId()).isEqualTo(request.context().spanId());
                });
        // what the work writes (an outbox entry's traceparent) continues the stored trace, under the work's span
        assertThat(inside).startsWith("00-" + STORED_TRACE + "-" + opening.getSpanId() + "-");
        SpanData requested = named("request");
        assertThat(requested.getTraceId()).isNotEqualTo(STORED_TRACE);
        assertThat(requested.getAttributes().get(AttributeKey.stringKey(TraceJoin.CONTINUED_IN)))
                .isEqualTo(STORED_TRACE);
    }

    @Test
    void withNoRequestInATraceTheWorkStillContinuesTheStoredOneWithNoLink() {
        assertThat(join.continuing(STORED, "opening", TraceContexts::current)).contains(STORED_TRACE);
        SpanData opening = named("opening");
        assertThat(opening.getParentSpanId()).isEqualTo(STORED_SPAN);
        assertThat(opening.getLinks()).isEmpty();
    }

    @Test
    void aStoredTraceThatWasNotSampledLeavesTheWorkInTheRequestsTrace() {
        // the stored trace's caller chose not to keep it, so there is nothing to join: the request's trace shows it
        String unsampled = "00-" + STORED_TRACE + "-" + STORED_SPAN + "-00";
        Span request = tracer.nextSpan().name("request").start();
        String inside = continuingWithin(request, unsampled);
        assertThat(inside)
                .startsWith("00-" + request.context().traceId() + "-"
                        + request.context().spanId() + "-");
        assertThat(finished).extracting(SpanData::getName).containsExactly("request");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                " ",
                "not a trace context",
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7", // no flags
                "00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01", // a short trace ID
                "00-4bf92f3577b34da6a3ce929d0e0e47zz-00f067aa0ba902b7-01", // not hex
                "00-00000000000000000000000000000000-00f067aa0ba902b7-01", // an all-zero trace ID
                "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01", // an all-zero span ID
                "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", // the forbidden version
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-and-more", // trailing data on version 00
                "00_4bf92f3577b34da6a3ce929d0e0e4736_00f067aa0ba902b7_01"
            })
    void aMissingOrMalformedStoredContextLeavesTheWorkInTheRequestsSpanAndNeverFailsIt(String stored) {
        Span request = tracer.nextSpan().name("request").start();
        String inside = continuingWithin(request, stored);
        assertThat(inside)
                .startsWith("00-" + request.context().traceId() + "-"
                        + request.context().spanId() + "-");
        assertThat(finished).extracting(SpanData::getName).containsExactly("request");
        assertThat(finished.getFirst().getAttributes().get(AttributeKey.stringKey(TraceJoin.CONTINUED_IN)))
                .isNull();
        assertThat(TraceContexts.parse(stored)).isEmpty();
    }

    @Test
    void workThatFailsEndsItsSpanAsAnErrorAndTheFailureReachesTheCaller() {
        assertThatThrownBy(() -> join.continuing(STORED, "opening", () -> {
                    throw new IllegalStateException("refused");
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("refused");
        assertThat(named("opening").getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(tracer.currentSpan()).isNull();
    }

    @Test
    void withTracingOffTheWorkJustRuns() {
        assertThat(new TraceJoin(Tracer.NOOP).continuing(STORED, "opening", () -> "done"))
                .isEqualTo("done");
        assertThat(finished).isEmpty();
    }

    /**
     * Joins {@code stored} for work named "opening" inside the request's span, as a request's handler
     * does, and ends the request: returns the trace context current in the work.
     */
    private String continuingWithin(Span request, String stored) {
        try (Tracer.SpanInScope scope = tracer.withSpan(request)) {
            String inside = join.continuing(stored, "opening", TraceContexts::current);
            // afterwards the request's span is current again
            assertThat(tracer.currentSpan().context().spanId())
                    .isEqualTo(request.context().spanId());
            return inside;
        } finally {
            request.end();
        }
    }

    private SpanData named(String name) {
        return finished.stream()
                .filter(span -> span.getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no span " + name + " in " + finished));
    }

    private record Collecting(List<SpanData> into) implements SpanExporter {

        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
            into.addAll(spans);
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }
}
