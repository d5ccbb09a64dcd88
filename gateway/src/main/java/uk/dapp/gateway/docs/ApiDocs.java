package uk.dapp.gateway.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.webjars.WebJarVersionLocator;
import reactor.core.publisher.Mono;

/**
 * The API documentation for integrators, at {@code /api/docs/} (under {@code /api}, so the one
 * Ingress rule that reaches the gateway reaches it too): Swagger UI over the four contracts as
 * {@code api-specs} holds them, each served with this deployment's Keycloak in its OpenID Connect
 * scheme, so "Authorize" signs in there (public client {@code dapp-api-docs}, PKCE) and "Try it out"
 * calls the API through the gateway (the contracts' relative {@code servers}), where every rule,
 * audit record and rate limit applies. These are files, not API operations: functional routes, so
 * the contract's operations stay the only handlers. Nothing here is secret (the contracts are the
 * project's public files); every file is read once at start-up, and any other name is 404.
 */
@Configuration(proxyBeanMethods = false)
public class ApiDocs {

    static final String PATH = "/api/docs";
    /** The OpenID Connect address the contracts carry: the development Keycloak of {@code ./dapp up}. */
    static final String CONTRACT_ISSUER = "http://127.0.0.1:8180/realms/dapp";

    private static final String DISCOVERY = "/.well-known/openid-configuration";
    private static final String BEARER_ONLY = "\nsecurity:\n  - keycloak: []\n";
    private static final String BEARER_OR_SIGN_IN = "\nsecurity:\n  - keycloak: []\n  - keycloakLogin: []\n";
    private static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");
    private static final MediaType JAVASCRIPT = MediaType.parseMediaType("text/javascript;charset=UTF-8");
    private static final MediaType CSS = MediaType.parseMediaType("text/css;charset=UTF-8");
    private static final MediaType YAML = MediaType.parseMediaType("application/yaml;charset=UTF-8");

    /** Whether a request path is the documentation's (public: no token, so no user's rate limit to spend). */
    public static boolean isDocumentation(String path) {
        return path.equals(PATH) || path.startsWith(PATH + "/");
    }

    private record File(byte[] body, MediaType type, boolean page) {}

    @Bean
    RouterFunction<ServerResponse> apiDocumentation(
            @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String configuredIssuer) {
        String issuer = configuredIssuer.endsWith("/")
                ? configuredIssuer.substring(0, configuredIssuer.length() - 1)
                : configuredIssuer;
        URI keycloak = URI.create(issuer);
        String keycloakOrigin = keycloak.getScheme() + "://" + keycloak.getAuthority();
        // Swagger UI's scripts are served from here; it fetches Keycloak's discovery document and token; React
        // sets style attributes (hence 'unsafe-inline' for styles, never for scripts)
        String pagePolicy =
                "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                        + "connect-src 'self' " + keycloakOrigin + "; form-action 'self' " + keycloakOrigin
                        + "; frame-ancestors 'none'; base-uri 'none'";

        Map<String, File> files = new LinkedHashMap<>();
        files.put("", new File(read("api-docs/index.html"), HTML, true));
        files.put("initializer.js", new File(read("api-docs/initializer.js"), JAVASCRIPT, true));
        WebJarVersionLocator webJars = new WebJarVersionLocator();
        Map.of(
                        "swagger-ui.css",
                        CSS,
                        "swagger-ui-bundle.js",
                        JAVASCRIPT,
                        "swagger-ui-standalone-preset.js",
                        JAVASCRIPT,
                        "oauth2-redirect.html",
                        HTML,
                        "oauth2-redirect.js",
                        JAVASCRIPT,
                        "favicon-32x32.png",
                        MediaType.IMAGE_PNG)
                .forEach((name, type) ->
                        files.put(name, new File(read(webJars.fullPath("swagger-ui", name)), type, type.equals(HTML))));
        for (String contract :
                new String[] {"gateway", "risk-matrix-service", "programme-service", "partner-support-service", "common"
                }) {
            String text = new String(read("openapi/" + contract + ".yaml"), StandardCharsets.UTF_8)
                    .replace(CONTRACT_ISSUER + DISCOVERY, issuer + DISCOVERY)
                    // the sign-in the contract declares, as an alternative to a bearer token given by hand (the
                    // files require the bearer scheme only, the one the generated clients know)
                    .replace(BEARER_ONLY, BEARER_OR_SIGN_IN);
            files.put("specs/" + contract + ".yaml", new File(text.getBytes(StandardCharsets.UTF_8), YAML, false));
        }

        return RouterFunctions.route()
                .GET(
                        PATH,
                        request -> ServerResponse.status(302)
                                .location(URI.create(PATH + "/"))
                                .build())
                .GET(PATH + "/**", request -> {
                    File file = files.get(request.path().substring(PATH.length() + 1));
                    if (file == null) {
                        return ServerResponse.notFound().build();
                    }
                    ServerResponse.BodyBuilder response = ServerResponse.ok().contentType(file.type());
                    if (file.page()) {
                        response.header("Content-Security-Policy", pagePolicy);
                    } else if (!file.type().equals(YAML)) {
                        // Swagger UI's own files change only with its version
                        response.cacheControl(CacheControl.maxAge(Duration.ofHours(1)));
                    }
                    return response.body(Mono.just(file.body()), byte[].class);
                })
                .build();
    }

    private static byte[] read(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("the gateway jar lacks " + path, e);
        }
    }
}
