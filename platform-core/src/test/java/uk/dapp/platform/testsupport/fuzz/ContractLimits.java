package uk.dapp.platform.testsupport.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import uk.dapp.platform.contract.OpenApiContract;

/**
 * What a contract must bound: every string a request can carry (parameter or body) has a
 * {@code maxLength} (an enum, a date, a date-time or a UUID is bounded by its parser), every array a
 * {@code maxItems}, every map of a body a {@code maxProperties}; and every operation's body limit
 * holds its largest valid body, with {@code x-max-request-bytes} stated only where the default is too small.
 */
public final class ContractLimits {

    /** Room for a client that pretty-prints: the limit must hold this many times the compact size. */
    static final double PRETTY_PRINTING = 1.5;

    private ContractLimits() {}

    public static List<String> problems(OpenApiContract contract) {
        ContractFuzzer fuzzer = new ContractFuzzer(contract);
        List<String> problems = new ArrayList<>();
        for (OpenApiContract.Operation operation : contract.operations()) {
            ContractFuzzer.OperationShape shape = fuzzer.shape(operation);
            for (ContractFuzzer.Parameter parameter : shape.parameters()) {
                unbounded(
                        parameter.schema(),
                        operation.key() + " " + parameter.in() + " parameter " + parameter.name(),
                        problems,
                        0);
            }
            if (shape.body() != null) {
                unbounded(shape.body(), operation.key() + " body", problems, 0);
                long needed = (long) Math.ceil(worstCaseBytes(shape.body(), 0) * PRETTY_PRINTING);
                if (needed > operation.maxRequestBytes()) {
                    problems.add(operation.key() + ": its largest valid body needs about " + needed
                            + " bytes, more than its limit of " + operation.maxRequestBytes()
                            + " (state x-max-request-bytes)");
                }
                if (operation.maxRequestBytes() != OpenApiContract.DEFAULT_MAX_REQUEST_BYTES
                        && needed <= OpenApiContract.DEFAULT_MAX_REQUEST_BYTES) {
                    problems.add(operation.key() + ": states x-max-request-bytes " + operation.maxRequestBytes()
                            + " but its largest valid body (about " + needed + " bytes) fits the default");
                }
            } else if (operation.maxRequestBytes() != OpenApiContract.DEFAULT_MAX_REQUEST_BYTES) {
                problems.add(operation.key() + ": states x-max-request-bytes without a request body");
            }
        }
        return problems;
    }

    private static void unbounded(Schema schema, String where, List<String> problems, int depth) {
        if (depth > 8) {
            return;
        }
        switch (schema.type()) {
            case "string" -> {
                if (!schema.isEnum() && !schema.boundedByFormat() && schema.maxLength() == null) {
                    problems.add(where + ": a string without maxLength");
                }
            }
            case "array" -> {
                if (schema.maxItems() == null) {
                    problems.add(where + ": an array without maxItems");
                }
                unbounded(schema.items(), where + "[]", problems, depth + 1);
            }
            case "object" -> {
                if (schema.isMap()) {
                    if (schema.number("maxProperties") == null) {
                        problems.add(where + ": a map without maxProperties");
                    }
                    unbounded(schema.mapValues(), where + "{}", problems, depth + 1);
                }
                for (Map.Entry<String, Schema> property : schema.properties().entrySet()) {
                    unbounded(property.getValue(), where + "." + property.getKey(), problems, depth + 1);
                }
            }
            default -> {}
        }
    }

    /**
     * The largest compact JSON a schema allows, in bytes: a string's characters at 3 bytes each (the
     * most a UTF-16 unit takes in UTF-8), every property present, every array full.
     */
    public static long worstCaseBytes(Schema schema, int depth) {
        if (depth > 8) {
            return 0;
        }
        if (schema.isEnum()) {
            return 2
                    + schema.enumValues().stream()
                            .mapToLong(value -> String.valueOf(value).length())
                            .max()
                            .orElse(0);
        }
        return switch (schema.type()) {
            case "string" ->
                schema.boundedByFormat() ? 40 : 2 + 3L * (schema.maxLength() == null ? 0 : schema.maxLength());
            case "integer" -> 20;
            case "number" -> 40;
            case "boolean" -> 5;
            case "array" ->
                2
                        + (long) (schema.maxItems() == null ? 0 : schema.maxItems())
                                * (worstCaseBytes(schema.items(), depth + 1) + 1);
            default -> {
                long size = 2;
                if (schema.isMap()) {
                    Long entries = schema.number("maxProperties");
                    size += (entries == null ? 0 : entries)
                            * (2 + 3L * 100 + 2 + worstCaseBytes(schema.mapValues(), depth + 1));
                }
                for (Map.Entry<String, Schema> property : schema.properties().entrySet()) {
                    size += property.getKey().length() + 4 + worstCaseBytes(property.getValue(), depth + 1);
                }
                yield size;
            }
        };
    }
}
