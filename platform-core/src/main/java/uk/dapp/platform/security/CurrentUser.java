package uk.dapp.platform.security;

import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is calling, as the handlers and the audit writer need it: their realm roles, and the teams
 * they belong to and the areas those teams cover (the {@code teams} and {@code areas} claims, ADR
 * 0012; empty for service accounts and for people in no team). {@link uk.dapp.platform.team.CaseScope}
 * turns them into what the caller may see.
 */
public record CurrentUser(String userId, String username, List<String> roles, List<String> teams, List<String> areas) {

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
            return new CurrentUser(
                    token.getToken().getSubject(),
                    KeycloakJwt.username(token.getToken()),
                    roles,
                    KeycloakJwt.teams(token.getToken()),
                    KeycloakJwt.areas(token.getToken()));
        }
        return new CurrentUser(authentication.getName(), authentication.getName(), roles, List.of(), List.of());
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
