package uk.dapp.platform.testsupport.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a service or the gateway answered a {@link FuzzRequest}, and whether that answer is right: the
 * status expected (400, 413 or 415; always 4xx), problem+json, the security headers, a body of
 * bounded size, and for a 400 about a field, an error naming that field (or a part of it).
 */
public record FuzzAnswer(int status, String contentType, Map<String, String> headers, String body) {

    /** Headers every answer carries, with a value each must contain, whoever answers (a service or the gateway). */
    public static final Map<String, String> SECURITY_HEADERS = Map.of(
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Cache-Control", "no-store");

    /** A problem's body never grows with the request: at most 25 errors of bounded size are listed. */
    static final int MAX_PROBLEM_BYTES = 16 * 1024;

    private static final Pattern FIELD = Pattern.compile("\"field\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    public FuzzAnswer {
        Map<String, String> caseless = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        caseless.putAll(headers);
        headers = caseless;
    }

    /** What is wrong with this answer to the request; empty when it is right. */
    public List<String> problems(FuzzRequest request, Map<String, String> securityHeaders) {
        List<String> problems = new ArrayList<>();
        if (status != request.expectedStatus()) {
            problems.add("answered " + status + " instead of " + request.expectedStatus() + ": " + shortBody());
            if (status < 400 || status >= 500) {
                return problems;
            }
        }
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/problem+json")) {
            problems.add("answered " + status + " as " + contentType + ", not problem+json: " + shortBody());
        }
        securityHeaders.forEach((name, value) -> {
            String sent = headers.get(name);
            if (sent == null || !sent.contains(value)) {
                problems.add("answered " + status + " without the security header " + name + ": " + value + " (sent "
                        + sent + ")");
            }
        });
        if (body != null && body.length() > MAX_PROBLEM_BYTES) {
            problems.add("answered with a problem of " + body.length() + " characters");
        }
        if (status == 400
                && request.expectedField() != null
                && !namesField(request.expectedField())
                && !(request.what().startsWith("path parameter") && namesField("path"))) {
            problems.add("answered 400 without naming " + request.expectedField() + ": " + shortBody());
        }
        return problems;
    }

    /**
     * An error names the field, a part of it (an array item's path), or what holds it. A path
     * parameter's fault may be named {@code path} instead: a firewall refuses such a path before
     * anything knows its parameters.
     */
    private boolean namesField(String expected) {
        Matcher fields = FIELD.matcher(body == null ? "" : body);
        while (fields.find()) {
            String field = fields.group(1);
            if (field.equals(expected)
                    || field.startsWith(expected + "[")
                    || field.startsWith(expected + ".")
                    || expected.startsWith(field + "[")
                    || expected.startsWith(field + ".")) {
                return true;
            }
        }
        return false;
    }

    private String shortBody() {
        return body == null ? "" : body.length() > 400 ? body.substring(0, 400) + "..." : body;
    }
}
