package uk.dapp.gateway.security;

import java.util.List;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import uk.dapp.gateway.problem.ProblemWriter;
import uk.dapp.platform.problem.FieldViolation;

/**
 * Spring Security's firewall refuses paths with encoded slashes, dot segments, matrix parameters,
 * double slashes and the like before anything else runs; by default with an empty 400. This makes
 * that 400 problem+json with the security headers like every other error. The firewall's own
 * message is not echoed: it quotes parts of the path.
 */
@Component
class ProblemExchangeRejectedHandler implements ServerExchangeRejectedHandler {

    private final ProblemWriter problems;

    ProblemExchangeRejectedHandler(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
        // the firewall runs before the security chain, whose header writers never see this answer
        SecurityHeaders.writeTo(exchange.getResponse().getHeaders()::set);
        return problems.writeInvalid(
                exchange,
                List.of(new FieldViolation(
                        "path",
                        "PathForm",
                        "the path holds an encoded slash, backslash or control character, a dot segment, a matrix"
                                + " parameter, an empty segment or another form that is refused")));
    }
}
