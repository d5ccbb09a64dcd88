package uk.dapp.web.security;

import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import uk.dapp.web.WebProperties;

/**
 * Sign-in, sign-out, sessions and the security headers (ADR 0011).
 *
 * <ul>
 * <li>Every page needs a signed-in user; an anonymous request goes straight to Keycloak
 * (authorization code with PKCE). The tokens stay in the server session
 * ({@code OAuth2AuthorizedClientRepository}) and never reach the browser.</li>
 * <li>Signing out ({@code POST /sign-out}, CSRF-protected like every form) ends the session here
 * and Keycloak's (RP-initiated logout), then lands on {@code /signed-out}.</li>
 * <li>A request with a session cookie the server no longer knows (the idle timeout passed, or the
 * server restarted) lands on {@code /session-ended}.</li>
 * <li>Headers: a nonce-based Content-Security-Policy ({@link ContentSecurityPolicyFilter}),
 * {@code Cache-Control: no-store} on everything but the static files, no framing, no referrer
 * beyond the origin, no sniffing, HSTS on HTTPS.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    /** GOV.UK Frontend's files and the app's own script and styles: public, cacheable, no session. */
    @Bean
    @Order(1)
    SecurityFilterChain staticFiles(HttpSecurity http) throws Exception {
        // prometheus: Prometheus has no token; in a cluster the actuator is on the management port only the
        // monitoring namespace reaches, and the public port serves none of it (ADR 0015)
        http.securityMatcher("/govuk/**", "/assets/**", "/app/**", "/actuator/health/**", "/actuator/prometheus")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.disable())
                .csrf(csrf -> csrf.disable()) // GET only: the resource handlers answer nothing else
                .headers(headers -> headers.cacheControl(cache -> cache.disable()));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, ClientRegistrationRepository registrations, WebProperties properties)
            throws Exception {
        OidcClientInitiatedLogoutSuccessHandler signedOut = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        signedOut.setPostLogoutRedirectUri("{baseUrl}/signed-out");
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/signed-out", "/session-ended", "/error")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .oauth2Login(login -> login
                        // no sign-in page of our own: straight to Keycloak's
                        .loginPage("/oauth2/authorization/" + KeycloakRegistration.ID)
                        .authorizationEndpoint(
                                endpoint -> endpoint.authorizationRequestResolver(new SignInRequests(registrations)))
                        .userInfoEndpoint(userInfo -> userInfo.userAuthoritiesMapper(new RealmRoles())))
                .oauth2Client(Customizer.withDefaults())
                .logout(logout -> logout.logoutUrl("/sign-out")
                        .logoutSuccessHandler(signedOut)
                        .invalidateHttpSession(true)
                        .deleteCookies("DAPP_SESSION"))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId())
                        .invalidSessionUrl("/session-ended"))
                .addFilterBefore(
                        new ContentSecurityPolicyFilter(properties.keycloak().issuer()), HeaderWriterFilter.class)
                .headers(headers -> headers.frameOptions(frame -> frame.deny())
                        .referrerPolicy(
                                referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .addHeaderWriter(new StaticHeadersWriter(
                                "Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()"))
                        .addHeaderWriter(new StaticHeadersWriter("Cross-Origin-Opener-Policy", "same-origin")));
        return http.build();
    }

    /**
     * Hands out the signed-in user's access token for each call to the gateway, refreshing it with
     * the refresh token a minute before it expires; when the refresh fails the user signs in again.
     */
    @Bean
    OAuth2AuthorizedClientManager authorizedClientManager(
            ClientRegistrationRepository registrations, OAuth2AuthorizedClientRepository authorizedClients) {
        OAuth2AuthorizedClientProvider provider = OAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode()
                .refreshToken(refresh -> refresh.clockSkew(Duration.ofSeconds(60)))
                .build();
        DefaultOAuth2AuthorizedClientManager manager =
                new DefaultOAuth2AuthorizedClientManager(registrations, authorizedClients);
        manager.setAuthorizedClientProvider(provider);
        return manager;
    }
}
