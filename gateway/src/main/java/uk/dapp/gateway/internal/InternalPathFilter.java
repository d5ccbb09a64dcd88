package uk.dapp.gateway.internal;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import uk.dapp.gateway.problem.ProblemWriter;
import uk.dapp.gateway.security.AfterSecurityOrder;

/**
 * Service-to-service endpoints live under {@code /case-events/} in each service and are called by
 * service accounts directly, never through the gateway. The evaluator contributions under
 * {@code /evaluator/} carry raw case IDs as the join key and are read only by the gateway's own
 * anonymised extract, which calls the services directly. A service's {@code /actuator/} (health,
 * metrics) is for its orchestrator and the monitoring namespace, on its management port (ADR 0015).
 * Any {@code /api/**} request that would reach one of them is answered 404 here, exactly like a path
 * that does not exist, and nothing is forwarded.
 *
 * <p>Deliberately broader than "the first segment after the service prefix": a service normalises
 * what it receives (percent-decoding, {@code ;matrix} parameters, {@code ..} segments), so a path
 * such as {@code /api/programme/x/..;a=b/%63ase-events/...} can still land on an internal
 * handler. Any segment that decodes to {@code case-events}, {@code evaluator} or {@code actuator}
 * (in any letter case, also when an encoded slash or backslash hides it inside a longer segment)
 * refuses the request. No public operation has such a segment.
 *
 * <p>Runs after the security chain, so an anonymous caller gets the same 401 as for every other
 * {@code /api/**} path and learns nothing about which paths exist.
 */
@Component
@Order(AfterSecurityOrder.INTERNAL_PATHS)
public class InternalPathFilter implements WebFilter {

    static final Set<String> INTERNAL_SEGMENTS = Set.of("case-events", "evaluator", "actuator");

    /** What may hide a segment inside a longer one: compiled once, not by {@code String.split} on every request. */
    private static final Pattern HIDDEN_SEPARATORS = Pattern.compile("[/\\\\;]");

    private final ProblemWriter problems;

    public InternalPathFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
        if (path.value().startsWith("/api/") && reachesInternal(path)) {
            return problems.write(exchange, HttpStatus.NOT_FOUND, "Nothing is served at this path");
        }
        return chain.filter(exchange);
    }

    static boolean reachesInternal(PathContainer path) {
        for (PathContainer.Element element : path.elements()) {
            if (element instanceof PathContainer.PathSegment segment) {
                // valueToMatch: percent-decoded, matrix parameters removed
                for (String piece : HIDDEN_SEPARATORS.split(segment.valueToMatch())) {
                    if (INTERNAL_SEGMENTS.contains(piece.trim().toLowerCase(Locale.ROOT))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
