package uk.dapp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import uk.dapp.e2e.support.Http;
import uk.dapp.e2e.support.TheSystem;

/** Only genuine, current tokens for our audience get in; the issuer is fixed whatever host name was used. */
class TokenE2ETest {

    private final TheSystem system = TheSystem.get();

    private String aReadUrl() {
        return system.api("risk-matrix") + "/nominals/000000-000000-000000";
    }

    /** The same read sent to the service itself: every hop checks the token, and each remembers verified ones. */
    private String aDirectReadUrl() {
        return system.service("risk-matrix-service").url() + "/nominals/000000-000000-000000";
    }

    @Test
    void noTokenIs401ProblemJson() {
        HttpResponse<String> response = Http.get(aReadUrl(), null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
    }

    @Test
    void aGenuineTokenGetsThrough() {
        // the all-zero case ID is well formed and holds nothing: 404 proves authentication and the role passed
        assertThat(Http.get(aReadUrl(), system.keycloak().tokenFor("offender-manager"))
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void aForgedTokenIs401() {
        String genuine = system.keycloak().tokenFor("evaluator");
        String forged = asOffenderManager(genuine);
        assertThat(Http.get(aReadUrl(), forged).statusCode()).isEqualTo(401);
        String[] parts = genuine.split("\\.");
        assertThat(Http.get(aReadUrl(), parts[0] + "." + parts[1] + ".c2lnbmF0dXJl")
                        .statusCode())
                .isEqualTo(401);
        assertThat(Http.get(aReadUrl(), "not-a-jwt").statusCode()).isEqualTo(401);
    }

    @Test
    void aForgedCopyOfARememberedTokenIs401AtTheGatewayAndAtTheService() {
        String genuine = system.keycloak().tokenFor("evaluator");
        // both hops have now verified and remembered the genuine token
        assertThat(Http.get(aReadUrl(), genuine).statusCode()).isEqualTo(403);
        assertThat(Http.get(aDirectReadUrl(), genuine).statusCode()).isEqualTo(403);
        String forged = asOffenderManager(genuine);
        // the remembered token's signature with another payload: verified in full, refused
        assertThat(Http.get(aReadUrl(), forged).statusCode()).isEqualTo(401);
        assertThat(Http.get(aDirectReadUrl(), forged).statusCode()).isEqualTo(401);
        // and the genuine one still answers as before
        assertThat(Http.get(aDirectReadUrl(), genuine).statusCode()).isEqualTo(403);
    }

    /** An evaluator's token with the role changed in its payload and its signature kept. */
    private static String asOffenderManager(String genuine) {
        String[] parts = genuine.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"evaluator\"", "\"offender-manager\"");
        return parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + parts[2];
    }

    @Test
    void anExpiredTokenIs401() throws Exception {
        String clientId = "e2e-short-lived-" + System.nanoTime();
        String admin = system.keycloak().adminToken();
        HttpResponse<String> created = Http.send(
                "POST", system.keycloak().url() + "/admin/realms/dapp/clients", admin, """
                {"clientId":"%s","publicClient":true,"directAccessGrantsEnabled":true,"standardFlowEnabled":false,
                 "attributes":{"access.token.lifespan":"2"},
                 "protocolMappers":[{"name":"audience","protocol":"openid-connect","protocolMapper":"oidc-audience-mapper",
                   "config":{"included.custom.audience":"dapp-api","access.token.claim":"true"}}]}""".formatted(clientId));
        assertThat(created.statusCode()).isEqualTo(201);
        String token = Http.postForm(
                        system.keycloak().issuer() + "/protocol/openid-connect/token",
                        java.util.Map.of(
                                "grant_type",
                                "password",
                                "client_id",
                                clientId,
                                "username",
                                "demo-offender-manager",
                                "password",
                                "demo"),
                        null)
                .body()
                .replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
        assertThat(Http.get(aReadUrl(), token).statusCode())
                .as("fresh short-lived token")
                .isEqualTo(404);
        assertThat(Http.get(aDirectReadUrl(), token).statusCode())
                .as("fresh short-lived token, at the service")
                .isEqualTo(404);
        Thread.sleep(4_000);
        // both hops remembered it verified: each refuses it once it has expired
        HttpResponse<String> expired = Http.get(aReadUrl(), token);
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(expired.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        HttpResponse<String> expiredAtService = Http.get(aDirectReadUrl(), token);
        assertThat(expiredAtService.statusCode()).isEqualTo(401);
        assertThat(expiredAtService.headers().firstValue("Content-Type").orElse(""))
                .contains("application/problem+json");
    }

    @Test
    void aTokenFetchedThroughLocalhostStillValidates() {
        String viaLocalhost = system.keycloak()
                .passwordGrant(
                        system.keycloak().url().replace("127.0.0.1", "localhost"), "demo-offender-manager", "demo");
        assertThat(Http.get(aReadUrl(), viaLocalhost).statusCode()).isEqualTo(404);
    }

    @Test
    void aServiceAccountTokenCarriesNoHumanRole() {
        String service = system.keycloak().clientCredentials("svc-programme", "svc-programme-demo-secret");
        assertThat(Http.get(aReadUrl(), service).statusCode()).isEqualTo(403);
    }
}
