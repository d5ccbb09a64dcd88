package uk.dapp.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.yaml.snakeyaml.Yaml;

/**
 * Issue 19 item 14: Swagger UI for each API through the gateway, for integrators. Anyone may read the
 * documentation (the contracts are public files); each contract comes with relative {@code servers}
 * that lead through the gateway and an OpenID Connect scheme naming this deployment's Keycloak, not
 * the development one the files carry; the page's own policy lets Swagger UI run and reach Keycloak,
 * and nothing else on the API changes.
 */
class ApiDocsTest extends GatewayTest {

    @Test
    void theDocumentationIsSwaggerUiOverTheContractsWithoutAToken() {
        String page = client.get()
                .uri("/api/docs/")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(page)
                .contains("<script src=\"swagger-ui-bundle.js\"></script>", "<script src=\"initializer.js\"></script>")
                .doesNotContain("<script>");
        String initializer = client.get()
                .uri("/api/docs/initializer.js")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(initializer)
                .contains(
                        "specs/programme-service.yaml",
                        "specs/risk-matrix-service.yaml",
                        "specs/partner-support-service.yaml",
                        "specs/gateway.yaml",
                        "clientId: \"dapp-api-docs\"",
                        "usePkceWithAuthorizationCodeGrant: true");
        // Swagger UI's bundle is 1.7 MB
        var large = client.mutate()
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024))
                .build();
        for (String file : List.of(
                "swagger-ui-bundle.js", "swagger-ui-standalone-preset.js", "swagger-ui.css", "oauth2-redirect.js")) {
            byte[] body = large.get()
                    .uri("/api/docs/" + file)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .returnResult()
                    .getResponseBody();
            assertThat(body).as(file).isNotEmpty();
        }
        client.get()
                .uri("/api/docs")
                .exchange()
                .expectStatus()
                .isFound()
                .expectHeader()
                .location("/api/docs/");
    }

    @Test
    void eachContractLeadsThroughTheGatewayAndSignsInAtThisDeploymentsKeycloak() {
        Map<String, String> servers = Map.of(
                "programme-service",
                "/api/programme",
                "risk-matrix-service",
                "/api/risk-matrix",
                "partner-support-service",
                "/api/partner-support",
                "gateway",
                "/");
        servers.forEach((name, server) -> {
            String text = client.get()
                    .uri("/api/docs/specs/" + name + ".yaml")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody(String.class)
                    .returnResult()
                    .getResponseBody();
            Map<String, Object> contract = new Yaml().load(text);
            assertThat(contract.get("servers")).as(name).asString().contains("url=" + server + ",");
            assertThat(contract.get("security"))
                    .as(name + ": Swagger UI sends the token of either scheme")
                    .isEqualTo(List.of(Map.of("keycloak", List.of()), Map.of("keycloakLogin", List.of())));
            @SuppressWarnings("unchecked")
            Map<String, Object> login = (Map<String, Object>)
                    ((Map<String, Object>) ((Map<String, Object>) contract.get("components")).get("securitySchemes"))
                            .get("keycloakLogin");
            assertThat(login.get("type")).isEqualTo("openIdConnect");
            assertThat(login.get("openIdConnectUrl"))
                    .as(name)
                    .isEqualTo(Backends.issuer() + "/.well-known/openid-configuration");
            assertThat(text)
                    .as("the development Keycloak's address is replaced")
                    .doesNotContain("http://127.0.0.1:8180/realms/dapp");
        });
        // the shared parts the contracts refer to (./common.yaml), as they are
        String common = client.get()
                .uri("/api/docs/specs/common.yaml")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(common).isEqualTo(new String(readResource("openapi/common.yaml"), StandardCharsets.UTF_8));
    }

    @Test
    void nothingButTheNamedFilesIsServed() {
        for (String path : List.of(
                "/api/docs/specs/secrets.yaml",
                "/api/docs/application.yml",
                "/api/docs/index.css",
                "/api/docs/specs/..%2Fapplication.yml")) {
            client.get()
                    .uri(raw(path))
                    .exchange()
                    .expectStatus()
                    .value(status -> assertThat(status).as(path).isIn(400, 404));
        }
    }

    @Test
    void thePagesMayRunSwaggerUiAndReachKeycloakWhileTheApiKeepsItsPolicy() {
        String origin = java.net.URI.create(Backends.issuer()).getScheme() + "://"
                + java.net.URI.create(Backends.issuer()).getAuthority();
        for (String page : List.of("/api/docs/", "/api/docs/oauth2-redirect.html")) {
            client.get()
                    .uri(page)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .values(
                            "Content-Security-Policy",
                            values -> assertThat(values)
                                    .singleElement()
                                    .asString()
                                    .contains(
                                            "script-src 'self';",
                                            "connect-src 'self' " + origin + ";",
                                            "frame-ancestors 'none'")
                                    .doesNotContain("'unsafe-eval'")
                                    .doesNotContainPattern("script-src[^;]*unsafe-inline"))
                    .expectHeader()
                    .values("X-Frame-Options", values -> assertThat(values).containsExactly("DENY"));
        }
        client.get()
                .uri("/api/programme/referrals")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .values(
                        "Content-Security-Policy",
                        values -> assertThat(values).containsExactly("default-src 'none'; frame-ancestors 'none'"));
    }

    private static byte[] readResource(String path) {
        try (var in = ApiDocsTest.class.getClassLoader().getResourceAsStream(path)) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
