package uk.dapp.gateway.caseid;

import java.util.ArrayList;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import uk.dapp.gateway.problem.ProblemWriter;
import uk.dapp.gateway.security.AfterSecurityOrder;
import uk.dapp.platform.caseid.CaseId;
import uk.dapp.platform.caseid.InvalidCaseIdException;
import uk.dapp.platform.problem.FieldViolation;

/**
 * Refuses a malformed case ID (in a contract path or a {@code caseId} query parameter) with 400
 * before anything is forwarded, so a mistyped ID never costs a service call.
 *
 * <p>Ordered after the security chain, so authentication comes first: an anonymous caller gets
 * the same 401 for every {@code /api/**} request and cannot use this check to learn which paths
 * exist or what a case ID looks like; only authenticated users get the helpful 400.
 */
@Component
@Order(AfterSecurityOrder.CASE_ID_CHECK)
public class CaseIdCheckFilter implements WebFilter {

    private final CaseIdPaths paths;
    private final ProblemWriter problems;

    public CaseIdCheckFilter(CaseIdPaths paths, ProblemWriter problems) {
        this.paths = paths;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!exchange.getRequest().getPath().pathWithinApplication().value().startsWith("/api/")) {
            return chain.filter(exchange);
        }
        List<String> candidates = new ArrayList<>();
        paths.caseIdIn(exchange.getRequest().getPath().pathWithinApplication()).ifPresent(candidates::add);
        candidates.addAll(exchange.getRequest().getQueryParams().getOrDefault(CaseIdPaths.VARIABLE, List.of()));
        List<FieldViolation> violations = new ArrayList<>();
        for (String candidate : candidates) {
            try {
                CaseId.parse(candidate);
            } catch (InvalidCaseIdException e) {
                violations.add(
                        new FieldViolation(CaseIdPaths.VARIABLE, e.reason().rule(), e.getMessage()));
            }
        }
        return violations.isEmpty() ? chain.filter(exchange) : problems.writeInvalid(exchange, violations);
    }
}
