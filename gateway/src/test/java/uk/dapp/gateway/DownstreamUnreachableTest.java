package uk.dapp.gateway;

import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Its own context (a route pointing at a closed port): the one test that pays for a second start. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// a shared 2-core machine under load can take longer than the default 5 s; a request left unanswered still fails
@AutoConfigureWebTestClient(timeout = "PT20S")
class DownstreamUnreachableTest {

    @Autowired
    WebTestClient client;

    @DynamicPropertySource
    static void partnerSupportDown(DynamicPropertyRegistry registry) throws IOException {
        Backends.registerIssuerAndTimeouts(registry);
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        registry.add("dapp.services.partner-support.url", () -> "http://127.0.0.1:" + closedPort);
    }

    @BeforeEach
    void resetBackends() {
        Backends.reset();
    }

    @Test
    void anUnreachableServiceGives503() {
        GatewayTest.assertProblem(
                        client.get()
                                .uri("/api/partner-support/partner-tracks/T-1")
                                .headers(headers -> headers.setBearerAuth(Tokens.valid()))
                                .exchange(),
                        503)
                .jsonPath("$.detail")
                .isEqualTo("The partner-support service cannot be reached; try again shortly");
    }
}
