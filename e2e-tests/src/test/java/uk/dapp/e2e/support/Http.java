package uk.dapp.e2e.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import uk.dapp.demo.load.Gateway;

/** Plain HTTP for what a generated client hides: raw status codes, headers and bodies. */
public final class Http {

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {}

    /** Sends the request; a 429 waits for its Retry-After and asks again, as {@link Rest}'s clients do. */
    public static HttpResponse<String> send(HttpRequest request) {
        try {
            for (int attempt = 0; ; attempt++) {
                HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 429 || attempt >= 30) {
                    return response;
                }
                Thread.sleep(Gateway.retryAfterMillis(
                        response.headers().firstValue("Retry-After").orElse("1")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static HttpResponse<String> get(String url, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.GET().build());
    }

    public static HttpResponse<String> send(String method, String url, String token, String json) {
        return send(method, url, token, json, Map.of());
    }

    public static HttpResponse<String> send(
            String method, String url, String token, String json, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        headers.forEach(request::header);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return send(request.method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    public static HttpResponse<String> postForm(String url, Map<String, String> form, String bearer) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "="
                        + java.net.URLEncoder.encode(e.getValue(), java.nio.charset.StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded");
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }
}
