package uk.dapp.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

class SecurityHeadersTest extends GatewayTest {

    @Test
    void onARoutedResponse() {
        Backends.wireMock().stubFor(any(anyUrl()).willReturn(okJson("{}")));

        assertSecurityHeaders(client.get()
                .uri("/api/risk-matrix/nominals")
                .headers(headers -> headers.setBearerAuth(Tokens.valid()))
                .exchange()
                .expectStatus()
                .isOk());
    }

    @Test
    void onTheGatewaysOwn401() {
        assertSecurityHeaders(client.get()
                .uri("/api/risk-matrix/nominals")
                .exchange()
                .expectStatus()
                .isUnauthorized());
    }

    /** Issue 13: the firewall refuses before the security chain, whose header writers never saw that answer. */
    @Test
    void onThe400ForAPathFormTheFirewallRefuses() {
        assertSecurityHeaders(client.get()
                .uri(raw("/api/programme/referrals/%2e%2e/case-events"))
                .headers(headers -> headers.setBearerAuth(Tokens.valid()))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void keepsWhatTheServiceSetWithoutDoublingIt() {
        // what a Spring Security service sends of its own accord
        Backends.wireMock()
                .stubFor(any(anyUrl())
                        .willReturn(okJson("{}")
                                .withHeader("X-Content-Type-Options", "nosniff")
                                .withHeader("X-Frame-Options", "DENY")
                                .withHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate")));

        client.get()
                .uri("/api/programme/referrals")
                .headers(headers -> headers.setBearerAuth(Tokens.valid()))
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .values("X-Content-Type-Options", v -> assertThat(v).containsExactly("nosniff"))
                .expectHeader()
                .values("X-Frame-Options", v -> assertThat(v).containsExactly("DENY"))
                .expectHeader()
                .values(
                        "Cache-Control",
                        v -> assertThat(v).containsExactly("no-cache, no-store, max-age=0, must-revalidate"))
                .expectHeader()
                .values("Referrer-Policy", v -> assertThat(v).containsExactly("no-referrer"));
    }

    private static void assertSecurityHeaders(WebTestClient.ResponseSpec response) {
        response.expectHeader()
                .values("X-Content-Type-Options", v -> assertThat(v).containsExactly("nosniff"))
                .expectHeader()
                .values("X-Frame-Options", v -> assertThat(v).containsExactly("DENY"))
                .expectHeader()
                .values("Cache-Control", v -> assertThat(v).containsExactly("no-store"))
                .expectHeader()
                .values("Referrer-Policy", v -> assertThat(v).containsExactly("no-referrer"))
                .expectHeader()
                .values(
                        "Content-Security-Policy",
                        v -> assertThat(v).containsExactly("default-src 'none'; frame-ancestors 'none'"));
    }
}
