package uk.dapp.web.partnersupport;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;

/**
 * A signed-in user as Keycloak's sign-in makes one in the app: named by {@code preferred_username}
 * (the registration's user name attribute), which is who "Allocate to me" names.
 */
final class SignedInWorker {

    private SignedInWorker() {}

    static OidcLoginRequestPostProcessor as(ClientRegistration keycloak, String role) {
        String username = "demo-" + role;
        OidcIdToken token = new OidcIdToken(
                "id-token",
                Instant.now(),
                Instant.now().plusSeconds(300),
                Map.of("sub", "0b6c1f6e-" + role, "preferred_username", username, "name", "Demo " + role));
        List<SimpleGrantedAuthority> authorities = List.of(new SimpleGrantedAuthority("ROLE_" + role));
        return oidcLogin()
                .clientRegistration(keycloak)
                .oidcUser(new DefaultOidcUser(authorities, token, "preferred_username"));
    }
}
