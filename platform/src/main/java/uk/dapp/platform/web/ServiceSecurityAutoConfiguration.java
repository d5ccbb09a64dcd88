package uk.dapp.platform.web;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import uk.dapp.platform.contract.OpenApiContract;
import uk.dapp.platform.security.KeycloakJwt;
import uk.dapp.platform.security.RememberingJwtDecoder;
import uk.dapp.platform.security.VerifiedTokens;

/**
 * Every service is a stateless resource server: a valid Keycloak token for our audience on every
 * request but health and the API docs, realm roles as authorities. Which roles may call which
 * operation is read from the service's contract ({@code x-roles}) and enforced here, before any
 * request body is read; each handler also states its rule with {@code @PreAuthorize}, and a test
 * holds the two to the same list.
 */
@AutoConfiguration(
        beforeName = {
            "org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration",
            "org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration"
        })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableMethodSecurity
public class ServiceSecurityAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder jwtDecoder(
            @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer,
            @Value("${spring.security.oauth2.resourceserver.jwt.jwk-set-uri:}") String jwkSetUri,
            @Value("${dapp.security.audience:dapp-api}") String audience,
            @Value("${dapp.security.clock-skew:30s}") Duration clockSkew) {
        // the key set is fetched on first use, so a service starts before Keycloak is up
        String keys = jwkSetUri.isBlank() ? issuer + "/protocol/openid-connect/certs" : jwkSetUri;
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(keys).build();
        OAuth2TokenValidator<Jwt> claims = KeycloakJwt.validator(issuer, audience, clockSkew);
        decoder.setJwtValidator(claims);
        // the same token arrives on every request of a screen: its signature is checked once in its life
        return new RememberingJwtDecoder(decoder, new VerifiedTokens(claims));
    }

    @Bean
    RequestRejectedHandler problemRequestRejectedHandler(ProblemWriter problems) {
        return new ProblemRequestRejectedHandler(problems);
    }

    @Bean
    SecurityFilterChain serviceSecurity(
            HttpSecurity http, ProblemWriter problems, @Value("${dapp.api.contract}") String contractName)
            throws Exception {
        OpenApiContract contract = OpenApiContract.forService(contractName);
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(KeycloakJwt::realmRoleAuthorities);
        converter.setPrincipalClaimName("preferred_username");
        AuthenticationEntryPoint unauthenticated = (request, response, e) ->
                problems.write(request, response, HttpStatus.UNAUTHORIZED, "A valid bearer token is required");
        AccessDeniedHandler denied = (request, response, e) ->
                problems.write(request, response, HttpStatus.FORBIDDEN, "Your role may not do this");
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> {
                    // prometheus: Prometheus has no token; in a cluster the actuator is on the management port only the
                    // monitoring namespace reaches, and the public port serves none of it (ADR 0015)
                    requests.requestMatchers(
                                    "/actuator/health",
                                    "/actuator/health/**",
                                    "/actuator/info",
                                    "/actuator/prometheus",
                                    "/v3/api-docs",
                                    "/v3/api-docs/**",
                                    "/v3/api-docs.yaml",
                                    "/error")
                            .permitAll();
                    for (OpenApiContract.Operation operation : contract.operations()) {
                        requests.requestMatchers(HttpMethod.valueOf(operation.method()), operation.path())
                                .hasAnyRole(operation.roles().toArray(String[]::new));
                    }
                    // what the contract does not name does not exist
                    requests.anyRequest().denyAll();
                })
                .oauth2ResourceServer(oauth -> oauth.jwt(jwt -> jwt.jwtAuthenticationConverter(converter))
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(denied))
                .exceptionHandling(
                        e -> e.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied));
        return http.build();
    }
}
