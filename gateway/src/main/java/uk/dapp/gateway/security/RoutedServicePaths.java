package uk.dapp.gateway.security;

import java.util.Arrays;
import java.util.List;
import org.springframework.http.server.PathContainer;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;
import uk.dapp.gateway.routing.RoutedService;

/**
 * The paths routed to a service ({@code /api/<service>/**}), matched at once: the first rule of the
 * security chain, so that a routed request, most of the gateway's traffic, is not first tried
 * against every rule of the gateway's own operations, each a handful of Reactor operators on every
 * request (issue 20). It decides nothing but "a valid token is needed", which the rule for
 * {@code /api/**} says too: on a routed path which role may do what is the service's decision.
 */
final class RoutedServicePaths implements ServerWebExchangeMatcher {

    private static final Mono<MatchResult> MATCH = MatchResult.match();
    private static final Mono<MatchResult> NO_MATCH = MatchResult.notMatch();

    private final List<PathPattern> patterns = Arrays.stream(RoutedService.values())
            .map(service -> PathPatternParser.defaultInstance.parse(service.prefix() + "/**"))
            .toList();

    @Override
    public Mono<MatchResult> matches(ServerWebExchange exchange) {
        PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
        for (PathPattern pattern : patterns) {
            if (pattern.matches(path)) {
                return MATCH;
            }
        }
        return NO_MATCH;
    }

    /**
     * Refuses to start when one of the gateway's own operations lies under a service's prefix: this
     * rule comes first, so it would take that operation's role rule away.
     */
    static void checkNoneOf(List<String> ownPaths) {
        for (String path : ownPaths) {
            for (RoutedService service : RoutedService.values()) {
                if (path.equals(service.prefix()) || path.startsWith(service.prefix() + "/")) {
                    throw new IllegalStateException("the gateway's own operation " + path
                            + " lies under the routed prefix " + service.prefix());
                }
            }
        }
    }
}
