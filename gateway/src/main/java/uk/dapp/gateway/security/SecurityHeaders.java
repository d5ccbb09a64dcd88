package uk.dapp.gateway.security;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The security headers on every response, the gateway's own errors included (a route filter such
 * as SecureHeaders would miss 401 and 404). Spring Security writes them just before the response
 * is committed, after a service's headers have been copied in, and each header is added only when
 * it is absent, so a header a service already set is kept, never doubled.
 * HSTS is sent over HTTPS only.
 *
 * <p>Answers given before the security chain runs (a path its firewall refuses, a request line or
 * headers too large to decode) write the same {@link #HEADERS} themselves.
 */
public final class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

    /** Every security header and its value, in one place. */
    public static final Map<String, String> HEADERS;

    static {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        // API answers hold personal data: never stored by a browser or proxy
        headers.put("Cache-Control", "no-store");
        HEADERS = java.util.Collections.unmodifiableMap(headers);
    }

    private SecurityHeaders() {}

    static void configure(ServerHttpSecurity.HeaderSpec headers) {
        // Spring's own writers for these would write other values (Cache-Control) or none (CSP): one writer each
        // instead
        headers.contentTypeOptions(ServerHttpSecurity.HeaderSpec.ContentTypeOptionsSpec::disable)
                .frameOptions(ServerHttpSecurity.HeaderSpec.FrameOptionsSpec::disable)
                .cache(ServerHttpSecurity.HeaderSpec.CacheSpec::disable);
        headers.writer(SecurityHeaders::writeMissing);
    }

    /**
     * Each header the response does not hold yet, as one writer for all of them (Spring's static writers, one a
     * header, were one more Reactor step each on every answer).
     */
    private static Mono<Void> writeMissing(ServerWebExchange exchange) {
        HttpHeaders response = exchange.getResponse().getHeaders();
        HEADERS.forEach((name, value) -> {
            if (!response.containsHeader(name)) {
                response.set(name, value);
            }
        });
        return Mono.empty();
    }

    /** Writes every header, for answers given outside the security chain. */
    public static void writeTo(BiConsumer<String, String> headers) {
        HEADERS.forEach(headers);
    }
}
