package uk.dapp.gateway.caseview;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.codec.CodecException;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientException;
import reactor.core.publisher.Mono;
import uk.dapp.gateway.api.model.PartStatusDto;
import uk.dapp.gateway.correlation.CorrelationId;
import uk.dapp.platform.caseid.CaseId;
import uk.dapp.platform.caseid.InvalidCaseIdException;
import uk.dapp.platform.problem.Causes;
import uk.dapp.platform.security.AccessReason;

/**
 * Asks one service for its part of the view, with the caller's token, within the part's time limit
 * and through the service's circuit breaker. Only what can go wrong with the service (refused
 * connection, 5xx, too slow, open breaker, an answer that breaks its contract) becomes
 * UNAVAILABLE; anything else is a fault of the gateway and fails the whole view, so an error here
 * can never turn into an answer.
 */
public class PartFetcher implements PartSource {

    private static final Logger log = LoggerFactory.getLogger(PartFetcher.class);

    private final WebClient client;
    private final CircuitBreakerRegistry breakers;
    private final Validator validator;
    private final Environment environment;
    private final CaseViewProperties properties;

    public PartFetcher(
            WebClient client,
            CircuitBreakerRegistry breakers,
            Validator validator,
            Environment environment,
            CaseViewProperties properties) {
        this.client = client;
        this.breakers = breakers;
        this.validator = validator;
        this.environment = environment;
        this.properties = properties;
    }

    @Override
    public <T> Mono<PartResult<T>> fetch(CasePart<T> part, CaseId caseId, Caller caller) {
        if (!part.servesAnyOf(caller.roles())) {
            // the service's contract rules every one of the caller's roles out: no need to ask
            return Mono.just(PartResult.of(PartStatusDto.NOT_PERMITTED));
        }
        return client.get()
                .uri(part.service().url(environment) + part.pathFor(caseId.value()))
                .accept(MediaType.APPLICATION_JSON)
                .headers(headers -> {
                    headers.setBearerAuth(caller.token());
                    headers.set(CorrelationId.HEADER, caller.correlationId());
                    if (caller.accessReason() != null) {
                        headers.set(AccessReason.HEADER, caller.accessReason());
                    }
                })
                .exchangeToMono(response -> read(part, caseId, caller, response))
                .timeout(part.kind() == CasePart.Kind.EXPORT ? properties.exportTimeout() : properties.timeout())
                // outside the timeout, so a slow call counts as a failure; an open breaker never subscribes
                .transformDeferred(CircuitBreakerOperator.of(breakers.circuitBreaker(part.breakerName())))
                .onErrorResume(PartFetcher::isServiceFailure, error -> {
                    try (var mdc = CorrelationId.inMdc(caller.correlationId())) {
                        log.warn("Case view: the {} part is unavailable: {}", part.name(), describe(error));
                    }
                    return Mono.just(PartResult.of(PartStatusDto.UNAVAILABLE));
                });
    }

    private <T> Mono<PartResult<T>> read(CasePart<T> part, CaseId caseId, Caller caller, ClientResponse response) {
        int status = response.statusCode().value();
        if (status == HttpStatus.OK.value()) {
            return response.bodyToMono(part.type())
                    .switchIfEmpty(Mono.error(() -> new BrokenAnswer("an empty body")))
                    .map(summary -> PartResult.available(checked(part, caseId, summary)));
        }
        if (status == HttpStatus.FORBIDDEN.value()) {
            return response.releaseBody().thenReturn(PartResult.of(PartStatusDto.NOT_PERMITTED));
        }
        if (status == HttpStatus.NOT_FOUND.value()) {
            return response.releaseBody().thenReturn(PartResult.of(PartStatusDto.NOT_FOUND));
        }
        if (response.statusCode().is5xxServerError()) {
            return response.releaseBody().then(Mono.error(new BrokenAnswer("status " + status)));
        }
        // any other answer (a 400, a 401, a redirect) says nothing about the service's health: not counted
        try (var mdc = CorrelationId.inMdc(caller.correlationId())) {
            log.warn("Case view: the {} part is unavailable: the service answered {}", part.name(), status);
        }
        return response.releaseBody().thenReturn(PartResult.of(PartStatusDto.UNAVAILABLE));
    }

    /** An answer is passed on only if it keeps its contract and is about the case asked for. */
    private <T> T checked(CasePart<T> part, CaseId caseId, T summary) {
        Set<ConstraintViolation<T>> violations = validator.validate(summary);
        if (!violations.isEmpty()) {
            Set<String> fields = new TreeSet<>();
            violations.forEach(
                    violation -> fields.add(violation.getPropertyPath().toString()));
            throw new BrokenAnswer("a summary breaking its contract at " + fields);
        }
        try {
            if (!CaseId.parse(part.caseIdOf().apply(summary)).equals(caseId)) {
                throw new BrokenAnswer("a summary of another case");
            }
        } catch (InvalidCaseIdException e) {
            throw new BrokenAnswer("a summary with a malformed case ID");
        }
        return summary;
    }

    /** Whether an error is the service's failure (down, slow, broken answer, open breaker) rather than the gateway's. */
    public static boolean isServiceFailure(Throwable error) {
        return Causes.any(
                error,
                t -> t instanceof BrokenAnswer
                        || t instanceof TimeoutException
                        || t instanceof CallNotPermittedException
                        || t instanceof WebClientException
                        || t instanceof CodecException
                        || t instanceof IOException);
    }

    private static String describe(Throwable error) {
        if (error instanceof TimeoutException) {
            return "no answer in time";
        }
        if (error instanceof CallNotPermittedException) {
            return "its circuit breaker is open";
        }
        if (error instanceof BrokenAnswer broken) {
            return "the service answered " + broken.getMessage();
        }
        return error.getClass().getSimpleName();
    }

    /** The service answered, but not with something the view may pass on. Counted by the breaker. */
    static final class BrokenAnswer extends RuntimeException {

        BrokenAnswer(String what) {
            super(what, null, false, false);
        }
    }
}
