package uk.dapp.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.dapp.gateway.security.SecurityHeaders;

/**
 * Issue 13: what the gateway decodes and forwards is bounded, and every refusal is problem+json
 * with the security headers: a request body past its operation's limit (declared or streamed) is
 * 413 and never reaches the service; a URL past 8 KiB is 414 and headers past 8 KiB are 431,
 * although Netty refuses them before Spring sees anything; more than 100 query parameters are 400.
 */
class RequestLimitsTest extends GatewayTest {

    private static final int DEFAULT_LIMIT = 64 * 1024;

    @BeforeEach
    void everyServiceWouldAnswer() {
        Backends.wireMock().stubFor(any(anyUrl()).willReturn(okJson("{}")));
    }

    @Test
    void aBodyWithinItsOperationsLimitIsForwarded() {
        client.post()
                .uri("/api/programme/referrals")
                .headers(h -> h.setBearerAuth(Tokens.valid()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json(DEFAULT_LIMIT))
                .exchange()
                .expectStatus()
                .isOk();
        // the reference data may be larger: its contract says so (x-max-request-bytes)
        client.post()
                .uri("/api/risk-matrix/reference-data/versions")
                .headers(h -> h.setBearerAuth(Tokens.valid()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json(1024 * 1024))
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(Backends.downstreamRequests()).hasSize(2);
    }

    @Test
    void aDeclaredLengthPastTheLimitIs413AndNothingIsForwarded() {
        assertTooLarge(
                client.post()
                        .uri("/api/programme/referrals")
                        .headers(h -> h.setBearerAuth(Tokens.valid()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(json(DEFAULT_LIMIT + 1))
                        .exchange(),
                DEFAULT_LIMIT);
        assertTooLarge(
                client.post()
                        .uri("/api/risk-matrix/reference-data/versions")
                        .headers(h -> h.setBearerAuth(Tokens.valid()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(json(2621440 + 1))
                        .exchange(),
                2621440);
        assertNothingForwarded();
    }

    @Test
    void aChunkedBodyPastTheLimitIs413AndNothingIsForwarded() {
        assertTooLarge(
                client.post()
                        .uri("/api/partner-support/cases/7KQM4X-ZP9RTD-2HBWJG/partner-tracks")
                        .headers(h -> h.setBearerAuth(Tokens.valid()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(chunked(10), DataBuffer.class)
                        .exchange(),
                DEFAULT_LIMIT);
        assertNothingForwarded();
    }

    @Test
    void aChunkedBodyWithinTheLimitIsForwardedWithItsLength() {
        client.post()
                .uri("/api/partner-support/cases/7KQM4X-ZP9RTD-2HBWJG/partner-tracks")
                .headers(h -> h.setBearerAuth(Tokens.valid()))
                .contentType(MediaType.APPLICATION_JSON)
                .body(chunked(3), DataBuffer.class)
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(Backends.downstreamRequests()).singleElement().satisfies(forwarded -> {
            assertThat(forwarded.getHeader("Content-Length")).isEqualTo(Integer.toString(3 * 16 * 1024));
            assertThat(forwarded.getBody()).hasSize(3 * 16 * 1024);
        });
    }

    /** A body of 16 KiB chunks without a Content-Length: a Flux body is sent chunked. */
    private static Flux<DataBuffer> chunked(int chunks) {
        DefaultDataBufferFactory buffers = DefaultDataBufferFactory.sharedInstance;
        byte[] chunk = new byte[16 * 1024];
        Arrays.fill(chunk, (byte) ' ');
        return Flux.range(0, chunks).map(i -> buffers.wrap(chunk.clone()));
    }

    /** Spring's adapter refused such a URI itself, with an empty 400. */
    @Test
    void aMalformedPercentEncodingIs400ProblemJsonWithTheSecurityHeaders() throws IOException {
        Answer answer = rawRequest(
                "GET /api/risk-matrix/nominals?name=%zz HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                        + Tokens.valid() + "\r\n\r\n");
        assertThat(answer.status()).isEqualTo(400);
        assertDecodingProblem(answer, 400);
        assertThat(answer.body()).contains("\"field\":\"query\"");
        assertNothingForwarded();
    }

    @Test
    void anAnonymousCallerGets401WhateverTheBody() {
        assertProblem(
                client.post()
                        .uri("/api/programme/referrals")
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(json(DEFAULT_LIMIT + 1))
                        .exchange(),
                401);
        assertNothingForwarded();
    }

    @Test
    void aUrlPastTheLimitIs414ProblemJsonWithTheSecurityHeaders() throws IOException {
        String path = "/api/risk-matrix/nominals?name=" + "a".repeat(9000);
        Answer answer = rawRequest(
                "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + Tokens.valid() + "\r\n\r\n");
        assertThat(answer.status()).isEqualTo(414);
        assertDecodingProblem(answer, 414);
        assertNothingForwarded();
    }

    @Test
    void headersPastTheLimitAre431ProblemJsonWithTheSecurityHeaders() throws IOException {
        Answer answer = rawRequest("GET /api/risk-matrix/nominals HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: "
                + "p".repeat(10_000) + "\r\n\r\n");
        assertThat(answer.status()).isEqualTo(431);
        assertDecodingProblem(answer, 431);
        assertNothingForwarded();
    }

    /** Past 1,000 a service's Tomcat refused to read the query at all (500); no operation takes more than a handful. */
    @Test
    void moreThanAHundredQueryParametersAre400AndNotForwarded() {
        StringBuilder query = new StringBuilder("?");
        for (int i = 0; i < 1200; i++) {
            query.append(i == 0 ? "" : "&").append('a').append(i);
        }
        assertProblem(
                        client.get()
                                .uri(raw("/api/risk-matrix/nominals" + query))
                                .headers(h -> h.setBearerAuth(Tokens.valid()))
                                .exchange(),
                        400)
                .jsonPath("$.errors[0].field")
                .isEqualTo("query")
                .jsonPath("$.errors[0].rule")
                .isEqualTo("Size");
        assertNothingForwarded();
        client.get()
                .uri(raw("/api/risk-matrix/nominals?a=1&a=2&b=3"))
                .headers(h -> h.setBearerAuth(Tokens.valid()))
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void aUrlJustWithinTheLimitIsServed() {
        String name = "a".repeat(7000);
        client.get()
                .uri(raw("/api/risk-matrix/nominals?name=" + name))
                .headers(h -> h.setBearerAuth(Tokens.valid()))
                .exchange()
                .expectStatus()
                .isOk();
    }

    private static void assertDecodingProblem(Answer answer, int status) {
        assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
        SecurityHeaders.HEADERS.forEach(
                (name, value) -> assertThat(answer.header(name)).as(name).isEqualTo(value));
        assertThat(answer.header("X-Correlation-Id")).isNotBlank();
        JsonNode problem = JsonMapper.builder().build().readTree(answer.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("correlationId").asString()).isEqualTo(answer.header("X-Correlation-Id"));
    }

    private void assertTooLarge(
            org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec response, long limit) {
        assertProblem(
                        response.expectHeader()
                                .values(
                                        "X-Content-Type-Options",
                                        v -> assertThat(v).containsExactly("nosniff")),
                        413)
                .jsonPath("$.detail")
                .value(detail -> assertThat(detail.toString()).contains(Long.toString(limit)));
    }

    /** A JSON document of exactly {@code bytes} bytes (a string padded with spaces). */
    private static String json(int bytes) {
        return "{\"padding\":\"x\"" + " ".repeat(bytes - 15) + "}";
    }

    record Answer(int status, String headers, String body) {
        String header(String name) {
            for (String line : headers.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }
    }

    /** What Netty answers to bytes a client library would refuse to send. */
    private Answer rawRequest(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int end = answer.indexOf("\r\n\r\n");
            String head = answer.substring(0, end);
            int status = Integer.parseInt(head.substring(9, 12));
            return new Answer(status, head, answer.substring(end + 4));
        }
    }
}
