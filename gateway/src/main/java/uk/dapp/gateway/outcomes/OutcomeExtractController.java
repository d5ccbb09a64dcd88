package uk.dapp.gateway.outcomes;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import uk.dapp.gateway.api.OutcomesApi;
import uk.dapp.gateway.caseview.Caller;
import uk.dapp.gateway.correlation.CorrelationId;
import uk.dapp.platform.privacy.KAnonymityPlan;
import uk.dapp.platform.problem.RuleViolationException;

/**
 * {@code GET /api/outcomes/extract} (gateway.yaml). The first pass runs before the answer starts,
 * so a service that cannot be read gives a 503 problem; the second pass streams the rows straight
 * from the services' streams to the response, through a bounded buffer, on a worker thread.
 */
@RestController
class OutcomeExtractController implements OutcomesApi {

    private static final Logger log = LoggerFactory.getLogger(OutcomeExtractController.class);
    private static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private final JoinedCaseSource source;
    private final OutcomeExtract extract;
    private final OutcomesProperties properties;
    private final OutcomeWork work;
    private final Clock clock;

    OutcomeExtractController(
            JoinedCaseSource source, OutcomeExtract extract, OutcomesProperties properties, OutcomeWork work) {
        this.source = source;
        this.extract = extract;
        this.properties = properties;
        this.work = work;
        this.clock = Clock.systemUTC();
    }

    @Override
    @PreAuthorize("hasRole('evaluator')")
    public Mono<ResponseEntity<String>> getOutcomeExtract(
            @Nullable OffsetDateTime asOf, String format, @Nullable Integer k, ServerWebExchange exchange) {
        OffsetDateTime snapshot = Snapshot.of(asOf, clock);
        OutcomeExtract.Format chosen = format(format);
        int effectiveK = k(k);
        return Caller.of(exchange, null)
                .flatMap(caller -> work.call(() -> extract.plan(source.cases(snapshot, caller.token()), effectiveK))
                        .flatMap(plan -> stream(exchange, caller, plan, snapshot, chosen)))
                .then(Mono.empty());
    }

    private Mono<Void> stream(
            ServerWebExchange exchange,
            Caller caller,
            KAnonymityPlan plan,
            OffsetDateTime asOf,
            OutcomeExtract.Format format) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatus.OK);
        HttpHeaders headers = response.getHeaders();
        headers.setContentType(format == OutcomeExtract.Format.JSON ? MediaType.APPLICATION_JSON : CSV);
        headers.setContentDisposition(ContentDisposition.attachment()
                .filename("outcomes-" + asOf.toString().replace(':', '-') + "."
                        + format.name().toLowerCase(Locale.ROOT))
                .build());
        headers.setCacheControl("no-store");
        headers.set("X-Extract-Statement", plan.statement());
        headers.set("X-Extract-K", Integer.toString(plan.k()));
        headers.set("X-Extract-Total-Rows", Long.toString(plan.totalRows()));
        headers.set("X-Extract-Suppressed-Rows", Long.toString(plan.suppressedRows()));
        headers.set("X-Extract-Generalised", String.join(", ", plan.generalised()));
        return response.writeWith(DataBufferUtils.outputStreamPublisher(
                out -> {
                    try {
                        long rows = extract.write(source.cases(asOf, caller.token()), plan, asOf, format, out);
                        try (var mdc = CorrelationId.inMdc(caller.correlationId())) {
                            log.info(
                                    "Outcome extract as of {}: {} rows released, {} suppressed",
                                    asOf,
                                    rows,
                                    plan.suppressedRows());
                        }
                    } catch (RuntimeException e) {
                        try (var mdc = CorrelationId.inMdc(caller.correlationId())) {
                            // the answer has begun: all that can be done is to break it off, so it is never taken as
                            // whole
                            log.warn("Outcome extract broken off: {}", e.toString());
                        }
                        throw e;
                    }
                    // blocking reads and writes of an extract never run on an event loop
                },
                response.bufferFactory(),
                work.executor()));
    }

    private static OutcomeExtract.Format format(String format) {
        return switch (format == null ? "csv" : format) {
            case "csv" -> OutcomeExtract.Format.CSV;
            case "json" -> OutcomeExtract.Format.JSON;
            default -> throw new RuleViolationException("format", "OneOf", "format is csv or json");
        };
    }

    private int k(@Nullable Integer requested) {
        if (requested == null) {
            return properties.k();
        }
        if (requested < properties.k()) {
            throw new RuleViolationException(
                    "k", "Min", "k may be raised but not below the configured " + properties.k());
        }
        return requested;
    }
}
