package uk.dapp.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.Json;

/**
 * The gateway's RFC 9457 problem+json answers, for the WireMock stubs of the web tests (those of
 * {@link WebTest} and the fixtures beside them).
 */
public final class GatewayResponses {

    private GatewayResponses() {}

    /** A problem+json answer of this status and body. */
    public static ResponseDefinitionBuilder problem(int status, String json) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/problem+json")
                .withBody(json);
    }

    /** The gateway refusing a request (400) for one field, naming the rule it broke, in the service's words. */
    public static ResponseDefinitionBuilder refusal(String field, String rule, String message) {
        String json = """
                {"title":"Bad Request","status":400,"errors":[{"field":%s,"rule":%s,"message":%s}]}""";
        return problem(400, json.formatted(Json.write(field), Json.write(rule), Json.write(message)));
    }
}
