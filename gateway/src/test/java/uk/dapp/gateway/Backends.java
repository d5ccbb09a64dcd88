package uk.dapp.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One WireMock for the whole test run, standing in for Keycloak's key set and for all three
 * services, so no test needs Keycloak or a service running.
 */
final class Backends {

    static final String JWKS_PATH = "/realms/dapp/protocol/openid-connect/certs";

    private static final WireMockServer SERVER = start();

    private Backends() {}

    private static WireMockServer start() {
        WireMockServer server =
                new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        return server;
    }

    static WireMockServer wireMock() {
        return SERVER;
    }

    static String url() {
        return "http://127.0.0.1:" + SERVER.port();
    }

    static String issuer() {
        return url() + "/realms/dapp";
    }

    /** Forgets earlier stubs and requests; serves the test key set again, ahead of any catch-all stub. */
    static void reset() {
        SERVER.resetAll();
        SERVER.stubFor(get(JWKS_PATH).atPriority(1).willReturn(okJson(Tokens.jwks())));
    }

    /** What reached the "services" (the key set fetches excluded). */
    static List<LoggedRequest> downstreamRequests() {
        return SERVER.findAll(RequestPatternBuilder.allRequests()).stream()
                .filter(request -> !request.getUrl().startsWith(JWKS_PATH))
                .toList();
    }

    /** The case view's part time limit in the tests. */
    static final int PART_TIMEOUT_MILLIS = 800;
    /** Calls each case-view breaker judges in the tests: it opens once this many have mostly failed. */
    static final int BREAKER_WINDOW = 4;

    /**
     * Keycloak at WireMock and short timeouts, so the slow-service tests are quick; case-view
     * breakers that open after a few failures and stay open for the rest of the run (tests reset them).
     */
    static void registerIssuerAndTimeouts(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", Backends::issuer);
        registry.add("spring.cloud.gateway.server.webflux.httpclient.response-timeout", () -> "1500ms");
        registry.add("dapp.gateway.case-view.timeout", () -> PART_TIMEOUT_MILLIS + "ms");
        registry.add("dapp.gateway.case-view.sliding-window-size", () -> BREAKER_WINDOW);
        registry.add("dapp.gateway.case-view.minimum-number-of-calls", () -> BREAKER_WINDOW);
        registry.add("dapp.gateway.case-view.wait-in-open-state", () -> "1h");
    }
}
