package uk.dapp.gateway.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import uk.dapp.gateway.correlation.AccessLog;
import uk.dapp.gateway.correlation.CorrelationId;
import uk.dapp.gateway.docs.ApiDocs;
import uk.dapp.gateway.problem.ProblemWriter;
import uk.dapp.gateway.security.AfterSecurityOrder;

/**
 * Every authenticated {@code /api/**} request (not the public documentation, {@link ApiDocs}) spends one token of its user's bucket (keyed by the
 * token's {@code sub}); an empty bucket is answered 429 with {@code Retry-After} in whole seconds,
 * rounded up. Fails closed: when the limiter cannot decide (it throws, or the token names no
 * subject) the request is refused with 503 and never passed on.
 */
@Component
@Order(AfterSecurityOrder.RATE_LIMIT)
public class RateLimitFilter implements WebFilter {

    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);

    private final RateLimiter limiter;
    private final ProblemWriter problems;
    /** {@code dapp.gateway.rate.limit.refusals{reason}}: 429s (too_many_requests) and 503s (limiter_failed) */
    private final Counter tooMany;

    private final Counter limiterFailed;

    public RateLimitFilter(RateLimiter limiter, ProblemWriter problems, MeterRegistry meters) {
        this.limiter = limiter;
        this.problems = problems;
        this.tooMany = refusals(meters, "too_many_requests");
        this.limiterFailed = refusals(meters, "limiter_failed");
    }

    private static Counter refusals(MeterRegistry meters, String reason) {
        return Counter.builder("dapp.gateway.rate.limit.refusals")
                .tag("reason", reason)
                .description("requests refused by the per-user rate limit, by reason")
                .register(meters);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (!path.startsWith("/api/") || ApiDocs.isDocumentation(path)) {
            return chain.filter(exchange);
        }
        // the subject the token named, left on the exchange just after the security chain (AuthenticatedSubjectFilter)
        String user = exchange.getAttribute(AccessLog.USER_ID_ATTRIBUTE);
        if (user == null) {
            // no subject, or (impossible behind the security chain) no token: nothing to count against
            return refuse(exchange, new IllegalStateException("no token subject to rate-limit"));
        }
        if (limiter.blocks()) {
            return Mono.fromCallable(() -> limiter.tryAcquire(user))
                    .subscribeOn(Schedulers.boundedElastic())
                    .map(decision -> decide(exchange, chain, decision))
                    .onErrorResume(error -> Mono.just(refuse(exchange, error)))
                    .flatMap(next -> next);
        }
        // the in-memory limiter answers at once: no operators to build for it on every request
        RateLimiter.Decision decision;
        try {
            decision = limiter.tryAcquire(user);
        } catch (RuntimeException error) {
            return refuse(exchange, error);
        }
        return decide(exchange, chain, decision);
    }

    private Mono<Void> decide(ServerWebExchange exchange, WebFilterChain chain, RateLimiter.Decision decision) {
        return decision.allowed() ? chain.filter(exchange) : tooMany(exchange, decision.retryAfter());
    }

    /** Fails closed: the limiter could not decide, so the request is refused (503) and never passed on. */
    private Mono<Void> refuse(ServerWebExchange exchange, Throwable error) {
        logFailure(exchange, error);
        limiterFailed.increment();
        return problems.write(
                exchange,
                HttpStatus.SERVICE_UNAVAILABLE,
                "Requests cannot be admitted at the moment; try again shortly");
    }

    private Mono<Void> tooMany(ServerWebExchange exchange, Duration wait) {
        tooMany.increment();
        long seconds = Math.max(1, (wait.toNanos() + 999_999_999L) / 1_000_000_000L);
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return problems.write(
                exchange,
                HttpStatus.TOO_MANY_REQUESTS,
                "Too many requests from this user; try again in " + seconds + " second" + (seconds == 1 ? "" : "s"));
    }

    private static void logFailure(ServerWebExchange exchange, Throwable error) {
        try (var mdc = CorrelationId.inMdc(exchange)) {
            log.error("Rate limiter failed; request refused", error);
        }
    }
}
