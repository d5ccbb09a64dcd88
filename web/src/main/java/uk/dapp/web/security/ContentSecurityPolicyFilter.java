package uk.dapp.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A Content-Security-Policy with a fresh nonce for every response and no {@code unsafe-inline}.
 * The one inline script GOV.UK Frontend needs (it marks the body as JavaScript-enabled before
 * anything renders) carries the nonce, which pages read as {@code ${cspNonce}}; every other script
 * and style is a file the app serves. Forms may post to the app and to Keycloak (signing out
 * redirects there, and browsers hold redirects after a form to form-action).
 */
public final class ContentSecurityPolicyFilter extends OncePerRequestFilter {

    /** The request attribute (and template variable) holding this response's nonce. */
    public static final String NONCE = "cspNonce";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String keycloakOrigin;

    public ContentSecurityPolicyFilter(String keycloakIssuer) {
        URI issuer = URI.create(keycloakIssuer);
        this.keycloakOrigin = issuer.getScheme() + "://" + issuer.getAuthority();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        String nonce = Base64.getEncoder().encodeToString(bytes);
        request.setAttribute(NONCE, nonce);
        response.setHeader("Content-Security-Policy", policy(nonce));
        chain.doFilter(request, response);
    }

    String policy(String nonce) {
        return "default-src 'self'; script-src 'self' 'nonce-" + nonce + "'; style-src 'self'; img-src 'self' data:; "
                + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
                + "form-action 'self' " + keycloakOrigin;
    }
}
