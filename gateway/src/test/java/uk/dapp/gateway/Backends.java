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

    private Backends() {
    }

    private static WireMockServer start() {
        WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
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

    /** Keycloak at WireMock and a short response timeout, so the slow-service test is quick. */
    static void registerIssuerAndTimeouts(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", Backends::issuer);
        registry.add("spring.cloud.gateway.server.webflux.httpclient.response-timeout", () -> "1500ms");
    }
}
