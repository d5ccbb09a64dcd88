package uk.dapp.platform.calls;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A receiver's refusal in words, from its problem+json: the detail, then each field named with its
 * rule and message ("riskLevel (Eligibility): this programme works with risk levels [HIGH] only").
 * Control characters are dropped and the whole is cut at {@link CallRejectedException#REASON_LIMIT}
 * characters; a body that is not a problem gives nothing (null).
 */
final class RefusalReason {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RefusalReason() {}

    static String of(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        JsonNode problem;
        try {
            problem = JSON.readTree(body);
        } catch (RuntimeException notJson) {
            return null;
        }
        if (problem == null || !problem.isObject()) {
            return null;
        }
        StringBuilder reason = new StringBuilder();
        JsonNode errors = problem.path("errors");
        if (errors.isArray() && !errors.isEmpty()) {
            for (JsonNode error : errors) {
                if (!reason.isEmpty()) {
                    reason.append("; ");
                }
                reason.append(error.path("field").asString("?"));
                if (error.hasNonNull("rule")) {
                    reason.append(" (").append(error.path("rule").asString()).append(")");
                }
                if (error.hasNonNull("message")) {
                    reason.append(": ").append(error.path("message").asString());
                }
            }
        } else if (problem.hasNonNull("detail")) {
            reason.append(problem.path("detail").asString());
        } else if (problem.hasNonNull("title")) {
            reason.append(problem.path("title").asString());
        }
        String clean = reason.toString().replaceAll("\\p{Cc}", " ").strip();
        if (clean.isEmpty()) {
            return null;
        }
        return clean.length() <= CallRejectedException.REASON_LIMIT
                ? clean
                : clean.substring(0, CallRejectedException.REASON_LIMIT - 1) + "…";
    }
}
