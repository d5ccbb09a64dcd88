package uk.dapp.gateway.security;

import io.netty.channel.ChannelOption;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.config.annotation.method.configuration.EnableReactiveMethodSecurity;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;
import uk.dapp.gateway.GatewayContract;
import uk.dapp.gateway.problem.ProblemWriter;
import uk.dapp.platform.contract.OpenApiContract;
import uk.dapp.platform.security.KeycloakJwt;
import uk.dapp.platform.security.VerifiedTokens;

/**
 * Every {@code /api/**} request needs a valid Keycloak token for our audience. For routed
 * requests which role may do what is each service's decision, made on the same token, which the
 * gateway relays unchanged. The gateway's own operations (gateway.yaml) get their role rules from
 * their contract's {@code x-roles}, here and again with {@code @PreAuthorize} on the handler.
 * Health, info and the API docs are public; nothing else is served (404).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableReactiveMethodSecurity
public class GatewaySecurityConfiguration {

    @Bean
    ReactiveJwtDecoder jwtDecoder(
            @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer,
            @Value("${spring.security.oauth2.resourceserver.jwt.jwk-set-uri:}") String jwkSetUri,
            @Value("${dapp.security.audience:dapp-api}") String audience,
            @Value("${dapp.security.clock-skew:30s}") Duration clockSkew) {
        // the key set is fetched on the first token, not at start-up, so the gateway starts before
        // Keycloak; on a cluster it is fetched from Keycloak's internal address, not the public issuer
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(
                        jwkSetUri.isBlank() ? issuer + "/protocol/openid-connect/certs" : jwkSetUri)
                .webClient(keySetClient())
                .build();
        OAuth2TokenValidator<Jwt> claims = KeycloakJwt.validator(issuer, audience, clockSkew);
        decoder.setJwtValidator(claims);
        // Nimbus reports a key set it could not fetch as IllegalStateException (a 500); as an
        // AuthenticationServiceException it is told apart from a bad token and answered 503
        ReactiveJwtDecoder verifying = token -> decoder.decode(token)
                .onErrorMap(
                        IllegalStateException.class,
                        e -> new AuthenticationServiceException("Keycloak's key set could not be fetched", e));
        return new RememberingReactiveJwtDecoder(verifying, new VerifiedTokens(claims));
    }

    /**
     * Spring Security's observations are off (application.yml: they timed again what the request's server span
     * times); this leaves them unmade too. With the property alone, each filter of the chain, the authentication
     * and the authorisation were still wrapped in an observation that made its context and asked whether it was
     * enabled, on every request (issue 20).
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** Spring Security's strict firewall, its header rules checked without regular expressions ({@link HeaderCharacters}). */
    @Bean
    ServerWebExchangeFirewall serverWebExchangeFirewall() {
        return HeaderCharacters.firewall();
    }

    /** Without timeouts a hanging Keycloak would hold every request that needs a key fetch. */
    private static WebClient keySetClient() {
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 2000)
                .responseTimeout(Duration.ofSeconds(5));
        return WebClient.builder()
                .clientConnector(new ReactorClientHttpConnector(http))
                .build();
    }

    @Bean
    SecurityWebFilterChain gatewaySecurity(
            ServerHttpSecurity http,
            ReactiveJwtDecoder jwtDecoder,
            ProblemAuthenticationEntryPoint unauthenticated,
            ProblemWriter problems) {
        JwtAuthenticationConverter roles = new JwtAuthenticationConverter();
        roles.setJwtGrantedAuthoritiesConverter(KeycloakJwt::realmRoleAuthorities);
        ServerAccessDeniedHandler denied =
                (exchange, e) -> problems.write(exchange, HttpStatus.FORBIDDEN, "Your role may not do this");
        OpenApiContract contract = GatewayContract.load();
        RoutedServicePaths.checkNoneOf(contract.operations().stream()
                .map(OpenApiContract.Operation::path)
                .toList());
        return http.csrf(ServerHttpSecurity.CsrfSpec::disable) // bearer tokens only, no cookies
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.disable())
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .headers(SecurityHeaders::configure)
                .authorizeExchange(exchanges -> {
                    // first, and decided without a chain of matchers: most requests are routed ones
                    exchanges.matchers(new RoutedServicePaths()).authenticated();
                    // prometheus: Prometheus has no token; in a cluster the actuator is on the management port only the
                    // monitoring namespace reaches, and the public port serves none of it (ADR 0015)
                    exchanges
                            .pathMatchers(
                                    "/actuator/health",
                                    "/actuator/health/**",
                                    "/actuator/info",
                                    "/actuator/prometheus",
                                    "/v3/api-docs",
                                    "/v3/api-docs/**")
                            .permitAll();
                    // the API documentation: the public contracts and Swagger UI; trying an operation needs a token
                    exchanges
                            .pathMatchers(HttpMethod.GET, "/api/docs", "/api/docs/**")
                            .permitAll();
                    for (OpenApiContract.Operation operation : contract.operations()) {
                        exchanges
                                .pathMatchers(HttpMethod.valueOf(operation.method()), operation.path())
                                .hasAnyRole(operation.roles().toArray(String[]::new));
                    }
                    exchanges
                            .pathMatchers("/api/**")
                            .authenticated()
                            // nothing else is served: let it reach the handlers and get a 404 problem
                            .anyExchange()
                            .permitAll();
                })
                .oauth2ResourceServer(oauth -> oauth.jwt(jwt -> jwt.jwtDecoder(jwtDecoder)
                                .jwtAuthenticationConverter(new ReactiveJwtAuthenticationConverterAdapter(roles)))
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(denied))
                .exceptionHandling(errors ->
                        errors.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied))
                .build();
    }
}
