package uk.dapp.gateway.correlation;

import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ServerWebExchange;

/**
 * One line per request. Only the method, the path (never the query string: queries may carry
 * name fragments), status, duration, correlation ID and the caller's token subject (never the
 * username, which may be a person's name): no bodies, no headers, no tokens. The MDC carries the
 * correlation ID and the subject as {@code userId}, like the services' lines (ADR 0015).
 */
public final class AccessLog {

    /** Exchange attribute holding the caller's token subject, set once the token is accepted. */
    public static final String USER_ID_ATTRIBUTE = AccessLog.class.getName() + ".userId";
    /** The MDC key of the caller's subject, the services' too. */
    public static final String USER_ID = "userId";

    private static final Logger log = LoggerFactory.getLogger("uk.dapp.gateway.access");

    private AccessLog() {}

    public static void write(ServerWebExchange exchange, long startNanos) {
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        String userId = exchange.getAttribute(USER_ID_ATTRIBUTE);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
        try (var mdc = CorrelationId.inMdc(exchange);
                var user = MDC.putCloseable(USER_ID, userId == null ? "" : userId)) {
            log.info(
                    "{} {} {} {}ms correlationId={} user={}",
                    exchange.getRequest().getMethod().name(),
                    // the raw (still percent-encoded) path: no line breaks can reach the log
                    exchange.getRequest().getPath().value(),
                    status == null ? "-" : status.value(),
                    millis,
                    CorrelationId.of(exchange),
                    userId == null ? "-" : userId);
        }
    }
}
