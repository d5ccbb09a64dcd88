package uk.dapp.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import uk.dapp.gateway.security.SecurityHeaders;
import uk.dapp.platform.contract.OpenApiContract;
import uk.dapp.platform.testsupport.fuzz.ContractExamples;
import uk.dapp.platform.testsupport.fuzz.ContractFuzzer;
import uk.dapp.platform.testsupport.fuzz.ContractLimits;
import uk.dapp.platform.testsupport.fuzz.FuzzAnswer;
import uk.dapp.platform.testsupport.fuzz.FuzzRequest;

/**
 * The contract-driven fuzz test (issue 13) on the gateway's own operations (gateway.yaml): every
 * generated invalid request, with a permitted role's token, is refused with the expected 4xx as
 * problem+json with the gateway's security headers, naming the field, and asks no service anything.
 */
class GatewayContractFuzzTest extends GatewayTest {

    @BeforeEach
    void everyServiceWouldAnswer() {
        Backends.wireMock().stubFor(any(anyUrl()).willReturn(okJson("{}")));
    }

    @Test
    void everyStringAndArrayARequestCanCarryHasAMaximumAndEveryExampleIsValid() {
        assertThat(ContractLimits.problems(GatewayContract.load())).isEmpty();
        assertThat(ContractExamples.problems(GatewayContract.load())).isEmpty();
    }

    @Test
    void everyOperationRefusesEveryInvalidRequestWithoutAskingAService() {
        ContractFuzzer fuzzer = new ContractFuzzer(GatewayContract.load());
        List<String> problems = new ArrayList<>();
        Map<String, Integer> sent = new LinkedHashMap<>();
        for (OpenApiContract.Operation operation : GatewayContract.load().operations()) {
            // a user of its own per operation, so the fuzz never meets the rate limit
            String token = Tokens.forUser(
                    "fuzz-" + UUID.randomUUID(), operation.roles().getFirst());
            List<FuzzRequest> requests = fuzzer.invalid(fuzzer.shape(operation));
            sent.put(operation.key(), requests.size());
            for (FuzzRequest request : requests) {
                FuzzAnswer answer = send(request, token);
                answer.problems(request, SecurityHeaders.HEADERS)
                        .forEach(problem -> problems.add(request.describe() + ": " + problem));
            }
        }
        assertThat(problems).isEmpty();
        assertThat(sent)
                .allSatisfy(
                        (operation, count) -> assertThat(count).as(operation).isPositive());
        assertNothingForwarded();
    }

    private FuzzAnswer send(FuzzRequest request, String token) {
        WebTestClient.RequestBodySpec spec = client.method(HttpMethod.valueOf(request.method()))
                .uri(raw(request.path()))
                .headers(headers -> {
                    headers.setBearerAuth(token);
                    request.headers().forEach(headers::set);
                    if (request.contentType() != null) {
                        headers.set("Content-Type", request.contentType());
                    }
                });
        EntityExchangeResult<byte[]> result = (request.body() == null ? spec : spec.bodyValue(request.body()))
                .exchange()
                .expectBody()
                .returnResult();
        Map<String, String> headers = new LinkedHashMap<>();
        result.getResponseHeaders().forEach((name, values) -> headers.put(name, String.join(", ", values)));
        byte[] body = result.getResponseBody();
        return new FuzzAnswer(
                result.getStatus().value(),
                result.getResponseHeaders().getFirst("Content-Type"),
                headers,
                body == null ? "" : new String(body, java.nio.charset.StandardCharsets.UTF_8));
    }
}
