package uk.dapp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.dapp.e2e.support.InternalPaths;
import uk.dapp.e2e.support.Http;
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

    /** Each contract and where its paths start at the gateway (the gateway's own paths carry their /api). */
    private static final Map<String, String> PREFIXES = Map.of(
            "risk-matrix-service", "/api/risk-matrix",
            "programme-service", "/api/programme",
            "partner-support-service", "/api/partner-support",
            "gateway", "");

    @Test
    void everyEndpointAllowsExactlyItsRolesAndRefusesAnonymousCallers() {
        TheSystem system = TheSystem.get();
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, String> service : PREFIXES.entrySet()) {
            for (OpenApiContract.Operation operation : OpenApiContract.forService(service.getKey()).operations()) {
                String url = system.gatewayUrl() + service.getValue() + concretePath(operation.path());
                String body = List.of("POST", "PUT", "PATCH").contains(operation.method()) ? "{}" : null;
                HttpResponse<String> anonymous = Http.send(operation.method(), url, null, body);
                if (anonymous.statusCode() != 401) {
                    problems.add(operation.key() + " anonymous -> " + anonymous.statusCode());
                }
                boolean internal = InternalPaths.isInternal(operation.path());
                for (String role : Roles.ALL) {
                    HttpResponse<String> response = Http.send(operation.method(), url,
                            system.keycloak().tokenFor(role), body);
                    checked++;
                    int status = response.statusCode();
                    if (internal) {
                        if (status != 404
                                || !response.headers().firstValue("Content-Type").orElse("").contains("problem+json")) {
                            problems.add(operation.key() + " " + role + " is internal: should get 404 problem+json at"
                                    + " the gateway, got " + status);
                        }
                        continue;
                    }
                    if (operation.roles().contains(role) && (status == 401 || status == 403 || status >= 500)) {
                        problems.add(operation.key() + " " + role + " should pass, got " + status);
                    }
                    if (!operation.roles().contains(role) && (status != 403
                            || !response.headers().firstValue("Content-Type").orElse("").contains("problem+json"))) {
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
