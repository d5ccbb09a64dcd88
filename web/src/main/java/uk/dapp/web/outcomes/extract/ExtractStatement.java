package uk.dapp.web.outcomes.extract;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.springframework.http.HttpHeaders;

/**
 * What an extract says about itself before a row of it is read: the gateway's {@code X-Extract-*}
 * headers (its k-anonymity statement in words, k, the cases seen, the rows left out, what was
 * widened), for the snapshot and format asked for. {@link #digest()} names this statement, so a
 * download can be held to the statement the evaluator read.
 */
public record ExtractStatement(
        String format,
        OffsetDateTime asOf,
        String statement,
        int k,
        long totalRows,
        long suppressedRows,
        List<String> generalised) {

    static final String STATEMENT = "X-Extract-Statement";
    static final String K = "X-Extract-K";
    static final String TOTAL_ROWS = "X-Extract-Total-Rows";
    static final String SUPPRESSED_ROWS = "X-Extract-Suppressed-Rows";
    static final String GENERALISED = "X-Extract-Generalised";
    static final List<String> HEADERS = List.of(STATEMENT, K, TOTAL_ROWS, SUPPRESSED_ROWS, GENERALISED);

    /** The statement in the gateway's headers; a header missing or not a number is the gateway's fault, not a page. */
    static ExtractStatement of(HttpHeaders headers, String format, OffsetDateTime asOf) {
        String generalised = headers.getFirst(GENERALISED);
        return new ExtractStatement(
                format,
                asOf,
                required(headers, STATEMENT),
                Integer.parseInt(required(headers, K)),
                Long.parseLong(required(headers, TOTAL_ROWS)),
                Long.parseLong(required(headers, SUPPRESSED_ROWS)),
                generalised == null || generalised.isBlank()
                        ? List.of()
                        : Arrays.stream(generalised.split(","))
                                .map(String::strip)
                                .filter(s -> !s.isEmpty())
                                .toList());
    }

    private static String required(HttpHeaders headers, String name) {
        String value = headers.getFirst(name);
        if (value == null) {
            throw new IllegalStateException("the gateway's extract answer has no " + name + " header");
        }
        return value;
    }

    public long releasedRows() {
        return totalRows - suppressedRows;
    }

    /** Names the statement (not the rows): two answers with the same digest said the same about themselves. */
    public String digest() {
        String said = String.join(
                "\n",
                statement,
                Integer.toString(k),
                Long.toString(totalRows),
                Long.toString(suppressedRows),
                String.join(",", generalised));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(said.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
