package uk.dapp.platform.testsupport.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One generated request that breaks its operation's contract in one way ({@link #what}); sent with
 * a permitted role's token it must be refused with {@link #expectedStatus} (problem+json), naming
 * {@link #expectedField} among its errors when that is given.
 *
 * @param path the path and query, percent-encoded, without any prefix the gateway adds
 * @param body null for none
 */
public record FuzzRequest(
        String operation,
        String what,
        String method,
        String path,
        Map<String, String> headers,
        String contentType,
        byte[] body,
        int expectedStatus,
        String expectedField) {

    static FuzzRequest of(
            String operation,
            String what,
            String method,
            String path,
            Map<String, String> headers,
            String contentType,
            String body,
            int expectedStatus,
            String expectedField) {
        return new FuzzRequest(
                operation,
                what,
                method,
                path,
                headers,
                contentType,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8),
                expectedStatus,
                expectedField);
    }

    /** How the request is reported when it is answered wrongly: operation, what was wrong, and a short start of the body. */
    public String describe() {
        String start = body == null ? "" : new String(body, 0, Math.min(body.length, 160), StandardCharsets.UTF_8);
        return operation + " with " + what + " (" + method + " "
                + (path.length() > 160 ? path.substring(0, 160) + "..." : path)
                + (body == null ? "" : " " + start + (body.length > 160 ? "... (" + body.length + " bytes)" : ""))
                + ")";
    }
}
