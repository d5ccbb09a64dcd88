package uk.dapp.platform.tracing;

import io.micrometer.tracing.Link;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.api.trace.SpanContext;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Work caused by an earlier trace but triggered by a later request, run in the earlier trace (ADR 0017):
 * a partner track opens when the facilitator names a partner, but it belongs to the ENGAGE decision
 * whose referral the partner is named on. The work runs in a span of its own whose parent is the
 * stored trace context and which links to the span current when it began (the later request's), and
 * that span is tagged {@value #CONTINUED_IN} with the stored trace's ID, so each trace leads to the
 * other. Anything the work writes to an outbox continues the stored trace with it.
 * <p>
 * With no stored context, one that is not a valid W3C trace context, a stored trace its caller chose
 * not to sample (there is nothing to join), or no tracer, the work runs exactly as it would have
 * without this: in the current span, never failing for the context's sake.
 */
public final class TraceJoin {

    /** The tag, on the later request's span, naming the trace its work continued in. */
    public static final String CONTINUED_IN = "dapp.trace.continued-in";

    private final Tracer tracer;

    public TraceJoin(Tracer tracer) {
        this.tracer = tracer;
    }

    /**
     * Runs {@code work} in a span named {@code spanName} continuing the trace {@code stored} names.
     *
     * @param stored the {@code traceparent} kept with the data the work starts from (null when none was)
     */
    public <T> T continuing(@Nullable String stored, String spanName, Supplier<T> work) {
        Span joined = start(stored, spanName);
        if (joined == null) {
            return work.get();
        }
        try (Tracer.SpanInScope scope = tracer.withSpan(joined)) {
            return work.get();
        } catch (RuntimeException failed) {
            joined.error(failed);
            throw failed;
        } finally {
            joined.end();
        }
    }

    private @Nullable Span start(@Nullable String stored, String spanName) {
        Optional<SpanContext> parent = TraceContexts.parse(stored);
        if (parent.isEmpty()) {
            return null;
        }
        try {
            TraceContext parentContext = tracer.traceContextBuilder()
                    .traceId(parent.get().getTraceId())
                    .spanId(parent.get().getSpanId())
                    .sampled(parent.get().isSampled())
                    .build();
            Span here = tracer.currentSpan();
            Span.Builder builder = tracer.spanBuilder().setParent(parentContext).name(spanName);
            if (here != null) {
                builder.addLink(new Link(here));
            }
            Span joined = builder.start();
            if (joined.isNoop()) {
                return null; // no tracer, or a stored trace not sampled: nothing would be recorded there
            }
            if (here != null) {
                here.tag(CONTINUED_IN, joined.context().traceId());
            }
            return joined;
        } catch (RuntimeException unusable) {
            // a context the tracer cannot take must never stop the work: it runs where it would have
            return null;
        }
    }
}
