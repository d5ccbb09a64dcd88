package uk.dapp.gateway.security;

import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.StaticServerHttpHeadersWriter;

/**
 * The security headers on every response, the gateway's own errors included (a route filter such
 * as SecureHeaders would miss 401 and 404). Spring Security writes them just before the response
 * is committed, after a service's headers have been copied in, and each writer adds its header
 * only when it is absent, so a header a service already set is kept, never doubled.
 * HSTS is sent over HTTPS only.
 */
final class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

    private SecurityHeaders() {
    }

    static void configure(ServerHttpSecurity.HeaderSpec headers) {
        headers.contentTypeOptions(options -> { })
                .frameOptions(options -> { }) // DENY
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                // API answers hold personal data: never stored by a browser or proxy
                .cache(cache -> cache.disable())
                .writer(StaticServerHttpHeadersWriter.builder().header("Cache-Control", "no-store").build());
    }
}
