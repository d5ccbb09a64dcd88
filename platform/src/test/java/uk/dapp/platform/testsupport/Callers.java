package uk.dapp.platform.testsupport;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import uk.dapp.platform.security.KeycloakJwt;
import uk.dapp.platform.security.Roles;

/**
 * A caller with one realm role, as a Keycloak token would present them (the token itself is tested
 * end to end). Unless a test says otherwise, a caller belongs to the team {@value #TEAM}, which
 * covers the area {@value #AREA} (ADR 0012).
 */
public final class Callers {

    public static final String TEAM = "test-team";
    public static final String AREA = "Testshire";
    public static final String OTHER_TEAM = "other-team";
    public static final String OTHER_AREA = "Elsewhereshire";

    private Callers() {}

    public static RequestPostProcessor as(String role) {
        return as(role, "test-" + role);
    }

    public static RequestPostProcessor as(String role, String username) {
        return as(role, username, List.of(TEAM), List.of(AREA));
    }

    /** A caller in the given teams, whose teams cover the given areas. */
    public static RequestPostProcessor as(String role, String username, List<String> teams, List<String> areas) {
        String subject = UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8))
                .toString();
        return jwt().jwt(token -> token.subject(subject)
                        .claim("preferred_username", username)
                        .claim(KeycloakJwt.TEAMS_CLAIM, teams)
                        .claim(KeycloakJwt.AREAS_CLAIM, areas))
                .authorities(new SimpleGrantedAuthority(Roles.authority(role)));
    }

    /** A caller of the other team, {@value #OTHER_TEAM}, covering {@value #OTHER_AREA} only. */
    public static RequestPostProcessor ofOtherTeam(String role) {
        return as(role, "other-" + role, List.of(OTHER_TEAM), List.of(OTHER_AREA));
    }
}
