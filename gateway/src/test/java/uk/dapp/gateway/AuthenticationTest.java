package uk.dapp.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;

import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpHeaders;

class AuthenticationTest extends GatewayTest {

    @Test
    void refusesARequestWithoutToken() {
        assertProblem(client.get().uri("/api/risk-matrix/nominals").exchange(), 401)
                .jsonPath("$.detail")
                .isEqualTo("A valid bearer token is required");

        client.get()
                .uri("/api/programme/referrals")
                .exchange()
                .expectHeader()
                .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        assertNothingForwarded();
    }

    static Stream<Arguments> refusedTokens() {
        return Stream.of(
                Arguments.of("expired", (Supplier<String>) Tokens::expired),
                Arguments.of("signed by another key", (Supplier<String>) Tokens::signedByAnotherKey),
                Arguments.of("wrong issuer", (Supplier<String>) Tokens::wrongIssuer),
                Arguments.of("wrong audience", (Supplier<String>) Tokens::wrongAudience),
                Arguments.of("not a JWT", (Supplier<String>) () -> "not.a.jwt"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedTokens")
    void refusesAnInvalidToken(String why, Supplier<String> token) {
        assertProblem(
                client.get()
                        .uri("/api/partner-support/partner-tracks/T-1")
                        .headers(headers -> headers.setBearerAuth(token.get()))
                        .exchange()
                        .expectHeader()
                        .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\""),
                401);
        assertNothingForwarded();
    }

    @Test
    void answers503WhenKeycloaksKeysCannotBeFetched() {
        Backends.wireMock().resetAll();
        Backends.wireMock()
                .stubFor(get(Backends.JWKS_PATH).willReturn(aResponse().withStatus(503)));

        assertProblem(
                        client.get()
                                .uri("/api/risk-matrix/nominals")
                                .headers(headers -> headers.setBearerAuth(Tokens.signedByARotatedKey()))
                                .exchange(),
                        503)
                .jsonPath("$.detail")
                .isEqualTo("Tokens cannot be checked at the moment; try again shortly");
        assertNothingForwarded();
    }

    @Test
    void healthAndInfoArePublic() {
        client.get().uri("/actuator/health").exchange().expectStatus().isOk();
        client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        client.get().uri("/actuator/info").exchange().expectStatus().isOk();
    }

    @Test
    void servesNothingOutsideTheApiAndActuator() {
        assertProblem(client.get().uri("/somewhere/else?name=Smith").exchange(), 404)
                .jsonPath("$.instance")
                .isEqualTo("/somewhere/else");
        assertProblem(client.get().uri("/actuator").exchange(), 404);
        assertProblem(client.get().uri("/actuator/env").exchange(), 404);
        assertNothingForwarded();
    }
}
