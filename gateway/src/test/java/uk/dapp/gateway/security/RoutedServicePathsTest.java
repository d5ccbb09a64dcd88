package uk.dapp.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import uk.dapp.gateway.GatewayContract;
import uk.dapp.platform.contract.OpenApiContract;

/**
 * The security chain's first rule: exactly the paths the services' routes take ({@code /api/<service>/**},
 * matched as Spring's path patterns match them, percent-decoded), and never one of the gateway's own operations.
 */
class RoutedServicePathsTest {

    private final RoutedServicePaths routed = new RoutedServicePaths();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/programme/cases/7KQM4X-ZP9RTD-2HBWJG/referrals",
                "/api/programme",
                "/api/risk-matrix/nominals",
                "/api/partner-support/partner-tracks/T-1/disclosures",
                "/api/%70rogramme/referrals",
                "/api/cases/7KQM4X-ZP9RTD-2HBWJG",
                "/api/programmes/x",
                "/api/outcomes/extract",
                "/api/docs/",
                "/actuator/health",
                "/"
            })
    void matchesWhatAPathPatternForEachServiceMatches(String path) {
        boolean anyService = List.of("/api/risk-matrix/**", "/api/programme/**", "/api/partner-support/**").stream()
                .anyMatch(pattern -> matches(ServerWebExchangeMatchers.pathMatchers(pattern), path));
        assertThat(matches(routed, path)).isEqualTo(anyService);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/programme", "/api/programme/cases/{caseId}", "/api/risk-matrix/x"})
    void refusesAnOperationOfTheGatewaysOwnUnderARoutedPrefix(String path) {
        assertThatThrownBy(() -> RoutedServicePaths.checkNoneOf(List.of("/api/cases/{caseId}", path)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/cases/{caseId}", "/api/programmes", "/api/notifications"})
    void acceptsTheGatewaysOwnOperations(String path) {
        assertThatCode(() -> RoutedServicePaths.checkNoneOf(List.of(path))).doesNotThrowAnyException();
        assertThatCode(() -> RoutedServicePaths.checkNoneOf(GatewayContract.load().operations().stream()
                        .map(OpenApiContract.Operation::path)
                        .toList()))
                .doesNotThrowAnyException();
    }

    private static boolean matches(ServerWebExchangeMatcher matcher, String path) {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get(path));
        return matcher.matches(exchange).block().isMatch();
    }
}
