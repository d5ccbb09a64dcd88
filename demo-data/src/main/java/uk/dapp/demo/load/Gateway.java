package uk.dapp.demo.load;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The generated clients of each service's contract, pointed at the gateway ({@code /api/<service>})
 * with a demo user's real Keycloak token (password grant, fetched again before it expires). The
 * gateway's rate limit is honoured: a 429 waits for its Retry-After and asks again. Safe to share
 * between threads; it counts the requests it made and the waits the rate limit caused.
 */
public final class Gateway {

    public static final String OFFENDER_MANAGER = "demo-offender-manager";
    public static final String FACILITATOR = "demo-facilitator";
    public static final String SERVICE_MANAGER = "demo-service-manager";
    public static final String PARTNER_SUPPORT_WORKER = "demo-partner-support-worker";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration REUSE_TOKEN_FOR = Duration.ofMinutes(4);
    private static final int RATE_LIMIT_RETRIES = 30;

    private final String gatewayUrl;
    private final String tokenEndpoint;
    private final String password;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final RestClient restClient;

    private final Traffic traffic = new Traffic();

    private record Token(String value, Instant fetchedAt) {}

    /** Requests sent to the gateway, 429s among them and the time spent waiting on them, across threads. */
    public static final class Traffic {
        private final AtomicLong requests = new AtomicLong();
        private final AtomicLong rateLimited = new AtomicLong();
        private final AtomicLong waitedMillis = new AtomicLong();

        public long requests() {
            return requests.get();
        }

        public long rateLimited() {
            return rateLimited.get();
        }

        public long waitedMillis() {
            return waitedMillis.get();
        }
    }

    public Gateway(String gatewayUrl, String keycloakUrl, String password) {
        this.gatewayUrl = strip(gatewayUrl);
        this.tokenEndpoint = strip(keycloakUrl) + "/realms/dapp/protocol/openid-connect/token";
        this.password = password;
        this.restClient = uk.dapp.client.riskmatrix.ApiClient.buildRestClientBuilder()
                .requestInterceptor(waitOnRateLimit(traffic))
                .build();
    }

    public Traffic traffic() {
        return traffic;
    }

    public uk.dapp.client.riskmatrix.ApiClient riskMatrix(String user) {
        return client(
                new uk.dapp.client.riskmatrix.ApiClient(restClient),
                "risk-matrix",
                user,
                uk.dapp.client.riskmatrix.ApiClient::setBasePath,
                uk.dapp.client.riskmatrix.ApiClient::setBearerToken);
    }

    public uk.dapp.client.programme.ApiClient programme(String user) {
        return client(
                new uk.dapp.client.programme.ApiClient(restClient),
                "programme",
                user,
                uk.dapp.client.programme.ApiClient::setBasePath,
                uk.dapp.client.programme.ApiClient::setBearerToken);
    }

    public uk.dapp.client.partnersupport.ApiClient partnerSupport(String user) {
        return client(
                new uk.dapp.client.partnersupport.ApiClient(restClient),
                "partner-support",
                user,
                uk.dapp.client.partnersupport.ApiClient::setBasePath,
                uk.dapp.client.partnersupport.ApiClient::setBearerToken);
    }

    private <C> C client(
            C client,
            String service,
            String user,
            java.util.function.BiConsumer<C, String> basePath,
            java.util.function.BiConsumer<C, java.util.function.Supplier<String>> bearer) {
        basePath.accept(client, gatewayUrl + "/api/" + service);
        bearer.accept(client, () -> token(user));
        return client;
    }

    /** The user's access token, reused while it has more than a minute to live (the realm's live 5 minutes). */
    public String token(String user) {
        // one grant per user when several threads act as him at once
        return tokens.compute(
                        user,
                        (name, cached) -> cached == null
                                        || Instant.now()
                                                .isAfter(cached.fetchedAt().plus(REUSE_TOKEN_FOR))
                                ? new Token(passwordGrant(name), Instant.now())
                                : cached)
                .value();
    }

    private String passwordGrant(String user) {
        Map<String, String> form =
                Map.of("grant_type", "password", "client_id", "dapp-cli", "username", user, "password", password);
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(tokenEndpoint))
                            .timeout(Duration.ofSeconds(20))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token for " + user + ": " + response.statusCode());
            }
            JsonNode json = JSON.readTree(response.body());
            return json.get("access_token").asString();
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak at " + tokenEndpoint + " did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Honours the gateway's rate limit as a well-behaved client does: a 429 waits for its Retry-After and asks again. */
    public static ClientHttpRequestInterceptor waitOnRateLimit() {
        return waitOnRateLimit(new Traffic());
    }

    private static ClientHttpRequestInterceptor waitOnRateLimit(Traffic traffic) {
        return (request, body, execution) -> {
            for (int attempt = 0; ; attempt++) {
                traffic.requests.incrementAndGet();
                ClientHttpResponse response = execution.execute(request, body);
                if (response.getStatusCode().value() != HttpStatus.TOO_MANY_REQUESTS.value()
                        || attempt >= RATE_LIMIT_RETRIES) {
                    return response;
                }
                String retryAfter = response.getHeaders().getFirst("Retry-After");
                response.close();
                long wait = retryAfterMillis(retryAfter);
                traffic.rateLimited.incrementAndGet();
                traffic.waitedMillis.addAndGet(wait);
                sleep(Duration.ofMillis(wait));
            }
        };
    }

    /** A Retry-After in seconds as milliseconds to wait, kept between 100 ms and 10 s. */
    public static long retryAfterMillis(String header) {
        try {
            return Math.max(100, Math.min(10_000, Long.parseLong(header.trim()) * 1000));
        } catch (RuntimeException notSeconds) {
            return 1000;
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
