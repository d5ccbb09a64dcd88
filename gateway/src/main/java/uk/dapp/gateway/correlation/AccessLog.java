package uk.dapp.gateway.correlation;

import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ServerWebExchange;

/**
 * One line per request. Only the method, the path (never the query string: queries may carry
 * name fragments), status, duration, correlation ID and the authenticated username: no bodies,
 * no headers, no tokens.
 */
public final class AccessLog {

    /** Exchange attribute holding the authenticated username, set once the token is accepted. */
    public static final String USERNAME_ATTRIBUTE = AccessLog.class.getName() + ".username";

    private static final Logger log = LoggerFactory.getLogger("uk.dapp.gateway.access");

    private AccessLog() {
    }

    public static void write(ServerWebExchange exchange, long startNanos) {
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        String username = exchange.getAttribute(USERNAME_ATTRIBUTE);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
        try (var mdc = CorrelationId.inMdc(exchange)) {
            log.info("{} {} {} {}ms correlationId={} user={}",
                    exchange.getRequest().getMethod().name(),
                    // the raw (still percent-encoded) path: no line breaks can reach the log
                    exchange.getRequest().getPath().value(),
                    status == null ? "-" : status.value(),
                    millis,
                    CorrelationId.of(exchange),
                    username == null ? "-" : username);
        }
    }
}
