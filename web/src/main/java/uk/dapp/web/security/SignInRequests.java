package uk.dapp.web.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;

/**
 * The authorization requests sent to Keycloak (with PKCE, as the registration requires). A
 * sign-in after the idle timeout asks Keycloak to ask for the password again ({@code prompt=login}):
 * otherwise Keycloak's own session, still alive, would sign the user straight back in.
 */
final class SignInRequests implements OAuth2AuthorizationRequestResolver {

    /** The query parameter of {@code /oauth2/authorization/keycloak} that asks for the password again. */
    static final String AGAIN = "again";

    private final DefaultOAuth2AuthorizationRequestResolver delegate;

    SignInRequests(ClientRegistrationRepository registrations) {
        this.delegate = new DefaultOAuth2AuthorizationRequestResolver(registrations, "/oauth2/authorization");
    }

    @Override
    public OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
        return withPrompt(delegate.resolve(request), request);
    }

    @Override
    public OAuth2AuthorizationRequest resolve(HttpServletRequest request, String clientRegistrationId) {
        return withPrompt(delegate.resolve(request, clientRegistrationId), request);
    }

    private static OAuth2AuthorizationRequest withPrompt(
            OAuth2AuthorizationRequest authorization, HttpServletRequest request) {
        if (authorization == null || request.getParameter(AGAIN) == null) {
            return authorization;
        }
        return OAuth2AuthorizationRequest.from(authorization)
                .additionalParameters(parameters -> parameters.put("prompt", "login"))
                .build();
    }
}
