package uk.dapp.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The web app in one shared Spring context, with WireMock standing in for the gateway (the remote
 * service it calls) and signed-in users made by Spring Security's test support, each with an
 * authorized client (access token) in the session, which the tests find on the calls to the gateway.
 */
@SpringBootTest(properties = "dapp.web.secure-cookies=true")
@AutoConfigureMockMvc
public abstract class WebTest {

    protected static final WireMockServer GATEWAY =
            new WireMockServer(WireMockConfiguration.options().dynamicPort());

    static {
        GATEWAY.start();
    }

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        registry.add("dapp.web.gateway-url", GATEWAY::baseUrl);
        // Keycloak's back channel (tokens, keys) on the same WireMock; the browser still goes to the issuer
        registry.add("dapp.web.keycloak.backchannel-url", () -> GATEWAY.baseUrl() + "/realms/dapp");
    }

    @Autowired
    protected MockMvc mvc;

    @BeforeEach
    void resetGateway() {
        GATEWAY.resetAll();
    }

    /** The access token Spring Security's test support gives a signed-in user, kept in the session as at Keycloak sign-in. */
    protected static final String ACCESS_TOKEN = "Bearer access-token";

    @Autowired
    private org.springframework.security.oauth2.client.registration.ClientRegistrationRepository registrations;

    /** A signed-in user of the realm role, signed in through the app's Keycloak registration. */
    protected OidcLoginRequestPostProcessor user(String role) {
        return oidcLogin()
                .clientRegistration(registrations.findByRegistrationId("keycloak"))
                .idToken(token ->
                        token.claim("preferred_username", "demo-" + role).claim("name", "Demo " + role))
                .authorities(new SimpleGrantedAuthority("ROLE_" + role));
    }

    protected OidcLoginRequestPostProcessor offenderManager() {
        return user("offender-manager");
    }
}
