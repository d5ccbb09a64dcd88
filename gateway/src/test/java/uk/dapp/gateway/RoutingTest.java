package uk.dapp.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

class RoutingTest extends GatewayTest {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    static final String TRACEPARENT = "00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}";

    @ParameterizedTest
    @CsvSource({
        "/api/risk-matrix/nominals, /nominals",
        "/api/programme/referrals, /referrals",
        "/api/partner-support/partner-tracks/T-1, /partner-tracks/T-1"
    })
    void routesWithThePrefixStrippedAndTheCallersOwnToken(String gatewayPath, String servicePath) {
        Backends.wireMock().stubFor(any(anyUrl()).willReturn(okJson("{\"served\":true}")));
        String token = Tokens.valid();

        EntityExchangeResult<byte[]> result = client.get()
                .uri(gatewayPath + "?page=1")
                .headers(headers -> headers.setBearerAuth(token))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .json("{\"served\":true}")
                .returnResult();

        LoggedRequest forwarded = single(Backends.downstreamRequests());
        assertThat(forwarded.getUrl()).isEqualTo(servicePath + "?page=1");
        assertThat(forwarded.getHeader(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer " + token);
        String correlationId = result.getResponseHeaders().getFirst("X-Correlation-Id");
        assertThat(correlationId).matches(UUID);
        assertThat(forwarded.getHeader("X-Correlation-Id")).isEqualTo(correlationId);
    }

    @Test
    void continuesTheCallersTraceDownstreamUnderASpanOfItsOwn() {
        Backends.wireMock().stubFor(any(anyUrl()).willReturn(okJson("{}")));
        String trace = "4bf92f3577b34da6a3ce929d0e0e4736";
        String callersSpan = "00f067aa0ba902b7";

        client.get()
                .uri("/api/risk-matrix/nominals")
                .headers(headers -> {
                    headers.setBearerAuth(Tokens.valid());
                    headers.set("traceparent", "00-" + trace + "-" + callersSpan + "-01");
                })
                .exchange()
                .expectStatus()
                .isOk();

        String forwarded = single(Backends.downstreamRequests()).getHeader("traceparent");
        assertThat(forwarded).matches(TRACEPARENT);
        assertThat(forwarded.split("-")[1]).isEqualTo(trace);
        assertThat(forwarded.split("-")[2]).isNotEqualTo(callersSpan);
    }

    @Test
    void beginsATraceWhenTheCallerSentNone() {
        Backends.wireMock().stubFor(any(anyUrl()).willReturn(okJson("{}")));

        client.get()
                .uri("/api/programme/referrals")
                .headers(headers -> headers.setBearerAuth(Tokens.valid()))
                .exchange()
                .expectStatus()
                .isOk();

        assertThat(single(Backends.downstreamRequests()).getHeader("traceparent"))
                .matches(TRACEPARENT);
    }

    @Test
    void keepsASafeCorrelationIdFromTheCaller() {
        Backends.wireMock().stubFor(any(anyUrl()).willReturn(okJson("{}")));

        client.get()
                .uri("/api/risk-matrix/nominals")
                .headers(headers -> {
                    headers.setBearerAuth(Tokens.valid());
                    headers.set("X-Correlation-Id", "call-centre-4711-ab");
                })
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("X-Correlation-Id", "call-centre-4711-ab");

        assertThat(single(Backends.downstreamRequests()).getHeader("X-Correlation-Id"))
                .isEqualTo("call-centre-4711-ab");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"short", "has spaces and <script>", "semi;colon;semi;colon"})
    void replacesAnUnsafeCorrelationId(String unsafe) {
        Backends.wireMock().stubFor(any(anyUrl()).willReturn(okJson("{}")));

        EntityExchangeResult<byte[]> result = client.get()
                .uri("/api/programme/referrals")
                .headers(headers -> {
                    headers.setBearerAuth(Tokens.valid());
                    headers.set("X-Correlation-Id", unsafe);
                })
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult();

        String correlationId = result.getResponseHeaders().getFirst("X-Correlation-Id");
        assertThat(correlationId).matches(UUID);
        assertThat(single(Backends.downstreamRequests()).getHeader("X-Correlation-Id"))
                .isEqualTo(correlationId);
    }

    @Test
    void answersWithOneCorrelationIdWhenTheServiceEchoesIt() {
        Backends.wireMock()
                .stubFor(
                        any(anyUrl()).willReturn(okJson("{}").withHeader("X-Correlation-Id", "echoed-by-the-service")));

        client.get()
                .uri("/api/programme/referrals")
                .headers(headers -> {
                    headers.setBearerAuth(Tokens.valid());
                    headers.set("X-Correlation-Id", "given-by-caller-1");
                })
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .values("X-Correlation-Id", values -> assertThat(values).containsExactly("given-by-caller-1"));
    }

    @Test
    void passesAServiceProblemThroughUnchanged() {
        String problem = "{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,"
                + "\"detail\":\"Your role may not do this\",\"instance\":\"/nominals\",\"correlationId\":\"abc-12345678\"}";
        Backends.wireMock()
                .stubFor(get(urlPathEqualTo("/nominals"))
                        .willReturn(aResponse()
                                .withStatus(403)
                                .withHeader("Content-Type", "application/problem+json")
                                .withBody(problem)));

        EntityExchangeResult<byte[]> result = client.get()
                .uri("/api/risk-matrix/nominals")
                .headers(headers -> headers.setBearerAuth(Tokens.valid()))
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType("application/problem+json")
                .expectBody()
                .returnResult();

        assertThat(new String(result.getResponseBodyContent())).isEqualTo(problem);
    }

    static LoggedRequest single(List<LoggedRequest> requests) {
        assertThat(requests).hasSize(1);
        return requests.getFirst();
    }
}
