package uk.dapp.platform.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * W3C trace contexts ({@code traceparent}) kept with data, so that later work can continue the trace
 * the data was written in (ADR 0017): an outbox entry keeps its writer's, a holding the one it was
 * received under. A trace context names a trace and a span, never a person or a case.
 * <p>
 * The current context is read from OpenTelemetry's, statically, because the data is made in plain
 * classes with no Spring in hand; Micrometer's OpenTelemetry bridge keeps its current span there, so
 * this is the span Spring's observations opened.
 */
public final class TraceContexts {

    public static final String TRACEPARENT = "traceparent";

    private static final TextMapGetter<String> STORED = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return List.of(TRACEPARENT);
        }

        @Override
        public @Nullable String get(@Nullable String carrier, String key) {
            return TRACEPARENT.equals(key) ? carrier : null;
        }
    };

    private TraceContexts() {}

    /** The current span's {@code traceparent}, or null when there is none. */
    public static @Nullable String current() {
        Map<String, String> carrier = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, (map, key, value) -> {
            if (map != null) {
                map.put(key, value);
            }
        });
        return carrier.get(TRACEPARENT);
    }

    /**
     * The span context a stored {@code traceparent} names, or empty when there is none or it is not a
     * valid W3C trace context (wrong length or characters, an all-zero ID, version {@code ff}): stored
     * data is input like any other, and reading it never throws.
     */
    public static Optional<SpanContext> parse(@Nullable String stored) {
        if (stored == null || stored.isBlank()) {
            return Optional.empty();
        }
        // extracted onto the root context, so a bad value yields no span at all rather than the current one
        SpanContext context = Span.fromContext(
                        W3CTraceContextPropagator.getInstance().extract(Context.root(), stored, STORED))
                .getSpanContext();
        return context.isValid() ? Optional.of(context) : Optional.empty();
    }
}
