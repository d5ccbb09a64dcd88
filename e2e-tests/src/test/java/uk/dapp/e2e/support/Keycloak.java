package uk.dapp.e2e.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The real Keycloak, started and stopped with the project's own script; tokens by the password grant. */
public final class Keycloak {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path instance;
    private final int port;
    private final int managementPort;
    private final java.util.concurrent.ConcurrentMap<String, CachedToken> tokens =
            new java.util.concurrent.ConcurrentHashMap<>();

    Keycloak(Path instance, int port, int managementPort) {
        this.instance = instance;
        this.port = port;
        this.managementPort = managementPort;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public String issuer() {
        return url() + "/realms/dapp";
    }

    void start() {
        script("start", instance.toString(), String.valueOf(port), String.valueOf(managementPort));
    }

    void awaitReady() {
        script("wait", instance.toString(), String.valueOf(port), String.valueOf(managementPort), "300");
    }

    void stop() {
        script("stop", instance.toString());
    }

    /**
     * An access token of the demo user for the role, reused while it has more than a minute to live
     * (the realm's tokens live 5 minutes; a run with its kill-and-restart tests lasts longer).
     */
    public String tokenFor(String role) {
        Instant now = Instant.now();
        CachedToken cached = tokens.get(role);
        if (cached == null || now.isAfter(cached.fetchedAt().plus(REUSE_FOR))) {
            cached = new CachedToken(passwordGrant(url(), "demo-" + role, "demo"), now);
            tokens.put(role, cached);
        }
        return cached.token();
    }

    private static final java.time.Duration REUSE_FOR = java.time.Duration.ofMinutes(4);

    private record CachedToken(String token, Instant fetchedAt) {}

    /** Asks Keycloak at the given base URL (for example through {@code localhost}) for a user's token. */
    public String passwordGrant(String baseUrl, String username, String password) {
        return accessToken(Http.postForm(
                baseUrl + "/realms/dapp/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", "dapp-cli", "username", username, "password", password),
                null));
    }

    public String clientCredentials(String clientId, String secret) {
        return accessToken(Http.postForm(
                issuer() + "/protocol/openid-connect/token",
                Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret),
                null));
    }

    /** A master-realm admin token (dev-mode bootstrap admin), for setting up test-only clients. */
    public String adminToken() {
        return accessToken(Http.postForm(
                url() + "/realms/master/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", "admin"),
                null));
    }

    /**
     * A new user of the realm under a unique name, a member of the team's group holding the realm role,
     * as an admin would add a practitioner: for a test that needs someone of its own (a case manager
     * with an empty caseload, say) rather than a demo user other tests also fill. Answers the username.
     */
    public String newTeamMember(String team, String role) {
        String username =
                "e2e-" + role + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String admin = adminToken();
        String users = url() + "/admin/realms/dapp/users";
        HttpResponse<String> created = Http.send("POST", users, admin, """
                {"username":"%s","enabled":true,"groups":["/%s"]}""".formatted(username, team));
        if (created.statusCode() != 201) {
            throw new IllegalStateException(
                    "Keycloak refused the user: " + created.statusCode() + " " + created.body());
        }
        String location = created.headers().firstValue("Location").orElseThrow();
        String userId = location.substring(location.lastIndexOf('/') + 1);
        HttpResponse<String> roleFound = Http.get(url() + "/admin/realms/dapp/roles/" + role, admin);
        HttpResponse<String> mapped =
                Http.send("POST", users + "/" + userId + "/role-mappings/realm", admin, "[" + roleFound.body() + "]");
        if (roleFound.statusCode() != 200 || mapped.statusCode() != 204) {
            throw new IllegalStateException(
                    "Keycloak refused the role " + role + ": " + mapped.statusCode() + " " + mapped.body());
        }
        return username;
    }

    private static String accessToken(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "Keycloak refused a token: " + response.statusCode() + " " + response.body());
        }
        JsonNode body = JSON.readTree(response.body());
        return body.get("access_token").asString();
    }

    private static void script(String... arguments) {
        String[] command = new String[arguments.length + 2];
        command[0] = "bash";
        command[1] = TheSystem.ROOT.resolve("scripts/keycloak.sh").toString();
        System.arraycopy(arguments, 0, command, 2, arguments.length);
        try {
            Process process = new ProcessBuilder(command)
                    .directory(TheSystem.ROOT.toFile())
                    .inheritIO()
                    .start();
            if (!process.waitFor(600, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("scripts/keycloak.sh " + arguments[0] + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
