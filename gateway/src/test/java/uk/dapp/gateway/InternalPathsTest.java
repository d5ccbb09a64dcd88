package uk.dapp.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Service-to-service endpoints ({@code /case-events/}), the evaluator contributions that carry raw
 * case IDs ({@code /evaluator/}) and the services' health and info ({@code /actuator/}, issue 13)
 * are never reachable through the gateway.
 */
class InternalPathsTest extends GatewayTest {

    @BeforeEach
    void everyServiceWouldAnswer() {
        // were anything forwarded, it would be answered 200: the 404 can only be the gateway's
        Backends.wireMock().stubFor(any(anyUrl()).willReturn(okJson("{}")));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/programme/case-events/risk-alerts/0b6f1c1e-0000-4000-8000-000000000001",
                "/api/risk-matrix/case-events/programme-exits/m-1",
                "/api/partner-support/case-events/referrals/m-2",
                "/api/programme/case-events",
                "/api/programme/CASE-EVENTS/risk-alerts/m-3",
                "/api/programme/%63ase-events/risk-alerts/m-4",
                "/api/risk-matrix/evaluator/contributions",
                "/api/programme/evaluator/contributions",
                "/api/partner-support/evaluator/contributions",
                "/api/programme/Evaluator/contributions",
                "/api/partner-support/%65valuator/contributions",
                "/api/risk-matrix/actuator/health",
                "/api/programme/actuator/info",
                "/api/partner-support/actuator/health/readiness",
                "/api/programme/ACTUATOR/health"
            })
    void refusesAnInternalEndpointWith404(String path) {
        assertProblem(
                        client.put()
                                .uri(raw(path))
                                .headers(headers -> headers.setBearerAuth(Tokens.valid()))
                                .bodyValue("{}")
                                .exchange(),
                        404)
                .jsonPath("$.detail")
                .isEqualTo("Nothing is served at this path");
        assertProblem(
                client.get()
                        .uri(raw(path))
                        .headers(headers -> headers.setBearerAuth(Tokens.valid()))
                        .exchange(),
                404);
        assertNothingForwarded();
    }

    /** What a service would normalise into an internal path is refused by the firewall first: 400, not forwarded. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/programme/case-events;v=1/risk-alerts/m-5",
                "/api/programme/referrals/../case-events/risk-alerts/m-6",
                "/api/programme/referrals/%2e%2e/case-events/risk-alerts/m-7",
                "/api/programme/case-events%2Frisk-alerts%2Fm-8",
                "/api/programme/x%5Ccase-events%5Crisk-alerts",
                "/api/programme//case-events/risk-alerts/m-9"
            })
    void refusesAPathInDisguiseAsMalformed(String path) {
        assertProblem(
                        client.put()
                                .uri(raw(path))
                                .headers(headers -> headers.setBearerAuth(Tokens.valid()))
                                .bodyValue("{}")
                                .exchange(),
                        400)
                .jsonPath("$.errors[0].field")
                .isEqualTo("path")
                .jsonPath("$.errors[0].rule")
                .isEqualTo("PathForm");
        assertNothingForwarded();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/programme/case-events/risk-alerts/m-1",
                "/api/risk-matrix/case-events",
                "/api/risk-matrix/evaluator/contributions"
            })
    void anAnonymousCallerGetsThe401OfEveryOtherApiPath(String path) {
        assertProblem(client.put().uri(raw(path)).bodyValue("{}").exchange(), 401);
        assertNothingForwarded();
    }
}
