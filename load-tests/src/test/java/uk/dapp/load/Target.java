package uk.dapp.load;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The running system a simulation aims at, from system properties (defaults: {@code ./dapp up}'s
 * ports on 127.0.0.1), and the little it needs before the load starts: a demo user's real
 * Keycloak token (password grant, as the demo loader gets one) and some case IDs to read.
 */
final class Target {

    static final String GATEWAY = property("gateway", "http://127.0.0.1:8080");
    static final String PROGRAMME = property("programme", "http://127.0.0.1:8082");
    static final String KEYCLOAK = property("keycloak", "http://127.0.0.1:8180");
    static final String PASSWORD = property("password", "demo");

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern CASE_ID = Pattern.compile("\"caseId\"\\s*:\\s*\"([0-9A-Z-]+)\"");

    private Target() {}

    static String property(String name, String fallback) {
        return System.getProperty(name, fallback).replaceAll("/+$", "");
    }

    static int intProperty(String name, int fallback) {
        return Integer.getInteger(name, fallback);
    }

    /** A demo user's access token, straight from Keycloak. */
    static String token(String user) {
        String form =
                "grant_type=password&client_id=dapp-cli&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                        + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
        String body = send(HttpRequest.newBuilder(URI.create(KEYCLOAK + "/realms/dapp/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
        Matcher m = TOKEN.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("Keycloak gave no token for " + user);
        }
        return m.group(1);
    }

    /** The distinct case IDs in a JSON answer of {@code url} read with the token. */
    static List<String> caseIds(String url, String token) {
        String body = send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build());
        Set<String> ids = new LinkedHashSet<>();
        Matcher m = CASE_ID.matcher(body);
        while (m.find()) {
            ids.add(m.group(1));
        }
        if (ids.isEmpty()) {
            throw new IllegalStateException(
                    "no case IDs at " + url + " (load the demo population: ./dapp up --demo-data)");
        }
        return new ArrayList<>(ids);
    }

    private static String send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(request.uri() + " answered " + response.statusCode());
            }
            return response.body();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(request.uri() + " did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
