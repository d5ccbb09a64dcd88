package uk.dapp.e2e.partnersupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import uk.dapp.e2e.flows.Eventually;
import uk.dapp.e2e.support.Http;
import uk.dapp.e2e.support.InternalPaths;
import uk.dapp.e2e.support.TheSystem;
import uk.dapp.platform.caseid.CaseId;
import uk.dapp.platform.contract.OpenApiContract;
import uk.dapp.platform.security.Roles;

/**
 * The confidentiality firewall through the gateway with real tokens: with a partner's name, safe
 * contact, disclosure and plan on record, every partner-support endpoint is requested with every
 * role other than the partner support worker's, and no response body carries any of it.
 */
class PartnerFirewallE2ETest {

    private static final String WORKER = "partner-support-worker";
    private static final String NAME = "Firewall Examplename";
    private static final String NUMBER = "07700 900272";
    private static final String CODE_WORD = "periwinkle";
    private static final String SAFE_TIMES = "only when the gym is open";
    private static final String ACCOUNT = "pushed me against the fridge";
    private static final String LOCATION = "Cedar Close kitchen";
    private static final List<String> SECRETS =
            List.of(NAME, "Examplename", NUMBER, "900272", CODE_WORD, SAFE_TIMES, ACCOUNT, "fridge", LOCATION, "Cedar");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void noOtherRoleLearnsAPartnersNameContactOrWords() {
        TheSystem system = TheSystem.get();
        String base = system.api("partner-support");
        String token = system.keycloak().tokenFor(WORKER);
        String caseId = CaseId.generate(new SecureRandom()).value();
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));

        String trackId = id(
                Http.send(
                        "POST",
                        base + "/cases/" + caseId + "/partner-tracks",
                        token,
                        "{\"relationship\":\"EX_PARTNER\",\"partnerName\":\"" + NAME + "\"}"),
                "trackId");
        String track = base + "/partner-tracks/" + trackId;
        ok(Http.send(
                "PUT",
                track + "/safe-contact",
                token,
                "{\"safeNumber\":\"" + NUMBER + "\",\"safeTimes\":\"" + SAFE_TIMES
                        + "\",\"mayLeaveMessage\":false,\"codeWord\":\"" + CODE_WORD + "\",\"version\":0}"));
        ok(Http.send(
                "POST",
                track + "/disclosures",
                token,
                "{\"disclosedOn\":\"" + today + "\",\"category\":\"PHYSICAL\","
                        + "\"riskLevel\":\"MEDIUM\",\"account\":\"" + ACCOUNT + "\",\"location\":\"" + LOCATION
                        + "\"}"));
        // a consenting partner: her safety plan is recorded only with consent to support
        String consentId = id(
                Http.send("POST", track + "/consents", token, "{\"type\":\"SUPPORT\",\"givenOn\":\"" + today + "\"}"),
                "consentId");
        String planId = id(
                Http.send(
                        "POST",
                        track + "/safety-plans",
                        token,
                        "{\"actions\":[{\"description\":\"stay away from " + LOCATION
                                + "\",\"owner\":\"partner\"}],\"reviewOn\":\"" + today.plusDays(7) + "\"}"),
                "planId");
        // a high DASH (15 of 24 ticked) and, on it, a MARAC referral: the sweep reaches its pages too
        String answers = String.join(",", java.util.Collections.nCopies(15, "\"YES\"")) + ","
                + String.join(",", java.util.Collections.nCopies(9, "\"NO\""));
        ok(Http.send(
                "POST",
                track + "/dash-assessments",
                token,
                "{\"answers\":[" + answers + "],\"completedOn\":\"" + today + "\",\"incidentsInLast12Months\":0}"));
        String maracReferralId = id(
                Http.send("POST", track + "/marac-referrals", token, "{\"referredOn\":\"" + today + "\"}"),
                "maracReferralId");
        ok(Http.send(
                "PUT",
                track + "/household",
                token,
                "{\"childrenCount\":1,\"ageBands\":[\"AGE_1_TO_4\"],\"socialCare\":\"NONE\",\"version\":0}"));
        // the programme holds the case (a referral of it), so its staff get the summary, which the sweep
        // checks too: once the programme's news has arrived (ADR 0009)
        ok(Http.send(
                "POST",
                system.api("programme") + "/referrals",
                system.keycloak().tokenFor("facilitator"),
                "{\"caseId\":\"" + caseId + "\",\"programmeCode\":\"DRIVE-1TO1\",\"source\":\"POLICE\","
                        + "\"mandated\":false,\"riskLevel\":\"HIGH\"}"));
        Eventually.until(
                "the summary for a case the programme holds",
                () -> Http.get(
                                base + "/cases/" + caseId + "/partner-support-summary",
                                system.keycloak().tokenFor("facilitator"))
                        .statusCode(),
                s -> s == 200);
        // the worker does see it all: the sweep below is meaningful
        assertThat(Http.get(track + "/safe-contact", token).body()).contains(CODE_WORD);
        assertThat(Http.get(track + "/disclosures", token).body()).contains(ACCOUNT);

        List<String> problems = new ArrayList<>();
        int requests = 0;
        for (OpenApiContract.Operation operation :
                OpenApiContract.forService("partner-support-service").operations()) {
            if (InternalPaths.isInternal(operation.path())) {
                // service-to-service, never reachable through the gateway (RoleSweepE2ETest checks the 404)
                continue;
            }
            if (operation.path().equals("/partner-tracks/{trackId}/subject-access")) {
                // the partner's own subject access export holds her data by design (SubjectAccessE2ETest)
                continue;
            }
            // an admin's audit view names what was read (the track's ID), never what it holds
            boolean auditView = operation.path().startsWith("/audit-records");
            String url = base
                    + operation
                            .path()
                            .replace("{caseId}", caseId)
                            .replace("{trackId}", trackId)
                            .replace("{planId}", planId)
                            .replace("{consentId}", consentId)
                            .replace("{maracReferralId}", maracReferralId)
                            .replace(
                                    "{notificationId}",
                                    java.util.UUID.randomUUID().toString());
            String body = List.of("POST", "PUT", "PATCH").contains(operation.method()) ? "{}" : null;
            for (String role : Roles.ALL) {
                if (role.equals(WORKER)) {
                    continue;
                }
                // admin reads of casework state a reason (docs/domain/data-protection.md)
                HttpResponse<String> response = Http.send(
                        operation.method(),
                        url,
                        system.keycloak().tokenFor(role),
                        body,
                        role.equals(Roles.ADMIN)
                                ? Map.of("X-Access-Reason", "firewall sweep of a synthetic case")
                                : Map.of());
                requests++;
                boolean allowed = operation.roles().contains(role);
                if (!allowed && response.statusCode() != 403) {
                    problems.add(operation.key() + " " + role + " -> " + response.statusCode());
                }
                // marking read a notification that is not the caller's answers 404, as an unknown one does
                int answer = operation.path().equals("/notifications/{notificationId}/read") ? 404 : 200;
                if (allowed && response.statusCode() != answer) {
                    problems.add(operation.key() + " " + role + " (allowed) -> " + response.statusCode());
                }
                for (String secret : SECRETS) {
                    if (response.body().contains(secret)) {
                        problems.add(operation.key() + " " + role + " revealed '" + secret + "'");
                    }
                }
                // a refusal may echo the path the caller sent; an answer must not name the track
                if (!auditView
                        && response.statusCode() == 200
                        && response.body().contains(trackId)) {
                    problems.add(operation.key() + " " + role + " revealed the track ID");
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(requests).isGreaterThanOrEqualTo(28 * 5);
    }

    private static void ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
    }

    private static String id(HttpResponse<String> response, String field) {
        ok(response);
        return JSON.readTree(response.body()).get(field).asString();
    }
}
