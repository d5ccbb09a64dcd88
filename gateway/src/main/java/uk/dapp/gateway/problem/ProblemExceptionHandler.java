package uk.dapp.gateway.problem;

import java.io.IOException;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.stereotype.Component;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.ErrorResponse;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.server.MissingRequestValueException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import uk.dapp.gateway.correlation.CorrelationId;
import uk.dapp.platform.caseid.InvalidCaseIdException;
import uk.dapp.platform.input.RequestBodyTooLargeException;
import uk.dapp.platform.problem.Causes;
import uk.dapp.platform.problem.FieldViolation;
import uk.dapp.platform.problem.RequestNames;
import uk.dapp.platform.problem.RuleViolationException;

/**
 * Turns every error the gateway meets into problem+json: an invalid request to the gateway's own
 * operations (400 naming field and rule), a role refused by a handler's rule (403), no route (404), an unreachable service
 * (503), a service too slow (504, raised by the gateway's response timeout), a service that broke
 * off (502), Keycloak's keys unobtainable (503), a body past its operation's limit (413), the
 * outcome work's pool full (503), anything else (500). Called by the correlation
 * filter; also registered ahead of Boot's JSON error handler for anything raised outside it.
 */
@Component
@Order(-2)
public class ProblemExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    private final ProblemWriter problems;

    public ProblemExceptionHandler(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            // part of a downstream answer has gone out already: all that is left is to drop the connection
            return Mono.error(error);
        }
        List<FieldViolation> invalid = violations(error);
        if (!invalid.isEmpty()) {
            exchange.getResponse().getHeaders().clearContentHeaders();
            return problems.writeInvalid(exchange, invalid);
        }
        String service = serviceName(exchange);
        HttpStatus status;
        String detail;
        if (error instanceof AccessDeniedException) {
            status = HttpStatus.FORBIDDEN;
            detail = "Your role may not do this";
        } else if (hasCause(error, RequestBodyTooLargeException.class)) {
            // a chunked body went past its operation's limit while it was forwarded
            status = HttpStatus.CONTENT_TOO_LARGE;
            detail = RequestBodyTooLargeException.detail(
                    cause(error, RequestBodyTooLargeException.class).maxBytes());
        } else if (hasCause(error, RejectedExecutionException.class)) {
            // the outcome work's pool and queue are full
            status = HttpStatus.SERVICE_UNAVAILABLE;
            detail = "The gateway is computing as many outcome extracts and KPI tables as it can; try again shortly";
        } else if (error instanceof ContributionsUnavailableException unavailable) {
            // the outcome extract's or KPIs' first pass: nothing has been sent yet
            status = HttpStatus.SERVICE_UNAVAILABLE;
            detail = "The " + unavailable.service() + " service's outcome data cannot be read at the moment; "
                    + "try again shortly";
        } else if (hasCause(error, AuthenticationServiceException.class)) {
            // Keycloak's key set could not be fetched: the token was never judged
            status = HttpStatus.SERVICE_UNAVAILABLE;
            detail = "Tokens cannot be checked at the moment; try again shortly";
        } else if (service != null && hasCause(error, ConnectException.class)) {
            status = HttpStatus.SERVICE_UNAVAILABLE;
            detail = "The " + service + " service cannot be reached; try again shortly";
        } else if (error instanceof ErrorResponse response) {
            HttpStatusCode code = response.getStatusCode();
            status = HttpStatus.resolve(code.value()) == null
                    ? HttpStatus.INTERNAL_SERVER_ERROR
                    : HttpStatus.valueOf(code.value());
            detail = switch (status) {
                case GATEWAY_TIMEOUT -> "The " + service + " service did not answer in time";
                case NOT_FOUND -> "Nothing is served at this path";
                default -> status.getReasonPhrase();
            };
        } else if (service != null && hasCause(error, IOException.class)) {
            status = HttpStatus.BAD_GATEWAY;
            detail = "The " + service + " service broke off its answer";
        } else {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
            detail = "Something went wrong on our side; quote the correlation ID when reporting it";
        }
        logIfServerSide(exchange, status, error);
        exchange.getResponse().getHeaders().clearContentHeaders();
        return problems.write(exchange, status, detail);
    }

    /** A request the gateway's own handlers refused as invalid: each field and the rule it broke. */
    private static List<FieldViolation> violations(Throwable error) {
        List<FieldViolation> violations = new ArrayList<>();
        if (error instanceof InvalidCaseIdException e) {
            violations.add(new FieldViolation("caseId", e.reason().rule(), e.getMessage()));
        } else if (error instanceof RuleViolationException e) {
            violations.addAll(e.violations());
        } else if (error instanceof HandlerMethodValidationException e) {
            for (ParameterValidationResult result : e.getParameterValidationResults()) {
                for (MessageSourceResolvable broken : result.getResolvableErrors()) {
                    violations.add(new FieldViolation(
                            RequestNames.of(result.getMethodParameter()),
                            FieldViolation.ruleOf(broken),
                            broken.getDefaultMessage()));
                }
            }
        } else if (error instanceof MissingRequestValueException e) {
            // a required header or query parameter of the gateway's own operations
            violations.add(new FieldViolation(
                    e.getName(), "Required", "the " + e.getLabel() + " '" + e.getName() + "' is required"));
        } else if (error instanceof ServerWebInputException e
                && e.getMethodParameter() != null
                && e.getCause() instanceof TypeMismatchException) {
            // a query parameter of the gateway's own operations that is not of its type (a date-time, an enum)
            String name = RequestNames.of(e.getMethodParameter());
            Class<?> type = e.getMethodParameter().getParameterType();
            violations.add(new FieldViolation(
                    name,
                    "Type",
                    "'" + name + "' is not a valid "
                            + (type.isEnum()
                                    ? "value; one of " + java.util.Arrays.toString(type.getEnumConstants())
                                    : type.getSimpleName())));
        }
        return violations;
    }

    private static void logIfServerSide(ServerWebExchange exchange, HttpStatus status, Throwable error) {
        if (!status.is5xxServerError()) {
            return;
        }
        try (var mdc = CorrelationId.inMdc(exchange)) {
            if (status == HttpStatus.INTERNAL_SERVER_ERROR) {
                log.error("Unhandled error", error);
            } else {
                // expected operational failures: one line, no stack
                String service = serviceName(exchange);
                log.warn(
                        "Answered {} for {}: {}",
                        status.value(),
                        service == null ? "the gateway" : "the " + service + " service",
                        error.toString());
            }
        }
    }

    private static String serviceName(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        return route == null ? null : route.getId();
    }

    private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
        return cause(error, type) != null;
    }

    private static <T extends Throwable> T cause(Throwable error, Class<T> type) {
        return Causes.find(error, type);
    }
}
