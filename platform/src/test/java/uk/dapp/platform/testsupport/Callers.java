package uk.dapp.platform.testsupport;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import uk.dapp.platform.security.Roles;

/** A caller with one realm role, as a Keycloak token would present them (the token itself is tested end to end). */
public final class Callers {

    private Callers() {
    }

    public static RequestPostProcessor as(String role) {
        return as(role, "test-" + role);
    }

    public static RequestPostProcessor as(String role, String username) {
        String subject = UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8)).toString();
        return jwt().jwt(token -> token.subject(subject).claim("preferred_username", username))
                .authorities(new SimpleGrantedAuthority(Roles.authority(role)));
    }
}
