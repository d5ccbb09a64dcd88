package uk.dapp.platform.security;

import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Who is calling, as the handlers and the audit writer need it. */
public record CurrentUser(String userId, String username, List<String> roles) {

    public static CurrentUser get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            throw new IllegalStateException("no authenticated caller");
        }
        List<String> roles = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring("ROLE_".length()))
                .sorted()
                .toList();
        if (authentication instanceof JwtAuthenticationToken token) {
            return new CurrentUser(token.getToken().getSubject(), KeycloakJwt.username(token.getToken()), roles);
        }
        return new CurrentUser(authentication.getName(), authentication.getName(), roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
