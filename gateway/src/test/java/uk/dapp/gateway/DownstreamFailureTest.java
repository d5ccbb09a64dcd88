package uk.dapp.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;

import com.github.tomakehurst.wiremock.http.Fault;
import org.junit.jupiter.api.Test;

class DownstreamFailureTest extends GatewayTest {

    @Test
    void aServiceThatBreaksOffGives502() {
        Backends.wireMock().stubFor(any(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertProblem(
                        client.get()
                                .uri("/api/programme/referrals")
                                .headers(headers -> headers.setBearerAuth(Tokens.valid()))
                                .exchange(),
                        502)
                .jsonPath("$.detail")
                .isEqualTo("The programme service broke off its answer");
    }

    @Test
    void aServiceSlowerThanTheResponseTimeoutGives504() {
        // the tests' response timeout is 1.5 s (Backends)
        Backends.wireMock().stubFor(any(anyUrl()).willReturn(okJson("{}").withFixedDelay(3000)));

        assertProblem(
                        client.get()
                                .uri("/api/risk-matrix/nominals")
                                .headers(headers -> headers.setBearerAuth(Tokens.valid()))
                                .exchange(),
                        504)
                .jsonPath("$.detail")
                .isEqualTo("The risk-matrix service did not answer in time");
    }
}
