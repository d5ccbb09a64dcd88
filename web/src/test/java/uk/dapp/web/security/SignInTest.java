package uk.dapp.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.UriComponentsBuilder;
import uk.dapp.web.WebTest;

/** Sign-in by authorization code with PKCE at Keycloak, sign-out there too, and the end of a session. */
class SignInTest extends WebTest {

    @Test
    void anAnonymousVisitorIsSentToKeycloakWithPkce() throws Exception {
        mvc.perform(get("/risk-matrix/cohort"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/oauth2/authorization/keycloak"));
        String location = mvc.perform(get("/oauth2/authorization/keycloak"))
                .andExpect(status().isFound())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        var query = UriComponentsBuilder.fromUri(URI.create(location)).build().getQueryParams();
        assertThat(location).startsWith("http://127.0.0.1:8180/realms/dapp/protocol/openid-connect/auth?");
        assertThat(query.getFirst("client_id")).isEqualTo("dapp-web");
        assertThat(query.getFirst("response_type")).isEqualTo("code");
        assertThat(query.getFirst("code_challenge_method")).isEqualTo("S256");
        assertThat(query.getFirst("code_challenge")).hasSizeGreaterThan(40);
        assertThat(query.getFirst("nonce")).isNotBlank();
        assertThat(query).doesNotContainKey("prompt");
    }

    @Test
    void signingInAgainAfterTheIdleTimeoutAsksForThePassword() throws Exception {
        String location = mvc.perform(get("/oauth2/authorization/keycloak").queryParam("again", ""))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(UriComponentsBuilder.fromUri(URI.create(location))
                        .build()
                        .getQueryParams()
                        .getFirst("prompt"))
                .isEqualTo("login");
    }

    @Test
    void signingOutEndsTheKeycloakSessionToo() throws Exception {
        String location = mvc.perform(
                        post("/sign-out").with(user("facilitator")).with(csrf()))
                .andExpect(status().isFound())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        var query = UriComponentsBuilder.fromUri(URI.create(location)).build().getQueryParams();
        assertThat(location).startsWith("http://127.0.0.1:8180/realms/dapp/protocol/openid-connect/logout?");
        assertThat(query.getFirst("id_token_hint")).isNotBlank();
        assertThat(query.getFirst("post_logout_redirect_uri")).isEqualTo("http://localhost/signed-out");
    }

    @Test
    void signingOutNeedsTheFormsCsrfToken() throws Exception {
        org.springframework.mock.web.MockHttpSession session = new org.springframework.mock.web.MockHttpSession();
        mvc.perform(get("/").session(session).with(user("facilitator"))).andExpect(status().isOk());
        mvc.perform(post("/sign-out").session(session).with(user("facilitator")))
                .andExpect(status().isForbidden());
        // without any session, a form's post is one whose session ended
        mvc.perform(post("/sign-out").with(user("facilitator"))).andExpect(redirectedUrl("/session-ended"));
    }

    @Test
    void aSessionTheServerNoLongerKnowsEndsOnTheSignedOutPage() throws Exception {
        mvc.perform(get("/").with(request -> {
                    request.setRequestedSessionId("forgotten-after-the-idle-timeout");
                    request.setRequestedSessionIdValid(false);
                    return request;
                }))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/session-ended"));
        String page = mvc.perform(get("/session-ended"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("You have been signed out")
                .contains("we sign you out after <span>20 minutes</span>")
                .contains("/oauth2/authorization/keycloak?again");
    }
}
