package uk.dapp.gateway.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import uk.dapp.gateway.correlation.CorrelationId;
import uk.dapp.platform.problem.FieldViolation;

/**
 * Writes the gateway's own errors as RFC 9457 problem+json, shaped like the services' ones
 * (type, title, status, detail, instance, correlationId and, for a 400, errors).
 * The instance is the path only: the query string may carry name fragments.
 */
@Component
public class ProblemWriter {

    private static final int MAX_LISTED_ERRORS = FieldViolation.MAX_LISTED;

    private final JsonMapper json;

    public ProblemWriter(JsonMapper json) {
        this.json = json;
    }

    public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String detail) {
        return write(exchange, status, status.getReasonPhrase(), detail, List.of());
    }

    /** A 400 listing at most 25 field errors, as the services do; {@code moreErrors} counts the rest. */
    public Mono<Void> writeInvalid(ServerWebExchange exchange, List<FieldViolation> errors) {
        String detail = errors.size() == 1
                ? errors.getFirst().field() + ": " + errors.getFirst().message()
                : errors.size() + " fields broke a rule";
        return write(exchange, HttpStatus.BAD_REQUEST, "Invalid request", detail, errors);
    }

    private Mono<Void> write(
            ServerWebExchange exchange, HttpStatus status, String title, String detail, List<FieldViolation> errors) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", exchange.getRequest().getPath().value());
        String correlationId = CorrelationId.of(exchange);
        if (correlationId != null) {
            problem.put("correlationId", correlationId);
        }
        if (!errors.isEmpty()) {
            problem.put("errors", errors.size() > MAX_LISTED_ERRORS ? errors.subList(0, MAX_LISTED_ERRORS) : errors);
        }
        if (errors.size() > MAX_LISTED_ERRORS) {
            problem.put("moreErrors", errors.size() - MAX_LISTED_ERRORS);
        }
        byte[] body = json.writeValueAsBytes(problem);
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().setContentLength(body.length);
        return response.writeWith(
                Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
    }
}
