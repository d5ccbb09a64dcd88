package uk.dapp.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The web app's settings ({@code dapp.web.*} in application.yml, which documents each). */
@ConfigurationProperties("dapp.web")
public record WebProperties(
        String gatewayUrl,
        Duration gatewayTimeout,
        Duration longCallTimeout,
        boolean secureCookies,
        Session session,
        Keycloak keycloak,
        GovukFrontend govukFrontend,
        QuickExit quickExit) {

    public record Session(Duration idleTimeout, Duration warnBefore) {}

    /**
     * The issuer is what tokens carry and where the browser goes to sign in and out; the back
     * channel is where the web app itself asks for tokens and keys (the same, unless set).
     */
    public record Keycloak(String issuer, String backchannelUrl, String clientId, String clientSecret) {

        public String backchannel() {
            return backchannelUrl == null || backchannelUrl.isBlank() ? issuer : backchannelUrl;
        }
    }

    public record GovukFrontend(String version) {}

    /** Where "Exit this page" goes: a neutral site that says nothing about the service. */
    public record QuickExit(String url) {}
}
