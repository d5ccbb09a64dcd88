package uk.dapp.gateway.notifications;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import jakarta.validation.Validator;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import uk.dapp.gateway.api.model.PartStatusDto;
import uk.dapp.gateway.caseview.Caller;
import uk.dapp.gateway.caseview.PartFetcher;
import uk.dapp.gateway.correlation.CorrelationId;

/**
 * Asks one service for the caller's inbox, with the caller's token, within the time limit and through
 * the inbox's circuit breaker, as the case view asks for a part: what can go wrong with the service
 * (refused connection, 5xx, too slow, open breaker, an answer breaking its contract) is UNAVAILABLE; a
 * 403 is NOT_PERMITTED; anything else fails the whole answer, so an error never turns into an inbox.
 */
class InboxFetcher {

    private static final Logger log = LoggerFactory.getLogger(InboxFetcher.class);

    private final WebClient client;
    private final CircuitBreakerRegistry breakers;
    private final Validator validator;
    private final Environment environment;
    private final Duration timeout;

    InboxFetcher(
            WebClient client,
            CircuitBreakerRegistry breakers,
            Validator validator,
            Environment environment,
            Duration timeout) {
        this.client = client;
        this.breakers = breakers;
        this.validator = validator;
        this.environment = environment;
        this.timeout = timeout;
    }

    <T> Mono<InboxAnswer<T>> fetch(InboxSource source, String pathAndQuery, Class<T> type, Caller caller) {
        if (!source.servesAnyOf(caller.roles())) {
            return Mono.just(new InboxAnswer<>(source, PartStatusDto.NOT_PERMITTED, null));
        }
        return client.get()
                .uri(source.service().url(environment) + pathAndQuery)
                .accept(MediaType.APPLICATION_JSON)
                .headers(headers -> {
                    headers.setBearerAuth(caller.token());
                    headers.set(CorrelationId.HEADER, caller.correlationId());
                })
                .exchangeToMono(response -> read(source, type, caller, response))
                .timeout(timeout)
                .transformDeferred(CircuitBreakerOperator.of(breakers.circuitBreaker(source.breakerName())))
                .onErrorResume(error -> error instanceof BrokenInbox || PartFetcher.isServiceFailure(error), error -> {
                    try (var mdc = CorrelationId.inMdc(caller.correlationId())) {
                        log.warn(
                                "Inbox: {} is unavailable: {}",
                                source.service().key(),
                                error.getClass().getSimpleName());
                    }
                    return Mono.just(new InboxAnswer<>(source, PartStatusDto.UNAVAILABLE, null));
                });
    }

    private <T> Mono<InboxAnswer<T>> read(InboxSource source, Class<T> type, Caller caller, ClientResponse response) {
        int status = response.statusCode().value();
        if (status == HttpStatus.OK.value()) {
            return response.bodyToMono(type)
                    .switchIfEmpty(Mono.error(() -> new BrokenInbox("an empty body")))
                    .map(body -> {
                        if (!validator.validate(body).isEmpty()) {
                            throw new BrokenInbox("an answer breaking its contract");
                        }
                        return new InboxAnswer<>(source, PartStatusDto.AVAILABLE, body);
                    });
        }
        if (status == HttpStatus.FORBIDDEN.value()) {
            return response.releaseBody().thenReturn(new InboxAnswer<>(source, PartStatusDto.NOT_PERMITTED, null));
        }
        if (response.statusCode().is5xxServerError()) {
            return response.releaseBody().then(Mono.error(new BrokenInbox("status " + status)));
        }
        try (var mdc = CorrelationId.inMdc(caller.correlationId())) {
            log.warn("Inbox: {} answered {}", source.service().key(), status);
        }
        return response.releaseBody().thenReturn(new InboxAnswer<>(source, PartStatusDto.UNAVAILABLE, null));
    }

    /** The service answered, but not with something the inbox may pass on. Counted by the breaker. */
    static final class BrokenInbox extends RuntimeException {

        BrokenInbox(String what) {
            super(what, null, false, false);
        }
    }
}
