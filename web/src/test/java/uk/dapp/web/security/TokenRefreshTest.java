package uk.dapp.web.security;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import uk.dapp.web.WebTest;

/**
 * The access token in the session is refreshed at Keycloak's token endpoint (the back channel) a
 * minute before it expires, with the client's secret, and the fresh one replaces it in the session.
 */
class TokenRefreshTest extends WebTest {

    @Autowired
    OAuth2AuthorizedClientManager manager;

    @Autowired
    OAuth2AuthorizedClientRepository authorizedClients;

    @Autowired
    ClientRegistrationRepository registrations;

    @AfterEach
    void clearRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void aTokenAboutToExpireIsRefreshedAndKeptInTheSession() {
        GATEWAY.stubFor(
                post(urlPathEqualTo("/realms/dapp/protocol/openid-connect/token"))
                        .willReturn(
                                okJson(
                                        "{\"access_token\":\"fresh-token\",\"token_type\":\"Bearer\",\"expires_in\":300,\"refresh_token\":\"refresh-2\"}")));
        MockHttpServletRequest request = new MockHttpServletRequest();
        MockHttpServletResponse response = new MockHttpServletResponse();
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request, response));
        var user = new TestingAuthenticationToken("demo-offender-manager", null, "ROLE_offender-manager");
        Instant now = Instant.now();
        authorizedClients.saveAuthorizedClient(
                new OAuth2AuthorizedClient(
                        registrations.findByRegistrationId("keycloak"),
                        "demo-offender-manager",
                        new OAuth2AccessToken(
                                OAuth2AccessToken.TokenType.BEARER,
                                "old-token",
                                now.minusSeconds(270),
                                now.plusSeconds(30)),
                        new OAuth2RefreshToken("refresh-1", now.minusSeconds(270))),
                user,
                request,
                response);

        OAuth2AuthorizedClient refreshed = manager.authorize(OAuth2AuthorizeRequest.withClientRegistrationId("keycloak")
                .principal(user)
                .build());

        assertThat(refreshed.getAccessToken().getTokenValue()).isEqualTo("fresh-token");
        GATEWAY.verify(postRequestedFor(urlPathEqualTo("/realms/dapp/protocol/openid-connect/token"))
                .withRequestBody(containing("grant_type=refresh_token"))
                .withRequestBody(containing("refresh_token=refresh-1"))
                .withHeader("Authorization", containing("Basic ")));
        assertThat(authorizedClients
                        .loadAuthorizedClient("keycloak", user, request)
                        .getAccessToken()
                        .getTokenValue())
                .isEqualTo("fresh-token");
    }

    @Test
    void aTokenWithTimeLeftIsUsedAsItIs() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        MockHttpServletResponse response = new MockHttpServletResponse();
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request, response));
        var user = new TestingAuthenticationToken("demo-facilitator", null, "ROLE_facilitator");
        Instant now = Instant.now();
        authorizedClients.saveAuthorizedClient(
                new OAuth2AuthorizedClient(
                        registrations.findByRegistrationId("keycloak"),
                        "demo-facilitator",
                        new OAuth2AccessToken(
                                OAuth2AccessToken.TokenType.BEARER, "current-token", now, now.plusSeconds(240)),
                        new OAuth2RefreshToken("refresh-1", now)),
                user,
                request,
                response);
        assertThat(manager.authorize(OAuth2AuthorizeRequest.withClientRegistrationId("keycloak")
                                .principal(user)
                                .build())
                        .getAccessToken()
                        .getTokenValue())
                .isEqualTo("current-token");
        GATEWAY.verify(0, postRequestedFor(urlPathEqualTo("/realms/dapp/protocol/openid-connect/token")));
    }
}
