package uk.dapp.platform.security;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;

/**
 * How a Keycloak access token is judged, in one place for the gateway and every service:
 * the fixed issuer, our audience, its validity window, and realm roles as authorities.
 */
public final class KeycloakJwt {

    private KeycloakJwt() {}

    public static OAuth2TokenValidator<Jwt> validator(String issuer, String audience, Duration clockSkew) {
        OAuth2TokenValidator<Jwt> audienceValidator =
                jwt -> jwt.getAudience() != null && jwt.getAudience().contains(audience)
                        ? OAuth2TokenValidatorResult.success()
                        : OAuth2TokenValidatorResult.failure(
                                new OAuth2Error("invalid_token", "the token is not meant for " + audience, null));
        return new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(clockSkew), new JwtIssuerValidator(issuer), audienceValidator);
    }

    /** {@code realm_access.roles} as {@code ROLE_<role>} authorities. */
    public static Collection<GrantedAuthority> realmRoleAuthorities(Jwt jwt) {
        Map<String, Object> realmAccess = jwt.getClaimAsMap("realm_access");
        if (realmAccess == null || !(realmAccess.get("roles") instanceof Collection<?> roles)) {
            return List.of();
        }
        return roles.stream()
                .map(String::valueOf)
                .<GrantedAuthority>map(role -> new SimpleGrantedAuthority(Roles.authority(role)))
                .toList();
    }

    /** The teams the person belongs to: the {@code teams} claim (their Keycloak groups), sorted, never null. */
    public static List<String> teams(Jwt jwt) {
        return names(jwt, TEAMS_CLAIM);
    }

    /** The areas the person's teams cover: the {@code areas} claim (each group's {@code area} attribute). */
    public static List<String> areas(Jwt jwt) {
        return names(jwt, AREAS_CLAIM);
    }

    public static final String TEAMS_CLAIM = "teams";
    public static final String AREAS_CLAIM = "areas";

    private static List<String> names(Jwt jwt, String claim) {
        if (!(jwt.getClaims().get(claim) instanceof Collection<?> values)) {
            return List.of();
        }
        return values.stream()
                .filter(String.class::isInstance)
                .map(String.class::cast)
                .map(String::strip)
                .filter(value -> !value.isEmpty())
                .distinct()
                .sorted()
                .toList();
    }

    /** The name a person is known by in audit and records: Keycloak's preferred_username, else the subject. */
    public static String username(Jwt jwt) {
        String preferred = jwt.getClaimAsString("preferred_username");
        return preferred != null ? preferred : jwt.getSubject();
    }
}
