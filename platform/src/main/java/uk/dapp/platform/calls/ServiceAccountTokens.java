package uk.dapp.platform.calls;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * This service's own access token from Keycloak (OAuth 2 client credentials), kept until shortly
 * before it expires. Receivers authorise the service account's realm role like any caller's.
 */
public final class ServiceAccountTokens {

    private static final Duration REFRESH_BEFORE_EXPIRY = Duration.ofSeconds(30);

    private final URI tokenUri;
    private final String clientId;
    private final String clientSecret;
    private final Clock clock;
    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();
    private String token;
    private Instant refreshAt = Instant.MIN;

    public ServiceAccountTokens(URI tokenUri, String clientId, String clientSecret, Clock clock, Duration timeout) {
        this.tokenUri = tokenUri;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    public synchronized String token() {
        if (token != null && clock.instant().isBefore(refreshAt)) {
            return token;
        }
        String form = "grant_type=client_credentials&client_id=" + encode(clientId) + "&client_secret="
                + encode(clientSecret);
        HttpRequest request = HttpRequest.newBuilder(tokenUri).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused the service account " + clientId + " (HTTP "
                        + response.statusCode() + ")");
            }
            JsonNode body = json.readTree(response.body());
            Instant now = clock.instant();
            token = body.get("access_token").asString();
            refreshAt = now.plusSeconds(body.get("expires_in").asLong()).minus(REFRESH_BEFORE_EXPIRY);
            return token;
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak unreachable at " + tokenUri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking Keycloak for a token", e);
        }
    }

    /** Forgets the token (a receiver answered 401: it may have been revoked or the keys rotated). */
    public synchronized void forget() {
        token = null;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
