package uk.dapp.k8s;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;

/**
 * Sign-in fit for police and probation data, applied to the production realm only (the
 * development realm, which the tests sign in to with passwords, keeps none of it):
 *
 * <ul>
 * <li>a second factor for every person: the browser flow {@value #FLOW} asks for the password,
 * then for a one-time code (TOTP) as a REQUIRED step, so a user without an authenticator app must
 * set one up (CONFIGURE_TOTP) before the sign-in completes, and nobody, admins included, reaches
 * anything with a password alone; CONFIGURE_TOTP is also a default action of every new user;</li>
 * <li>a password policy: at least {@value #MIN_PASSWORD_LENGTH} characters, not the username or
 * the email address, not one of the last {@value #PASSWORD_HISTORY}; no forced expiry or
 * composition rules (NCSC password guidance);</li>
 * <li>sessions that end with the web app's: idle {@link #IDLE}, at most {@link #MAX} from sign-in;
 * offline sessions bounded the same way; no "remember me";</li>
 * <li>brute-force protection kept and tightened: a temporary lock after
 * {@value #FAILURES} failures, growing to 15 minutes;</li>
 * <li>sign-in and admin events recorded (90 days) for the partnership's security monitoring.</li>
 * </ul>
 *
 * Service accounts (client credentials) do not sign in through the browser flow and are not affected.
 */
final class ProductionSignIn {

    static final String FLOW = "browser with second factor";
    static final String FORMS = FLOW + " forms";
    static final int MIN_PASSWORD_LENGTH = 12;
    static final int PASSWORD_HISTORY = 5;
    static final String PASSWORD_POLICY = "length(" + MIN_PASSWORD_LENGTH + ") and maxLength(128) and notUsername"
            + " and notEmail and passwordHistory(" + PASSWORD_HISTORY + ")";
    /** The web app's idle timeout (dapp.web.session.idle-timeout): Keycloak's session ends with it. */
    static final Duration IDLE = Duration.ofMinutes(20);
    /** A working day and a bit: a session never outlives a shift. */
    static final Duration MAX = Duration.ofHours(10);

    static final int FAILURES = 5;
    static final Duration EVENTS_KEPT = Duration.ofDays(90);

    /** Keycloak 26.7's required actions: alias, name, enabled, priority. */
    private static final String[][] REQUIRED_ACTIONS = {
        {"TERMS_AND_CONDITIONS", "Terms and Conditions", "false", "20"},
        {"UPDATE_PROFILE", "Update Profile", "true", "40"},
        {"VERIFY_EMAIL", "Verify Email", "true", "50"},
        {"CONFIGURE_TOTP", "Configure OTP", "true", "54"},
        {"UPDATE_PASSWORD", "Update Password", "true", "57"},
        {"delete_account", "Delete Account", "false", "60"},
        {"UPDATE_EMAIL", "Update Email", "false", "70"},
        {"webauthn-register", "Webauthn Register", "true", "80"},
        {"webauthn-register-passwordless", "Webauthn Register Passwordless", "true", "90"},
        {"VERIFY_PROFILE", "Verify Profile", "true", "100"},
        {"delete_credential", "Delete Credential", "true", "110"},
        {"idp_link", "Linking Identity Provider", "true", "120"},
        {"CONFIGURE_RECOVERY_AUTHN_CODES", "Recovery Authentication Codes", "true", "130"},
        {"update_user_locale", "Update User Locale", "true", "1000"},
    };

    private ProductionSignIn() {}

    static ObjectNode apply(ObjectNode realm) {
        realm.put("passwordPolicy", PASSWORD_POLICY);

        realm.put("ssoSessionIdleTimeout", seconds(IDLE));
        realm.put("ssoSessionMaxLifespan", seconds(MAX));
        realm.put("rememberMe", false);
        realm.put("ssoSessionIdleTimeoutRememberMe", 0);
        realm.put("ssoSessionMaxLifespanRememberMe", 0);
        realm.put("offlineSessionIdleTimeout", seconds(IDLE));
        realm.put("offlineSessionMaxLifespanEnabled", true);
        realm.put("offlineSessionMaxLifespan", seconds(MAX));

        realm.put("bruteForceProtected", true);
        realm.put("permanentLockout", false);
        realm.put("failureFactor", FAILURES);
        realm.put("waitIncrementSeconds", 60);
        realm.put("quickLoginCheckMilliSeconds", 1000);
        realm.put("minimumQuickLoginWaitSeconds", 60);
        realm.put("maxFailureWaitSeconds", 900);
        realm.put("maxDeltaTimeSeconds", 43200);

        realm.put("otpPolicyType", "totp");
        realm.put("otpPolicyAlgorithm", "HmacSHA1"); // what every authenticator app supports
        realm.put("otpPolicyDigits", 6);
        realm.put("otpPolicyPeriod", 30);
        realm.put("otpPolicyLookAheadWindow", 1);
        realm.put("otpPolicyCodeReusable", false);

        realm.put("eventsEnabled", true);
        realm.put("eventsExpiration", seconds(EVENTS_KEPT));
        realm.put("adminEventsEnabled", true);
        realm.put("adminEventsDetailsEnabled", false); // details would copy user attributes into the events

        ArrayNode flows = RealmFiles.JSON.createArrayNode();
        ObjectNode top = flows.addObject();
        top.put("alias", FLOW);
        top.put(
                "description",
                "Browser sign-in: an existing session, or the password and then a one-time code,"
                        + " which a user without one must set up first.");
        top.put("providerId", "basic-flow");
        top.put("topLevel", true);
        top.put("builtIn", false);
        ArrayNode steps = top.putArray("authenticationExecutions");
        step(steps, "auth-cookie", "ALTERNATIVE", 10);
        step(steps, "identity-provider-redirector", "ALTERNATIVE", 25);
        ObjectNode forms = steps.addObject();
        forms.put("flowAlias", FORMS);
        forms.put("requirement", "ALTERNATIVE");
        forms.put("priority", 30);
        forms.put("authenticatorFlow", true);
        forms.put("userSetupAllowed", false);
        ObjectNode sub = flows.addObject();
        sub.put("alias", FORMS);
        sub.put("description", "The password, then a one-time code: both required.");
        sub.put("providerId", "basic-flow");
        sub.put("topLevel", false);
        sub.put("builtIn", false);
        ArrayNode formSteps = sub.putArray("authenticationExecutions");
        step(formSteps, "auth-username-password-form", "REQUIRED", 10);
        step(formSteps, "auth-otp-form", "REQUIRED", 20);
        realm.set("authenticationFlows", flows);
        realm.put("browserFlow", FLOW);

        // Listing any required action replaces Keycloak's defaults at import, so all of them are
        // listed, as Keycloak 26.7 creates them, with CONFIGURE_TOTP a default action of every new user
        ArrayNode actions = RealmFiles.JSON.createArrayNode();
        for (String[] action : REQUIRED_ACTIONS) {
            ObjectNode entry = actions.addObject();
            entry.put("alias", action[0]);
            entry.put("name", action[1]);
            entry.put("providerId", action[0]);
            entry.put("enabled", Boolean.parseBoolean(action[2]));
            entry.put("defaultAction", action[0].equals("CONFIGURE_TOTP"));
            entry.put("priority", Integer.parseInt(action[3]));
            entry.putObject("config");
        }
        realm.set("requiredActions", actions);
        return realm;
    }

    /** As an int, as the realm file holds numbers (a long would not equal the copy read back). */
    static int seconds(Duration duration) {
        return Math.toIntExact(duration.toSeconds());
    }

    private static void step(ArrayNode steps, String authenticator, String requirement, int priority) {
        ObjectNode step = steps.addObject();
        step.put("authenticator", authenticator);
        step.put("requirement", requirement);
        step.put("priority", priority);
        step.put("authenticatorFlow", false);
        step.put("userSetupAllowed", false);
    }
}
