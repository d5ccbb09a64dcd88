package uk.dapp.platform.testsupport.fuzz;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import uk.dapp.platform.contract.OpenApiContract;

/**
 * Generates, from a contract alone, requests that each break one operation's contract in one way:
 * a parameter of the wrong type, out of range, too long, of an unknown enum value, holding a control
 * character, or missing; a body that is not JSON, of the wrong content type, too large, repeating a
 * key or nested too deep; and, field by field through the body, a value of the wrong JSON type, a
 * null, a missing required field, a string too long or holding a control character, an unknown
 * enum value, a number out of range or too long for any type, an array too long, too short, with a
 * null item or a repeated item. Everything else in each request is valid ({@link ValidValues}), so
 * the refusal must name the field that was broken.
 */
public final class ContractFuzzer {

    /** Stated reasons and the like: valid header values for the required headers. */
    static final String HEADER_VALUE = "Contract fuzz test: a stated reason";

    static final String CONTROL = "fuzz\u0000\u001b[2J";
    static final String UNKNOWN_ENUM = "NOT_A_VALUE_OF_THIS_ENUM";
    static final String TOO_LONG_NUMBER = "123456789012345678901234567890123456789";

    private final OpenApiContract contract;

    public ContractFuzzer(OpenApiContract contract) {
        this.contract = contract;
    }

    /** A parameter of an operation, resolved. */
    public record Parameter(String name, String in, boolean required, Schema schema) {}

    /** Everything the fuzz needs to know of one operation. */
    public record OperationShape(OpenApiContract.Operation operation, List<Parameter> parameters, Schema body) {}

    @SuppressWarnings("unchecked")
    public OperationShape shape(OpenApiContract.Operation operation) {
        String resource = operation.definedIn();
        Map<String, Object> document = OpenApiContract.read(contract.resource());
        Map<String, Object> item =
                (Map<String, Object>) ((Map<String, Object>) document.get("paths")).get(operation.path());
        String itemResource = contract.resource();
        if (item.get("$ref") instanceof String ref) {
            itemResource = OpenApiContract.target(contract.resource(), ref);
            item = (Map<String, Object>) OpenApiContract.resolve(contract.resource(), ref);
        }
        Map<String, Object> definition =
                (Map<String, Object>) item.get(operation.method().toLowerCase());
        List<Parameter> parameters = new ArrayList<>();
        List<Object> declared = new ArrayList<>((List<Object>) item.getOrDefault("parameters", List.of()));
        declared.addAll((List<Object>) definition.getOrDefault("parameters", List.of()));
        for (Object entry : declared) {
            Map<String, Object> parameter = (Map<String, Object>) entry;
            String parameterResource = itemResource;
            if (parameter.get("$ref") instanceof String ref) {
                parameterResource = OpenApiContract.target(itemResource, ref);
                parameter = (Map<String, Object>) OpenApiContract.resolve(itemResource, ref);
            }
            parameters.add(new Parameter(
                    (String) parameter.get("name"),
                    (String) parameter.get("in"),
                    Boolean.TRUE.equals(parameter.get("required")) || "path".equals(parameter.get("in")),
                    Schema.of(parameterResource, parameter.get("schema"))));
        }
        Schema body = null;
        if (definition.get("requestBody") instanceof Map<?, ?> requestBody) {
            Map<String, Object> content = (Map<String, Object>) requestBody.get("content");
            Map<String, Object> json = (Map<String, Object>) content.get("application/json");
            if (json == null) {
                throw new IllegalStateException(operation.key() + ": a request body other than application/json");
            }
            body = Schema.of(itemResource, json.get("schema"));
        }
        return new OperationShape(operation, List.copyOf(parameters), body);
    }

    /** The operation's valid request: every path parameter and required query parameter and header, the body. */
    public FuzzRequest valid(OperationShape shape) {
        return request(
                shape,
                "a valid request",
                pathValues(shape, null, null),
                queryValues(shape),
                headerValues(shape),
                "application/json",
                shape.body() == null ? null : Json.write(ValidValues.of(shape.body())),
                200,
                null);
    }

    public List<FuzzRequest> invalid(OperationShape shape) {
        List<FuzzRequest> requests = new ArrayList<>();
        parameters(shape, requests);
        if (shape.body() != null) {
            body(shape, requests);
        }
        return requests;
    }

    private void parameters(OperationShape shape, List<FuzzRequest> requests) {
        for (Parameter parameter : shape.parameters()) {
            for (Map.Entry<String, String> wrong : wrongValues(parameter).entrySet()) {
                Map<String, String> path = pathValues(shape, null, null);
                Map<String, String> query = queryValues(shape);
                Map<String, String> headers = headerValues(shape);
                switch (parameter.in()) {
                    case "path" -> path.put(parameter.name(), wrong.getValue());
                    case "query" -> query.put(parameter.name(), wrong.getValue());
                    case "header" -> headers.put(parameter.name(), wrong.getValue());
                    default -> throw new IllegalStateException("parameter in " + parameter.in());
                }
                requests.add(request(
                        shape,
                        parameter.in() + " parameter " + parameter.name() + " " + wrong.getKey(),
                        path,
                        query,
                        headers,
                        "application/json",
                        validBody(shape),
                        400,
                        parameter.name()));
            }
            if (parameter.required() && !"path".equals(parameter.in())) {
                Map<String, String> query = queryValues(shape);
                Map<String, String> headers = headerValues(shape);
                query.remove(parameter.name());
                headers.remove(parameter.name());
                requests.add(request(
                        shape,
                        parameter.in() + " parameter " + parameter.name() + " missing",
                        pathValues(shape, null, null),
                        query,
                        headers,
                        "application/json",
                        validBody(shape),
                        400,
                        parameter.name()));
            }
        }
        // any operation: a query parameter it does not know, holding a control character
        Map<String, String> query = queryValues(shape);
        query.put("fuzz", CONTROL);
        requests.add(request(
                shape,
                "an unknown query parameter holding a control character",
                pathValues(shape, null, null),
                query,
                headerValues(shape),
                "application/json",
                validBody(shape),
                400,
                "fuzz"));
    }

    /**
     * A string the pattern refuses: {@code !!}, or, for a pattern that refuses only control
     * characters ({@code ^[^\p{Cc}]*$}), a tab, which JSON text may hold but the pattern may not;
     * null when neither breaks it.
     */
    static String notMatching(String pattern) {
        Pattern compiled = Pattern.compile(pattern);
        for (String candidate : List.of("!!", "x\ty")) {
            if (!compiled.matcher(candidate).find()) {
                return candidate;
            }
        }
        return null;
    }

    /** What is wrong, and the value, for a parameter (headers cannot carry control characters over HTTP). */
    private static Map<String, String> wrongValues(Parameter parameter) {
        Map<String, String> wrong = new LinkedHashMap<>();
        Schema schema = parameter.schema();
        if (!"header".equals(parameter.in())) {
            wrong.put("holding a control character", CONTROL);
        }
        if (schema.isEnum()) {
            wrong.put("of an unknown value", UNKNOWN_ENUM);
        }
        switch (schema.type()) {
            case "integer", "number" -> {
                wrong.put("not a number", "twelve");
                wrong.put("too long a number", TOO_LONG_NUMBER);
                if (schema.number("maximum") != null) {
                    wrong.put("above its maximum", Long.toString(schema.number("maximum") + 1));
                }
                if (schema.number("minimum") != null) {
                    wrong.put("below its minimum", Long.toString(schema.number("minimum") - 1));
                }
            }
            case "boolean" -> wrong.put("not a boolean", "perhaps");
            case "string" -> {
                if (schema.format() != null && schema.boundedByFormat()) {
                    wrong.put("not a " + schema.format(), "not-a-" + schema.format());
                } else if (schema.pattern() != null && notMatching(schema.pattern()) != null) {
                    wrong.put("not matching its pattern", notMatching(schema.pattern()));
                }
                if (schema.maxLength() != null) {
                    wrong.put("longer than its maximum", "x".repeat(schema.maxLength() + 1));
                }
                if (schema.minLength() != null && schema.minLength() > 1 && !"path".equals(parameter.in())) {
                    wrong.put("shorter than its minimum", "x".repeat(schema.minLength() - 1));
                }
            }
            default -> {}
        }
        return wrong;
    }

    private void body(OperationShape shape, List<FuzzRequest> requests) {
        Object valid = ValidValues.of(shape.body());
        String validJson = Json.write(valid);
        Map<String, String> path = pathValues(shape, null, null);
        Map<String, String> query = queryValues(shape);
        Map<String, String> headers = headerValues(shape);
        for (String contentType :
                new String[] {"text/plain", "application/xml", "application/x-www-form-urlencoded", null}) {
            requests.add(request(
                    shape, "the content type " + contentType, path, query, headers, contentType, validJson, 415, null));
        }
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("no body", "");
        bodies.put("a body that is not JSON", "this is not JSON");
        bodies.put("a body cut short", validJson.substring(0, validJson.length() / 2));
        bodies.put("a body of the wrong JSON type", "object".equals(shape.body().type()) ? "[]" : "{}");
        bodies.put("a JSON null body", "null");
        bodies.put("a body followed by more JSON", validJson + " {}");
        bodies.put("a body nested far too deep", "[".repeat(200) + "]".repeat(200));
        if (valid instanceof Map<?, ?> map && !map.isEmpty()) {
            String first = map.keySet().iterator().next().toString();
            bodies.put(
                    "a body repeating a key",
                    "{\"" + first + "\":" + Json.write(map.get(first)) + "," + validJson.substring(1));
            bodies.put(
                    "a body with a value nested far too deep",
                    "{\"" + first + "\":" + "[".repeat(100) + "]".repeat(100) + "," + validJson.substring(1));
        }
        bodies.forEach((what, body) ->
                requests.add(request(shape, what, path, query, headers, "application/json", body, 400, null)));
        long limit = shape.operation().maxRequestBytes();
        String padded = validJson
                + " ".repeat((int) Math.max(0, limit + 1 - validJson.getBytes(StandardCharsets.UTF_8).length));
        requests.add(request(
                shape,
                "a body one byte over its operation's limit of " + limit + " bytes",
                path,
                query,
                headers,
                "application/json",
                padded,
                413,
                null));
        fields(shape, valid, shape.body(), new ArrayList<>(), true, requests, 0);
    }

    /** Mutations of the value at {@code at} (valid value {@code value}, schema {@code schema}) and below it. */
    private void fields(
            OperationShape shape,
            Object valid,
            Schema schema,
            List<Object> at,
            boolean required,
            List<FuzzRequest> requests,
            int depth) {
        if (!at.isEmpty()) {
            for (Map.Entry<String, Object> wrong : wrongJson(schema, required).entrySet()) {
                mutated(shape, valid, at, wrong.getKey(), wrong.getValue(), Json.field(at), requests);
            }
        }
        Object here = at.isEmpty() ? valid : get(valid, at);
        if ("array".equals(schema.type()) && here instanceof List<?> list && !list.isEmpty()) {
            Schema items = schema.items();
            Object item = list.getFirst();
            List<Object> first = append(at, 0);
            mutated(shape, valid, at, "a null item", nCopies(list, 0, null), Json.field(first), requests);
            if (schema.maxItems() != null) {
                List<Object> tooMany = new ArrayList<>();
                for (int i = 0; i <= schema.maxItems(); i++) {
                    tooMany.add(schema.uniqueItems() ? distinct(items, item, i) : item);
                }
                mutated(
                        shape,
                        valid,
                        at,
                        "more items than its maximum of " + schema.maxItems(),
                        tooMany,
                        Json.field(at),
                        requests);
            }
            if (schema.minItems() != null && schema.minItems() > 0) {
                mutated(
                        shape,
                        valid,
                        at,
                        "fewer items than its minimum of " + schema.minItems(),
                        list.subList(0, schema.minItems() - 1),
                        Json.field(at),
                        requests);
            }
            if (schema.uniqueItems()) {
                List<Object> repeated = new ArrayList<>(list);
                repeated.add(item);
                mutated(shape, valid, at, "an item repeated", repeated, Json.field(at), requests);
            }
            if (depth < 6) {
                // an item is neither missing nor null here: "a null item" above is the one null
                fields(shape, valid, items, first, false, requests, depth + 1);
            }
        } else if ("object".equals(schema.type()) && here instanceof Map<?, ?> && depth < 6) {
            List<String> requiredNames = schema.required();
            schema.properties()
                    .forEach((name, property) -> fields(
                            shape,
                            valid,
                            property,
                            append(at, name),
                            requiredNames.contains(name),
                            requests,
                            depth + 1));
        }
    }

    /** Wrong JSON for a field, by what is wrong; a property's field error names its path. */
    private static Map<String, Object> wrongJson(Schema schema, boolean required) {
        Map<String, Object> wrong = new LinkedHashMap<>();
        if (required) {
            wrong.put("a required field missing", Json.MISSING);
        }
        if (required && !schema.nullable()) {
            wrong.put("a null", null);
        }
        switch (schema.type()) {
            case "string" -> {
                wrong.put("a number for a string", new Json.Raw("12345"));
                wrong.put("a boolean for a string", true);
                wrong.put("an object for a string", Map.of("value", "x"));
                if (schema.isEnum()) {
                    wrong.put("an unknown enum value", UNKNOWN_ENUM);
                    wrong.put(
                            "an enum value in lower case",
                            String.valueOf(schema.enumValues().getFirst()).toLowerCase());
                } else if ("date".equals(schema.format()) || "date-time".equals(schema.format())) {
                    wrong.put(
                            "an impossible date",
                            "2026-02-30" + ("date-time".equals(schema.format()) ? "T10:00:00Z" : ""));
                    wrong.put("a date in another form", "15/01/2026");
                    wrong.put("a date holding a control character", ValidValues.DATE + "\u0000");
                } else if ("uuid".equals(schema.format())) {
                    wrong.put("not a UUID", "not-a-uuid");
                } else {
                    wrong.put("a string holding control characters", CONTROL);
                    if (schema.maxLength() != null) {
                        wrong.put(
                                "a string longer than its maximum of " + schema.maxLength(),
                                "x".repeat(schema.maxLength() + 1));
                    }
                    if (schema.pattern() != null && notMatching(schema.pattern()) != null) {
                        wrong.put("a string not matching its pattern", notMatching(schema.pattern()));
                    }
                }
            }
            case "integer" -> {
                wrong.put("a string for an integer", "12");
                wrong.put("a fraction for an integer", new Json.Raw("1.5"));
                wrong.put("a number too long for any integer", new Json.Raw(TOO_LONG_NUMBER));
                wrong.put("a boolean for an integer", true);
                bounds(schema, wrong);
            }
            case "number" -> {
                wrong.put("a string for a number", "1.5");
                wrong.put("a boolean for a number", true);
                bounds(schema, wrong);
            }
            case "boolean" -> {
                wrong.put("a string for a boolean", "true");
                wrong.put("a number for a boolean", new Json.Raw("1"));
            }
            case "array" -> {
                wrong.put("a string for an array", "x");
                wrong.put("an object for an array", Map.of());
            }
            default -> {
                wrong.put("a string for an object", "x");
                wrong.put("an array for an object", List.of());
            }
        }
        return wrong;
    }

    private static void bounds(Schema schema, Map<String, Object> wrong) {
        if (schema.number("maximum") != null) {
            wrong.put("a number above its maximum", schema.number("maximum") + 1);
        }
        if (schema.number("minimum") != null) {
            wrong.put("a number below its minimum", schema.number("minimum") - 1);
        }
    }

    private void mutated(
            OperationShape shape,
            Object valid,
            List<Object> at,
            String what,
            Object replacement,
            String field,
            List<FuzzRequest> requests) {
        String body = Json.write(Json.replace(valid, at, replacement));
        long limit = shape.operation().maxRequestBytes();
        // an array past its maximum can be past the body limit too: then it is refused as too large, also a refusal
        int status = body.getBytes(StandardCharsets.UTF_8).length > limit ? 413 : 400;
        requests.add(request(
                shape,
                what + " at " + Json.field(at),
                pathValues(shape, null, null),
                queryValues(shape),
                headerValues(shape),
                "application/json",
                body,
                status,
                status == 400 ? field : null));
    }

    private static Object get(Object tree, List<Object> path) {
        Object node = tree;
        for (Object step : path) {
            node = step instanceof Integer index ? ((List<?>) node).get(index) : ((Map<?, ?>) node).get(step);
        }
        return node;
    }

    private static List<Object> append(List<Object> path, Object step) {
        List<Object> longer = new ArrayList<>(path);
        longer.add(step);
        return longer;
    }

    private static List<Object> nCopies(List<?> list, int index, Object replacement) {
        List<Object> copy = new ArrayList<>(list);
        copy.set(index, replacement);
        return copy;
    }

    /** The i-th of distinct valid items (an enum's values run out: then repeats, refused as repeats). */
    private static Object distinct(Schema items, Object item, int i) {
        if (items.isEnum()) {
            return items.enumValues().get(i % items.enumValues().size());
        }
        return item instanceof String text ? text + i : item;
    }

    private static String validBody(OperationShape shape) {
        return shape.body() == null ? null : Json.write(ValidValues.of(shape.body()));
    }

    private static Map<String, String> pathValues(OperationShape shape, String name, String value) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Parameter parameter : shape.parameters()) {
            if ("path".equals(parameter.in())) {
                values.put(parameter.name(), String.valueOf(ValidValues.of(parameter.schema())));
            }
        }
        if (name != null) {
            values.put(name, value);
        }
        return values;
    }

    private static Map<String, String> queryValues(OperationShape shape) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Parameter parameter : shape.parameters()) {
            if ("query".equals(parameter.in()) && parameter.required()) {
                values.put(parameter.name(), String.valueOf(ValidValues.of(parameter.schema())));
            }
        }
        return values;
    }

    private static Map<String, String> headerValues(OperationShape shape) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Parameter parameter : shape.parameters()) {
            if ("header".equals(parameter.in()) && parameter.required()) {
                values.put(
                        parameter.name(),
                        parameter.schema().hasExample()
                                ? String.valueOf(ValidValues.of(parameter.schema()))
                                : HEADER_VALUE);
            }
        }
        return values;
    }

    private static FuzzRequest request(
            OperationShape shape,
            String what,
            Map<String, String> path,
            Map<String, String> query,
            Map<String, String> headers,
            String contentType,
            String body,
            int status,
            String field) {
        String url = shape.operation().path();
        for (Map.Entry<String, String> value : path.entrySet()) {
            url = url.replace("{" + value.getKey() + "}", encode(value.getValue()));
        }
        StringBuilder withQuery = new StringBuilder(url);
        char separator = '?';
        for (Map.Entry<String, String> value : query.entrySet()) {
            withQuery
                    .append(separator)
                    .append(encode(value.getKey()))
                    .append('=')
                    .append(encode(value.getValue()));
            separator = '&';
        }
        return FuzzRequest.of(
                shape.operation().key(),
                what,
                shape.operation().method(),
                withQuery.toString(),
                Collections.unmodifiableMap(headers),
                body == null ? null : contentType,
                body,
                status,
                field);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
