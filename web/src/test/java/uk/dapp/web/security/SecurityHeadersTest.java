package uk.dapp.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import uk.dapp.web.WebTest;

/**
 * The headers and markup the security rules of issue 17 ask for: a nonce-based CSP without
 * unsafe-inline (the one inline script carries the nonce), no-store on every page, no framing,
 * the session cookie's flags, CSRF on every form, GOV.UK Frontend served by the app with long
 * cache headers, and no stack trace on an error page.
 */
class SecurityHeadersTest extends WebTest {

    private static final Pattern NONCE = Pattern.compile("'nonce-([A-Za-z0-9+/=]+)'");

    @Test
    void everyPageHasANonceBasedPolicyAndOneInlineScriptCarryingIt() throws Exception {
        MockHttpServletResponse response =
                mvc.perform(get("/").with(offenderManager())).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        String policy = response.getHeader("Content-Security-Policy");
        assertThat(policy)
                .contains("default-src 'self'")
                .contains("object-src 'none'")
                .contains("frame-ancestors 'none'")
                .contains("form-action 'self' http://127.0.0.1:8180")
                .doesNotContain("unsafe-inline")
                .doesNotContain("unsafe-eval");
        Matcher nonce = NONCE.matcher(policy);
        assertThat(nonce.find()).isTrue();
        String page = response.getContentAsString();
        List<String> inlineScripts = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>")
                .matcher(page)
                .results()
                .map(m -> m.group())
                .toList();
        assertThat(inlineScripts).containsExactly("<script nonce=\"" + nonce.group(1) + "\">");
        assertThat(page).doesNotContain(" style=").doesNotContain("onclick=");
        String second = mvc.perform(get("/").with(offenderManager()))
                .andReturn()
                .getResponse()
                .getHeader("Content-Security-Policy");
        assertThat(second).as("a fresh nonce for every response").isNotEqualTo(policy);
    }

    @Test
    void pagesAreNeverStoredAndNeverFramed() throws Exception {
        MockHttpServletResponse response =
                mvc.perform(get("/").with(offenderManager())).andReturn().getResponse();
        assertThat(response.getHeader("Cache-Control")).contains("no-store");
        assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.getHeader("Referrer-Policy")).isEqualTo("same-origin");
        assertThat(response.getHeader("Cross-Origin-Opener-Policy")).isEqualTo("same-origin");
        assertThat(response.getHeader("Permissions-Policy")).contains("camera=()");
    }

    /** The container sets the cookie (MockMvc has none); the browser tests read its flags from a real one. */
    @Test
    void theSessionCookieIsConfiguredSecureHttpOnlyAndLax(
            @org.springframework.beans.factory.annotation.Autowired
                    org.springframework.core.env.Environment environment) {
        assertThat(environment.getProperty("server.servlet.session.cookie.name"))
                .isEqualTo("DAPP_SESSION");
        assertThat(environment.getProperty("server.servlet.session.cookie.secure"))
                .isEqualTo("true");
        assertThat(environment.getProperty("server.servlet.session.cookie.http-only"))
                .isEqualTo("true");
        assertThat(environment.getProperty("server.servlet.session.cookie.same-site"))
                .isEqualTo("lax");
        assertThat(environment.getProperty("server.servlet.session.tracking-modes"))
                .isEqualTo("cookie");
    }

    @Test
    void everyFormCarriesACsrfTokenAndAPostWithoutOneIsRefused() throws Exception {
        String page = mvc.perform(get("/risk-matrix/rescoring").with(offenderManager()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        Matcher forms = Pattern.compile(
                        "<form method=\"post\"[^>]*>\\s*<input type=\"hidden\" name=\"_csrf\" value=\"[^\"]+\"/>")
                .matcher(page);
        assertThat(forms.results().count())
                .as("sign out (twice: the bar and the timeout dialog) and start rescoring")
                .isEqualTo(3);
        org.springframework.mock.web.MockHttpSession session = new org.springframework.mock.web.MockHttpSession();
        mvc.perform(get("/risk-matrix/rescoring").session(session).with(offenderManager()));
        MockHttpServletResponse refused = mvc.perform(
                        post("/risk-matrix/rescoring").session(session).with(offenderManager()))
                .andReturn()
                .getResponse();
        assertThat(refused.getStatus())
                .as("the container then shows the GOV.UK page of ErrorPageController")
                .isEqualTo(403);
        GATEWAY.verify(
                0,
                com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                        com.github.tomakehurst.wiremock.client.WireMock.anyUrl()));
    }

    @Test
    void govukFrontendIsServedByTheAppWithLongCacheHeaders() throws Exception {
        for (String path : List.of(
                "/govuk/5.14.0/govuk-frontend.min.css",
                "/govuk/5.14.0/govuk-frontend.min.js",
                "/assets/fonts/bold-b542beb274-v2.woff2",
                "/assets/rebrand/images/favicon.svg")) {
            MockHttpServletResponse response =
                    mvc.perform(get(path)).andReturn().getResponse();
            assertThat(response.getStatus()).as(path).isEqualTo(200);
            assertThat(response.getHeader("Cache-Control")).as(path).isEqualTo("max-age=31536000, public, immutable");
            assertThat(response.getHeader("Set-Cookie"))
                    .as(path + ": no session for a static file")
                    .isNull();
        }
        String page = mvc.perform(get("/").with(offenderManager()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        Matcher script = Pattern.compile("src=\"(/app/app-[0-9a-f]{32}\\.js)\"").matcher(page);
        assertThat(script.find())
                .as("the app's script under a content-hashed name")
                .isTrue();
        assertThat(mvc.perform(get(script.group(1))).andReturn().getResponse().getHeader("Cache-Control"))
                .contains("max-age=31536000");
        assertThat(page).contains("data-govuk-frontend=\"/govuk/5.14.0/govuk-frontend.min.js\"");
    }

    @Test
    void aMissingPageIsAGovukPageWithoutATrace() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/no/such/page").with(offenderManager()))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.getContentAsString())
                .contains("<title>Page not found – DAPP – GOV.UK</title>")
                .doesNotContain("Exception")
                .doesNotContain("at org.");
    }
}
