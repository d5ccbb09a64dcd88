package uk.dapp.gateway.input;

import java.util.ArrayList;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import uk.dapp.gateway.problem.ProblemWriter;
import uk.dapp.gateway.security.AfterSecurityOrder;
import uk.dapp.platform.input.ControlCharacters;
import uk.dapp.platform.problem.FieldViolation;

/**
 * What the path and query of an {@code /api/**} request may hold before it is answered or
 * forwarded: no control character in a query parameter (name or value) or a path segment (400
 * naming the parameter, or {@code path}, as each service would answer it: identifiers and search
 * terms never hold one, and a NUL in a name search once reached a service's store and gave 500),
 * and at most {@link #MAX_QUERY_PARAMETERS} query parameters (400 naming {@code query}: no
 * operation takes more than a handful, and past 1,000 a service's Tomcat refuses to read any).
 */
@Component
@Order(AfterSecurityOrder.PATH_AND_QUERY)
public class PathAndQueryFilter implements WebFilter {

    static final int MAX_QUERY_PARAMETERS = 100;

    private final ProblemWriter problems;

    public PathAndQueryFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
        if (!path.value().startsWith("/api/")) {
            return chain.filter(exchange);
        }
        int parameters = exchange.getRequest().getQueryParams().values().stream()
                .mapToInt(List::size)
                .sum();
        if (parameters > MAX_QUERY_PARAMETERS) {
            return problems.writeInvalid(
                    exchange,
                    List.of(new FieldViolation(
                            "query", "Size", "at most " + MAX_QUERY_PARAMETERS + " query parameters")));
        }
        List<FieldViolation> violations = new ArrayList<>();
        for (PathContainer.Element element : path.elements()) {
            if (element instanceof PathContainer.PathSegment segment
                    && ControlCharacters.inValue(segment.valueToMatch())) {
                violations.add(violation("path"));
                break;
            }
        }
        exchange.getRequest().getQueryParams().forEach((name, values) -> {
            boolean refused = ControlCharacters.inValue(name);
            for (String value : values) {
                refused |= value != null && ControlCharacters.inValue(value);
            }
            if (refused) {
                violations.add(violation(ControlCharacters.inValue(name) ? "query" : name));
            }
        });
        return violations.isEmpty() ? chain.filter(exchange) : problems.writeInvalid(exchange, violations);
    }

    private static FieldViolation violation(String name) {
        return new FieldViolation(name, "ControlCharacter", "must not hold control characters");
    }
}
