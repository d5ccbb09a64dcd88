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
import uk.dapp.platform.json.ControlCharacters;
import uk.dapp.platform.problem.FieldViolation;

/**
 * No {@code /api/**} request with a control character in a query parameter (name or value) or a
 * path segment is answered or forwarded: 400 naming the parameter (or {@code path}), as each
 * service would answer it. Identifiers and search terms never hold one, and a NUL in a name search
 * once reached a service's store and gave 500.
 */
@Component
@Order(AfterSecurityOrder.CONTROL_CHARACTERS)
public class ControlCharacterFilter implements WebFilter {

    private final ProblemWriter problems;

    public ControlCharacterFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
        if (!path.value().startsWith("/api/")) {
            return chain.filter(exchange);
        }
        List<FieldViolation> violations = new ArrayList<>();
        for (PathContainer.Element element : path.elements()) {
            if (element instanceof PathContainer.PathSegment segment && ControlCharacters.inValue(segment.valueToMatch())) {
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
