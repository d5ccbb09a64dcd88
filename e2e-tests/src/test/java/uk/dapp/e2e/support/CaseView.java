package uk.dapp.e2e.support;

import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The gateway's composed case view ({@code GET /api/cases/{caseId}}) as a role sees it. */
public final class CaseView {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CaseView() {}

    public static JsonNode of(String caseId, String role) {
        TheSystem system = TheSystem.get();
        HttpResponse<String> response = Http.get(
                system.gatewayUrl() + "/api/cases/" + caseId, system.keycloak().tokenFor(role));
        if (response.statusCode() != 200) {
            throw new AssertionError(
                    "case view for " + role + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** AVAILABLE, NOT_PERMITTED, NOT_FOUND or UNAVAILABLE. */
    public static String status(JsonNode view, String part) {
        return view.at("/" + part + "/status").asString();
    }
}
