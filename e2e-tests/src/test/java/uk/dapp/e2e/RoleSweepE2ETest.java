package uk.dapp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.dapp.e2e.support.Http;
import uk.dapp.e2e.support.InternalPaths;
import uk.dapp.e2e.support.TheSystem;
import uk.dapp.platform.caseid.CaseId;
import uk.dapp.platform.contract.OpenApiContract;
import uk.dapp.platform.security.Roles;

/**
 * Every operation of every contract (the services' and the gateway's own), through the gateway,
 * with each demo user's real token: the roles in {@code x-roles} get past authorisation, every
 * other role gets 403 problem+json, and a request without a token gets 401. A service's internal
 * operations ({@link InternalPaths}: outbox receivers, evaluator contributions) are 404 for everyone
 * through the gateway.
 */
class RoleSweepE2ETest {

    /**
     * Each contract and where its paths start at the gateway (the gateway's own paths carry their
     * /api), in a fixed order: the gateway's own operations (streamed answers from a worker thread)
     * come straight before a service's, which once left the next request on a kept-alive connection
     * unanswered. {@link #streamedAnswersAreFollowedByEveryKindOfRequestOnTheSharedConnection} runs
     * the orders that matter on purpose.
     */
    private static final Map<String, String> PREFIXES = orderedPrefixes();

    private static Map<String, String> orderedPrefixes() {
        Map<String, String> prefixes = new LinkedHashMap<>();
        prefixes.put("risk-matrix-service", "/api/risk-matrix");
        prefixes.put("gateway", "");
        prefixes.put("programme-service", "/api/programme");
        prefixes.put("partner-support-service", "/api/partner-support");
        return prefixes;
    }

    /**
     * Each streamed or worker-thread answer of the gateway (the extract in both formats, the KPIs),
     * followed on the shared client's kept-alive connection by each kind of request that is
     * answered at once: anonymous with a body (401), a refused role (403), a relayed read, and the
     * streamed answer again. Every one must be answered.
     */
    @Test
    void streamedAnswersAreFollowedByEveryKindOfRequestOnTheSharedConnection() {
        TheSystem system = TheSystem.get();
        String evaluator = system.keycloak().tokenFor(Roles.EVALUATOR);
        String facilitator = system.keycloak().tokenFor(Roles.FACILITATOR);
        String gateway = system.gatewayUrl();
        List<String> streamed =
                List.of("/api/outcomes/extract?format=csv", "/api/outcomes/extract?format=json", "/api/outcomes/kpis");
        record Next(String method, String path, String token, String body, int status) {}
        List<Next> followers = List.of(
                new Next("POST", "/api/programme/referrals", null, "{}", 401),
                new Next("GET", "/api/outcomes/kpis", facilitator, null, 403),
                new Next(
                        "GET",
                        "/api/programme/cases/"
                                + CaseId.generate(new SecureRandom()).value() + "/referrals",
                        facilitator,
                        null,
                        200),
                new Next("GET", "/api/outcomes/extract", evaluator, null, 200),
                new Next("GET", "/api/outcomes/kpis", evaluator, null, 200));
        for (String first : streamed) {
            for (Next next : followers) {
                assertThat(Http.send("GET", gateway + first, evaluator, null).statusCode())
                        .as(first)
                        .isEqualTo(200);
                assertThat(Http.send(next.method(), gateway + next.path(), next.token(), next.body())
                                .statusCode())
                        .as(next.method() + " " + next.path() + " after " + first)
                        .isEqualTo(next.status());
            }
        }
    }

    @Test
    void everyEndpointAllowsExactlyItsRolesAndRefusesAnonymousCallers() {
        TheSystem system = TheSystem.get();
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, String> service : PREFIXES.entrySet()) {
            for (OpenApiContract.Operation operation :
                    OpenApiContract.forService(service.getKey()).operations()) {
                String url = system.gatewayUrl() + service.getValue() + concretePath(operation.path());
                String body = List.of("POST", "PUT", "PATCH").contains(operation.method()) ? "{}" : null;
                HttpResponse<String> anonymous = Http.send(operation.method(), url, null, body);
                if (anonymous.statusCode() != 401) {
                    problems.add(operation.key() + " anonymous -> " + anonymous.statusCode());
                }
                boolean internal = InternalPaths.isInternal(operation.path());
                for (String role : Roles.ALL) {
                    HttpResponse<String> response =
                            Http.send(operation.method(), url, system.keycloak().tokenFor(role), body);
                    checked++;
                    int status = response.statusCode();
                    if (internal) {
                        if (status != 404
                                || !response.headers()
                                        .firstValue("Content-Type")
                                        .orElse("")
                                        .contains("problem+json")) {
                            problems.add(operation.key() + " " + role + " is internal: should get 404 problem+json at"
                                    + " the gateway, got " + status);
                        }
                        continue;
                    }
                    if (operation.roles().contains(role) && (status == 401 || status == 403 || status >= 500)) {
                        problems.add(operation.key() + " " + role + " should pass, got " + status);
                    }
                    if (!operation.roles().contains(role)
                            && (status != 403
                                    || !response.headers()
                                            .firstValue("Content-Type")
                                            .orElse("")
                                            .contains("problem+json"))) {
                        problems.add(operation.key() + " " + role + " should get 403 problem+json, got " + status);
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(checked).isGreaterThanOrEqualTo(8 * Roles.ALL.size());
    }

    private static String concretePath(String template) {
        return template.replace("{caseId}", CaseId.generate(new SecureRandom()).value())
                .replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
    }
}
