package uk.dapp.platform.calls;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.endpoint.RestClientClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.web.client.RestClient;

/**
 * This service's own account in Keycloak (OAuth 2 client credentials), through Spring Security's
 * OAuth 2 client: an {@link AuthorizedClientServiceOAuth2AuthorizedClientManager}, which needs no
 * HTTP request in hand, so the outbox relay's threads use it as a request thread does. The token is
 * kept until {@link #REFRESH_BEFORE_EXPIRY} before it expires and then fetched afresh; a receiver's
 * 401 forgets it. A token endpoint that fails makes the call fail like any other failure (the outbox
 * tries again later). Receivers authorise the service account's realm role like any caller's.
 */
public final class ServiceAccount {

    /** The one client registration: this service's account. */
    public static final String REGISTRATION_ID = "dapp-service-account";

    static final Duration REFRESH_BEFORE_EXPIRY = Duration.ofSeconds(30);

    private final OAuth2AuthorizedClientManager manager;
    private final OAuth2AuthorizedClientService clients;
    private final Authentication principal;

    private ServiceAccount(
            OAuth2AuthorizedClientManager manager, OAuth2AuthorizedClientService clients, String clientId) {
        this.manager = manager;
        this.clients = clients;
        // every caller shares one token: the account itself, whatever user or thread the call is made for
        this.principal = UsernamePasswordAuthenticationToken.unauthenticated(clientId, null);
    }

    /**
     * @param tokenClient the builder the token requests are made with (the auto-configured one, so that
     *                    they are observed like every other outgoing call)
     */
    public static ServiceAccount clientCredentials(
            URI tokenUri,
            String clientId,
            String clientSecret,
            Clock clock,
            Duration timeout,
            RestClient.Builder tokenClient) {
        ClientRegistration registration = ClientRegistration.withRegistrationId(REGISTRATION_ID)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .clientId(clientId)
                .clientSecret(clientSecret)
                .tokenUri(tokenUri.toString())
                .build();
        InMemoryClientRegistrationRepository registrations =
                new InMemoryClientRegistrationRepository(List.of(registration));
        InMemoryOAuth2AuthorizedClientService clients = new InMemoryOAuth2AuthorizedClientService(registrations);

        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(timeout).build());
        requests.setReadTimeout(timeout);
        RestClientClientCredentialsTokenResponseClient tokens = new RestClientClientCredentialsTokenResponseClient();
        tokens.setRestClient(tokenClient
                .requestFactory(requests)
                .configureMessageConverters(converters -> converters
                        .addCustomConverter(new FormHttpMessageConverter())
                        .addCustomConverter(new OAuth2AccessTokenResponseHttpMessageConverter()))
                .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
                .build());

        AuthorizedClientServiceOAuth2AuthorizedClientManager manager =
                new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, clients);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .clientCredentials(provider -> provider.accessTokenResponseClient(tokens)
                        .clockSkew(REFRESH_BEFORE_EXPIRY)
                        .clock(clock))
                .build());
        return new ServiceAccount(manager, clients, clientId);
    }

    /**
     * Puts the account's bearer token on every request; when a receiver answers 401 the token is
     * forgotten (it may have been revoked, or the realm's keys rotated) and the next call fetches one.
     */
    public ClientHttpRequestInterceptor interceptor() {
        OAuth2ClientHttpRequestInterceptor interceptor = new OAuth2ClientHttpRequestInterceptor(manager);
        interceptor.setClientRegistrationIdResolver(request -> REGISTRATION_ID);
        interceptor.setPrincipalResolver(request -> principal);
        interceptor.setAuthorizationFailureHandler(
                OAuth2ClientHttpRequestInterceptor.authorizationFailureHandler(clients));
        return interceptor;
    }

    /** Forgets the token held, so that the next call fetches one. */
    public void forget() {
        clients.removeAuthorizedClient(REGISTRATION_ID, principal.getName());
    }
}
