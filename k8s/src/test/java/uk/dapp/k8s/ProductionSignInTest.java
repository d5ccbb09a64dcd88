package uk.dapp.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The production realm (k8s/overlays/production/realm/dapp-realm.json, derived by RealmFiles and
 * ProductionSignIn) is fit for police and probation data: a second factor for everyone, set up at
 * the first sign-in; a password policy; sessions that end with the web app's; brute-force
 * protection; no way around the browser flow. The development realm keeps none of it, so the
 * tests and the demo sign in with passwords alone. Checked on a real Keycloak 26.7 when written:
 * the realm imports, a new user gets CONFIGURE_TOTP, a password sign-in is sent to set up OTP even
 * with that action removed, and the policy refuses short passwords and the username.
 */
class ProductionSignInTest {

    private static final JsonNode PRODUCTION = RealmFiles.read(RealmFiles.copy("production"));
    private static final JsonNode DEVELOPMENT = RealmFiles.read(RealmFiles.SOURCE);

    private static JsonNode flow(JsonNode realm, String alias) {
        for (JsonNode flow : realm.path("authenticationFlows")) {
            if (flow.path("alias").asText().equals(alias)) {
                return flow;
            }
        }
        throw new AssertionError("the realm has no authentication flow " + alias);
    }

    @Test
    void everyBrowserSignInNeedsThePasswordAndASecondFactor() {
        String browser = PRODUCTION.path("browserFlow").asText();
        JsonNode top = flow(PRODUCTION, browser);
        assertThat(top.path("topLevel").asBoolean()).isTrue();
        // the only ways through: an existing session, an identity provider, or the forms
        List<String> forms = new ArrayList<>();
        for (JsonNode step : top.path("authenticationExecutions")) {
            if (step.path("authenticatorFlow").asBoolean()) {
                forms.add(step.path("flowAlias").asText());
            } else {
                assertThat(step.path("authenticator").asText())
                        .as("a way into " + browser)
                        .isIn("auth-cookie", "identity-provider-redirector");
            }
        }
        assertThat(forms).hasSize(1);
        Map<String, String> required = new java.util.HashMap<>();
        for (JsonNode step : flow(PRODUCTION, forms.get(0)).path("authenticationExecutions")) {
            assertThat(step.path("authenticatorFlow").asBoolean())
                    .as("no nested flow could make a factor optional")
                    .isFalse();
            required.put(
                    step.path("authenticator").asText(),
                    step.path("requirement").asText());
        }
        assertThat(required).containsEntry("auth-username-password-form", "REQUIRED");
        assertThat(required)
                .as("a second factor, REQUIRED: a user without one is made to set it up")
                .containsAnyOf(Map.entry("auth-otp-form", "REQUIRED"), Map.entry("webauthn-authenticator", "REQUIRED"));
        assertThat(required.values()).containsOnly("REQUIRED");
    }

    @Test
    void aSecondFactorIsSetUpAtTheFirstSignInBeforeAnythingElse() {
        List<String> defaults = new ArrayList<>();
        Map<String, Integer> priority = new java.util.HashMap<>();
        for (JsonNode action : PRODUCTION.path("requiredActions")) {
            priority.put(action.path("alias").asText(), action.path("priority").asInt());
            if (action.path("defaultAction").asBoolean()) {
                assertThat(action.path("enabled").asBoolean()).isTrue();
                defaults.add(action.path("alias").asText());
            }
        }
        assertThat(defaults).containsExactly("CONFIGURE_TOTP");
        // listing required actions replaces Keycloak's own at import: the ones people need are all there
        assertThat(priority)
                .containsKeys(
                        "UPDATE_PASSWORD",
                        "UPDATE_PROFILE",
                        "VERIFY_EMAIL",
                        "webauthn-register",
                        "CONFIGURE_RECOVERY_AUTHN_CODES",
                        "VERIFY_PROFILE");
        // an account made with a temporary password (admins included) sets up OTP before choosing a password
        assertThat(priority.get("CONFIGURE_TOTP")).isLessThan(priority.get("UPDATE_PASSWORD"));
    }

    @Test
    void noClientCanSignInAroundTheBrowserFlow() {
        for (JsonNode client : PRODUCTION.path("clients")) {
            String id = client.path("clientId").asText();
            assertThat(client.path("directAccessGrantsEnabled").asBoolean(false))
                    .as(id + ": no password grant")
                    .isFalse();
            assertThat(client.path("implicitFlowEnabled").asBoolean(false))
                    .as(id + ": no implicit flow")
                    .isFalse();
            assertThat(client.has("authenticationFlowBindingOverrides")
                            && !client.path("authenticationFlowBindingOverrides")
                                    .isEmpty())
                    .as(id + ": no flow of its own")
                    .isFalse();
        }
    }

    @Test
    void passwordsAreLongNotTheUsernameAndNotReused() {
        String policy = PRODUCTION.path("passwordPolicy").asText();
        Matcher length = Pattern.compile("(?:^| )length\\((\\d+)\\)").matcher(policy);
        assertThat(length.find()).as(policy).isTrue();
        assertThat(Integer.parseInt(length.group(1))).isGreaterThanOrEqualTo(12);
        assertThat(policy).contains("notUsername", "notEmail");
        Matcher history = Pattern.compile("passwordHistory\\((\\d+)\\)").matcher(policy);
        assertThat(history.find()).as(policy).isTrue();
        assertThat(Integer.parseInt(history.group(1))).isGreaterThanOrEqualTo(3);
        assertThat(policy).as("NCSC: no forced expiry").doesNotContain("forceExpiredPasswordChange");
    }

    @Test
    void sessionsEndWithTheWebAppsAndWithinAWorkingDay() {
        Duration idle =
                Duration.ofSeconds(PRODUCTION.path("ssoSessionIdleTimeout").asLong());
        Duration max =
                Duration.ofSeconds(PRODUCTION.path("ssoSessionMaxLifespan").asLong());
        assertThat(idle).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(30));
        assertThat(max).isPositive().isLessThanOrEqualTo(Duration.ofHours(12));
        assertThat(PRODUCTION.path("rememberMe").asBoolean()).isFalse();
        assertThat(PRODUCTION.path("offlineSessionMaxLifespanEnabled").asBoolean())
                .isTrue();
        assertThat(PRODUCTION.path("offlineSessionMaxLifespan").asLong()).isLessThanOrEqualTo(max.toSeconds());
        assertThat(PRODUCTION.path("offlineSessionIdleTimeout").asLong()).isLessThanOrEqualTo(idle.toSeconds());
        assertThat(PRODUCTION.path("accessTokenLifespan").asInt(300)).isLessThanOrEqualTo(300);
        // the web app forgets its session after its idle timeout: Keycloak's ends then too, or a
        // returning user would be signed in again without a password
        webAppIdleTimeout()
                .ifPresent(
                        web -> assertThat(idle).as("the web app's idle timeout").isEqualTo(web));
    }

    /** dapp.web.session.idle-timeout in the web app's application.yml, once the web module is there. */
    private static java.util.Optional<Duration> webAppIdleTimeout() {
        Path yml = Manifests.ROOT.resolve("web/src/main/resources/application.yml");
        if (!Files.isRegularFile(yml)) {
            return java.util.Optional.empty();
        }
        Object value = Manifests.yamlFile(yml);
        for (String key : List.of("dapp", "web", "session", "idle-timeout")) {
            value = value instanceof Map<?, ?> map ? map.get(key) : null;
        }
        if (value == null) {
            return java.util.Optional.empty();
        }
        Matcher m = Pattern.compile("(\\d+)([smh])").matcher(value.toString().strip());
        assertThat(m.matches()).as("dapp.web.session.idle-timeout " + value).isTrue();
        long n = Long.parseLong(m.group(1));
        return java.util.Optional.of(
                switch (m.group(2)) {
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    default -> Duration.ofHours(n);
                });
    }

    @Test
    void bruteForceProtectionStays() {
        assertThat(PRODUCTION.path("bruteForceProtected").asBoolean()).isTrue();
        assertThat(PRODUCTION.path("failureFactor").asInt()).isBetween(3, 10);
        assertThat(PRODUCTION.path("maxFailureWaitSeconds").asInt()).isGreaterThanOrEqualTo(300);
        assertThat(PRODUCTION.path("otpPolicyCodeReusable").asBoolean(true))
                .as("a one-time code is used once")
                .isFalse();
        assertThat(PRODUCTION.path("eventsEnabled").asBoolean())
                .as("sign-ins recorded")
                .isTrue();
    }

    @Test
    void theDevelopmentRealmSignsInWithPasswordsAlone() {
        assertThat(DEVELOPMENT.has("browserFlow")).isFalse();
        assertThat(DEVELOPMENT.has("authenticationFlows")).isFalse();
        assertThat(DEVELOPMENT.path("requiredActions"))
                .noneMatch(a -> a.path("defaultAction").asBoolean());
        assertThat(DEVELOPMENT.path("users"))
                .noneMatch(u -> u.path("requiredActions").size() > 0);
    }
}
