package uk.dapp.web.security;

import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import uk.dapp.web.WebProperties;

/**
 * The web app as Keycloak's confidential client {@code dapp-web}. The endpoints are derived from
 * the issuer rather than discovered at start-up: the browser is sent to the public issuer's
 * login and logout pages, while the web app reaches the token endpoint and key set on the back
 * channel (in a cluster, Keycloak's internal address: the NetworkPolicy allows nothing else).
 */
@Configuration(proxyBeanMethods = false)
public class KeycloakRegistration {

    /** The registration ID, in {@code /oauth2/authorization/keycloak} and the redirect URI. */
    public static final String ID = "keycloak";

    @Bean
    ClientRegistrationRepository clientRegistrations(WebProperties properties) {
        WebProperties.Keycloak keycloak = properties.keycloak();
        if (keycloak.clientSecret() == null || keycloak.clientSecret().isBlank()) {
            throw new IllegalStateException(
                    "dapp.web.keycloak.client-secret (DAPP_WEB_CLIENT_SECRET) is not set: the web "
                            + "app is a confidential client of Keycloak");
        }
        String browser = keycloak.issuer() + "/protocol/openid-connect";
        String backchannel = keycloak.backchannel() + "/protocol/openid-connect";
        ClientRegistration registration = ClientRegistration.withRegistrationId(ID)
                .clientName("Keycloak")
                .clientId(keycloak.clientId())
                .clientSecret(keycloak.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile")
                .authorizationUri(browser + "/auth")
                .tokenUri(backchannel + "/token")
                .jwkSetUri(backchannel + "/certs")
                .issuerUri(keycloak.issuer())
                .userNameAttributeName("preferred_username")
                // RP-initiated logout: signing out here ends the Keycloak session too
                .providerConfigurationMetadata(Map.of("end_session_endpoint", browser + "/logout"))
                // PKCE (S256) although the client is confidential: a stolen code is useless without the verifier
                .clientSettings(ClientRegistration.ClientSettings.builder()
                        .requireProofKey(true)
                        .build())
                .build();
        return new InMemoryClientRegistrationRepository(registration);
    }
}
