package uk.dapp.gateway.outcomes;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import uk.dapp.client.partnersupport.model.PartnerSupportContribution;
import uk.dapp.client.programme.model.ProgrammeContribution;
import uk.dapp.client.riskmatrix.model.RiskMatrixContribution;
import uk.dapp.gateway.problem.ContributionsUnavailableException;
import uk.dapp.gateway.routing.RoutedService;

/**
 * Reads each service's {@code GET /evaluator/contributions} (newline-delimited JSON, ascending by
 * case ID) as a stream with the caller's token, and merge-joins the three. Rows are decoded one at
 * a time as they arrive and at most {@code prefetch} wait per service, so memory does not grow
 * with the number of cases. A service that refuses, breaks off, or sends nothing for longer than
 * the idle timeout fails the stream with {@link ContributionsUnavailableException}.
 */
public class ServiceContributions implements JoinedCaseSource {

    static final String PATH = "/evaluator/contributions";

    private final WebClient client;
    private final Environment environment;
    private final OutcomesProperties properties;

    public ServiceContributions(WebClient client, Environment environment, OutcomesProperties properties) {
        this.client = client;
        this.environment = environment;
        this.properties = properties;
    }

    @Override
    public Stream<JoinedCase> cases(OffsetDateTime asOf, String bearerToken) {
        Stream<RiskMatrixContribution> risk =
                rows(RoutedService.RISK_MATRIX, RiskMatrixContribution.class, asOf, bearerToken);
        Stream<ProgrammeContribution> programme =
                rows(RoutedService.PROGRAMME, ProgrammeContribution.class, asOf, bearerToken);
        Stream<PartnerSupportContribution> partner =
                rows(RoutedService.PARTNER_SUPPORT, PartnerSupportContribution.class, asOf, bearerToken);
        return CaseMerge.join(risk.iterator(), programme.iterator(), partner.iterator())
                .onClose(() -> {
                    // each close cancels its request, so no connection outlives the extract
                    try (risk;
                            programme;
                            partner) {
                        // closed by try-with-resources
                    }
                });
    }

    private <T> Stream<T> rows(RoutedService service, Class<T> type, OffsetDateTime asOf, String bearerToken) {
        String url = service.url(environment) + PATH + "?asOf={asOf}";
        return client.get()
                .uri(url, asOf.withOffsetSameInstant(ZoneOffset.UTC).toString())
                .accept(MediaType.APPLICATION_NDJSON)
                .headers(headers -> headers.setBearerAuth(bearerToken))
                .retrieve()
                .bodyToFlux(type)
                .timeout(properties.idleTimeout())
                .onErrorMap(
                        error -> !(error instanceof ContributionsUnavailableException),
                        error -> new ContributionsUnavailableException(service.key(), describe(error), error))
                .toStream(properties.prefetch());
    }

    private static String describe(Throwable error) {
        if (error instanceof TimeoutException) {
            return "no rows for longer than the idle timeout";
        }
        if (error instanceof WebClientResponseException response) {
            return "answered " + response.getStatusCode().value();
        }
        return error.getClass().getSimpleName();
    }
}
