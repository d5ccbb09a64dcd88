package uk.dapp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.dapp.e2e.support.InternalPaths;
import uk.dapp.e2e.support.TheSystem;
import uk.dapp.platform.contract.OpenApiContract;
import uk.dapp.platform.testsupport.fuzz.ContractFuzzer;
import uk.dapp.platform.testsupport.fuzz.FuzzAnswer;
import uk.dapp.platform.testsupport.fuzz.FuzzRequest;

/**
 * A sample of the contract-driven fuzz test (issue 13) through the gateway with real Keycloak
 * tokens: for every public operation of every contract, a few of its generated invalid requests
 * (a fixed, seeded choice), each with the token of a demo user whose role the operation permits,
 * must be refused with the expected 4xx as problem+json with the gateway's security headers,
 * naming the field, within 15 s. (Each service's module test sends all of them, and checks that
 * nothing stored changes.)
 */
class ContractFuzzE2ETest {

    static final int PER_OPERATION = 3;
    static final Map<String, String> GATEWAY_SECURITY_HEADERS = Map.of(
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Cache-Control", "no-store",
            "Referrer-Policy", "no-referrer",
            "Content-Security-Policy", "default-src 'none'");

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Set<String> RESTRICTED_HEADERS =
            Set.of("connection", "content-length", "expect", "host", "upgrade");

    @Test
    void aSampleOfEveryOperationsInvalidRequestsIsRefusedThroughTheGateway() throws Exception {
        TheSystem system = TheSystem.get();
        Map<String, String> contracts = new LinkedHashMap<>();
        contracts.put("risk-matrix-service", "/api/risk-matrix");
        contracts.put("programme-service", "/api/programme");
        contracts.put("partner-support-service", "/api/partner-support");
        contracts.put("gateway", "");
        Random seeded = new Random(13);
        List<String> problems = new ArrayList<>();
        int sent = 0;
        int operations = 0;
        for (Map.Entry<String, String> contract : contracts.entrySet()) {
            ContractFuzzer fuzzer = new ContractFuzzer(OpenApiContract.forService(contract.getKey()));
            for (OpenApiContract.Operation operation :
                    OpenApiContract.forService(contract.getKey()).operations()) {
                if (InternalPaths.isInternal(operation.path())) {
                    continue; // 404 through the gateway, whatever is sent
                }
                operations++;
                List<FuzzRequest> requests = new ArrayList<>(fuzzer.invalid(fuzzer.shape(operation)));
                Collections.shuffle(requests, seeded);
                String token = system.keycloak().tokenFor(operation.roles().getFirst());
                for (FuzzRequest request : requests.subList(0, Math.min(PER_OPERATION, requests.size()))) {
                    sent++;
                    FuzzAnswer answer = send(system.gatewayUrl() + contract.getValue(), request, token);
                    if (answer == null) {
                        problems.add(contract.getValue() + " " + request.describe() + ": no answer within 15 s");
                    } else {
                        answer.problems(request, GATEWAY_SECURITY_HEADERS)
                                .forEach(problem ->
                                        problems.add(contract.getValue() + " " + request.describe() + ": " + problem));
                    }
                }
            }
        }
        assertThat(operations).as("public operations sampled").isGreaterThan(60);
        assertThat(sent).isGreaterThan(150);
        assertThat(problems).isEmpty();
    }

    /** Sends as generated; a 429 (the demo users' rate limit, shared with the other tests) is waited out and sent again. */
    private static FuzzAnswer send(String base, FuzzRequest request, String token) throws Exception {
        for (int attempt = 0; attempt < 10; attempt++) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + request.path()))
                    .timeout(Duration.ofSeconds(15))
                    .header("Authorization", "Bearer " + token);
            request.headers().forEach((name, value) -> {
                if (!RESTRICTED_HEADERS.contains(name.toLowerCase())) {
                    builder.header(name, value);
                }
            });
            if (request.contentType() != null) {
                builder.header("Content-Type", request.contentType());
            }
            builder.method(
                    request.method(),
                    request.body() == null
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(request.body()));
            HttpResponse<String> response;
            try {
                response = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            } catch (HttpTimeoutException e) {
                return null;
            } catch (IOException e) {
                // the gateway may close the connection after answering 413 before the body was sent in full
                if (attempt < 2) {
                    continue;
                }
                throw e;
            }
            if (response.statusCode() == 429) {
                long wait = response.headers().firstValueAsLong("Retry-After").orElse(1);
                Thread.sleep(Math.max(1, wait) * 1000);
                continue;
            }
            Map<String, String> headers = new LinkedHashMap<>();
            response.headers().map().forEach((name, values) -> headers.put(name, String.join(", ", values)));
            return new FuzzAnswer(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null),
                    headers,
                    response.body());
        }
        throw new IllegalStateException("still limited after ten waits: " + request.describe());
    }
}
