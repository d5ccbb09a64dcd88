package uk.dapp.gateway.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import uk.dapp.gateway.correlation.AccessLog;
import uk.dapp.gateway.correlation.CorrelationId;
import uk.dapp.gateway.problem.ProblemExceptionHandler;

/**
 * First filter of every request. A WebFilter rather than a gateway GlobalFilter: a GlobalFilter
 * runs only for routed requests, after security, and 401, 404 and 400 answers need the ID too.
 *
 * <p>Sets the correlation ID on the downstream request and the response, and writes the access
 * log line. Errors are turned into problem responses here, inside the timed span, so the access
 * log sees the final status (WebExceptionHandlers would only run after this filter has finished).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CorrelationIdFilter implements WebFilter {

    private final ProblemExceptionHandler problems;

    public CorrelationIdFilter(ProblemExceptionHandler problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long start = System.nanoTime();
        String id =
                CorrelationId.acceptOrCreate(exchange.getRequest().getHeaders().getFirst(CorrelationId.HEADER));
        exchange.getAttributes().put(CorrelationId.ATTRIBUTE, id);
        // set at commit, replacing the copy a service echoes back, so the response carries exactly one
        exchange.getResponse().beforeCommit(() -> {
            exchange.getResponse().getHeaders().set(CorrelationId.HEADER, id);
            return Mono.empty();
        });
        ServerWebExchange forwarded = exchange.mutate()
                .request(request -> request.headers(headers -> headers.set(CorrelationId.HEADER, id)))
                .build();
        return chain.filter(forwarded)
                .onErrorResume(error -> problems.handle(forwarded, error))
                // no copy in Reactor's context: nothing reads it there (log lines take it from the exchange)
                .doFinally(signal -> AccessLog.write(forwarded, start));
    }
}
