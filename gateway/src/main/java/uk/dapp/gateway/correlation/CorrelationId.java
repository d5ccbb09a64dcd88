package uk.dapp.gateway.correlation;

import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.web.server.ServerWebExchange;

/** The request's correlation ID: where it is kept during a request and how a caller's one is vetted. */
public final class CorrelationId {

    public static final String HEADER = "X-Correlation-Id";
    /** Exchange attribute; attributes are shared by every mutated copy of the exchange. */
    public static final String ATTRIBUTE = CorrelationId.class.getName();
    /** MDC key; the same key the services log under. */
    public static final String KEY = "correlationId";

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9-]{8,64}");

    private CorrelationId() {}

    /** The caller's ID when it is harmless to log and forward, else a fresh one. */
    public static String acceptOrCreate(String given) {
        return given != null && SAFE.matcher(given).matches()
                ? given
                : UUID.randomUUID().toString();
    }

    /** The ID of this exchange, or null before the correlation filter has run. */
    public static String of(ServerWebExchange exchange) {
        return exchange.getAttribute(ATTRIBUTE);
    }

    /** Puts this exchange's ID in the MDC for the log lines written inside the try block. */
    public static MDC.MDCCloseable inMdc(ServerWebExchange exchange) {
        return inMdc(of(exchange));
    }

    /** Puts the given ID in the MDC, for log lines written away from the exchange (reactive callbacks). */
    public static MDC.MDCCloseable inMdc(String id) {
        return MDC.putCloseable(KEY, id == null ? "" : id);
    }
}
