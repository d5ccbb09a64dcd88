package uk.dapp.platform.web;

import java.util.ArrayList;
import java.util.List;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import uk.dapp.platform.caseid.InvalidCaseIdException;
import uk.dapp.platform.input.RequestBodyTooLargeException;
import uk.dapp.platform.json.JsonViolations;
import uk.dapp.platform.problem.Causes;
import uk.dapp.platform.problem.ConflictException;
import uk.dapp.platform.problem.DependencyUnavailableException;
import uk.dapp.platform.problem.FieldViolation;
import uk.dapp.platform.problem.NotFoundException;
import uk.dapp.platform.problem.RequestNames;
import uk.dapp.platform.problem.RuleViolationException;

/**
 * Every error a service answers is RFC 9457 problem+json; a 400 lists each field and the rule it
 * broke under {@code errors}. Nothing internal (stack, query, stored values) reaches the body.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    /** Field errors listed in one answer; the rest are counted. */
    public static final int MAX_LISTED_ERRORS = FieldViolation.MAX_LISTED;

    @ExceptionHandler(InvalidCaseIdException.class)
    ResponseEntity<Object> invalidCaseId(InvalidCaseIdException e, WebRequest request) {
        return badRequest(List.of(new FieldViolation("caseId", e.reason().rule(), e.getMessage())), request);
    }

    @ExceptionHandler(RuleViolationException.class)
    ResponseEntity<Object> ruleViolation(RuleViolationException e, WebRequest request) {
        return badRequest(e.violations(), request);
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Object> notFound(NotFoundException e, WebRequest request) {
        return problem(HttpStatus.NOT_FOUND, e.getMessage(), request);
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<Object> conflict(ConflictException e, WebRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        e.facts().forEach(body::setProperty);
        return createResponseEntity(body, new HttpHeaders(), HttpStatus.CONFLICT, request);
    }

    @ExceptionHandler(DependencyUnavailableException.class)
    ResponseEntity<Object> dependencyUnavailable(DependencyUnavailableException e, WebRequest request) {
        log.warn("{}", e.getMessage());
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(DependencyUnavailableException.RETRY_AFTER_SECONDS));
        ProblemDetail body = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE, e.getMessage() + ": nothing was changed; try again in a moment");
        return createResponseEntity(body, headers, HttpStatus.SERVICE_UNAVAILABLE, request);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<Object> concurrentChange(OptimisticLockingFailureException e, WebRequest request) {
        return problem(
                HttpStatus.CONFLICT,
                "Someone else changed this record at the same time: read it again and retry",
                request);
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<Object> duplicate(DuplicateKeyException e, WebRequest request) {
        return problem(HttpStatus.CONFLICT, "A record with the same identifying details already exists", request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> denied(AccessDeniedException e, WebRequest request) {
        return problem(HttpStatus.FORBIDDEN, "Your role may not do this", request);
    }

    /**
     * Tomcat could not read the query: more than its 1,000 parameters, or one malformed (the
     * gateway allows at most 100). Tomcat's message describes the query, so it is not echoed.
     */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<Object> unreadableQuery(InvalidParameterException e, WebRequest request) {
        return badRequest(
                List.of(new FieldViolation(
                        "query", "Format", "the query could not be read: too many parameters, or one malformed")),
                request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, WebRequest request) {
        log.error("Unhandled error", e);
        return problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side; quote the correlation ID when reporting it",
                request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            if (violations.size() == MAX_LISTED_ERRORS) {
                break;
            }
            violations.add(fieldViolation(error));
        }
        for (var error : e.getBindingResult().getGlobalErrors()) {
            if (violations.size() == MAX_LISTED_ERRORS) {
                break;
            }
            violations.add(
                    new FieldViolation(error.getObjectName(), FieldViolation.ruleOf(error), error.getDefaultMessage()));
        }
        return badRequest(violations, e.getBindingResult().getErrorCount(), request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        for (ParameterValidationResult result : e.getParameterValidationResults()) {
            String parameter = RequestNames.of(result.getMethodParameter());
            for (MessageSourceResolvable error : result.getResolvableErrors()) {
                if (error instanceof FieldError fieldError) {
                    violations.add(fieldViolation(fieldError));
                } else {
                    violations.add(
                            new FieldViolation(parameter, FieldViolation.ruleOf(error), error.getDefaultMessage()));
                }
            }
        }
        return badRequest(violations, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return badRequest(
                List.of(new FieldViolation(
                        e.getParameterName(),
                        "Required",
                        "the query parameter '" + e.getParameterName() + "' is required")),
                request);
    }

    @Override
    protected ResponseEntity<Object> handleServletRequestBindingException(
            ServletRequestBindingException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (e instanceof MissingRequestHeaderException missing) {
            return badRequest(
                    List.of(new FieldViolation(
                            missing.getHeaderName(),
                            "Required",
                            "the " + missing.getHeaderName() + " header is required")),
                    request);
        }
        return super.handleServletRequestBindingException(e, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        RequestBodyTooLargeException tooLarge = causeOf(e, RequestBodyTooLargeException.class);
        if (tooLarge != null) {
            return problem(
                    HttpStatus.CONTENT_TOO_LARGE, RequestBodyTooLargeException.detail(tooLarge.maxBytes()), request);
        }
        return badRequest(List.of(JsonViolations.of(e)), request);
    }

    private static <T extends Throwable> T causeOf(Throwable error, Class<T> type) {
        return Causes.find(error, type);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        return badRequest(
                List.of(new FieldViolation(
                        field,
                        "Type",
                        "'" + field + "' is not a valid "
                                + (e.getRequiredType() == null
                                        ? "value"
                                        : e.getRequiredType().getSimpleName()))),
                request);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(
            Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            String correlationId = MDC.get(CorrelationIdFilter.MDC_KEY);
            if (correlationId != null) {
                problem.setProperty("correlationId", correlationId);
            }
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    private ResponseEntity<Object> badRequest(List<FieldViolation> violations, WebRequest request) {
        return badRequest(violations, violations.size(), request);
    }

    /**
     * A 400 listing at most {@link #MAX_LISTED_ERRORS} of the {@code total} field errors; how many
     * more there were is in {@code moreErrors}, so an answer never grows with the request.
     */
    private ResponseEntity<Object> badRequest(List<FieldViolation> violations, int total, WebRequest request) {
        List<FieldViolation> listed = violations.size() > MAX_LISTED_ERRORS
                ? List.copyOf(violations.subList(0, MAX_LISTED_ERRORS))
                : violations;
        ProblemDetail body = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST,
                total == 1
                        ? listed.getFirst().field() + ": " + listed.getFirst().message()
                        : total + " fields broke a rule");
        body.setTitle("Invalid request");
        body.setProperty("errors", listed);
        if (total > listed.size()) {
            body.setProperty("moreErrors", total - listed.size());
        }
        return createResponseEntity(body, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    private ResponseEntity<Object> problem(HttpStatus status, String detail, WebRequest request) {
        return createResponseEntity(
                ProblemDetail.forStatusAndDetail(status, detail), new HttpHeaders(), status, request);
    }

    private static FieldViolation fieldViolation(FieldError error) {
        return new FieldViolation(error.getField(), FieldViolation.ruleOf(error), error.getDefaultMessage());
    }
}
