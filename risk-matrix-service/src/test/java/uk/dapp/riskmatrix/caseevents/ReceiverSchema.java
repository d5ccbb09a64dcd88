package uk.dapp.riskmatrix.caseevents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.JsonNode;

/**
 * Checks a request body against a schema of the receiver's contract as shipped in api-specs
 * ({@code openapi/*.yaml} on the classpath): every required property present, no property the
 * schema does not name, and each value of the declared type, enum, pattern and format. Enough for
 * the flat event schemas; it says so when it meets anything else.
 */
final class ReceiverSchema {

    private ReceiverSchema() {}

    /** The broken rules, empty when the body conforms. */
    static List<String> violations(String specFile, String schemaName, JsonNode body) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> schema = schema(specFile, schemaName);
        Map<String, Object> properties = map(schema.get("properties"));
        for (Object required : list(schema.get("required"))) {
            if (!body.has((String) required) || body.get((String) required).isNull()) {
                problems.add(required + " is required");
            }
        }
        for (String field : body.propertyNames()) {
            Object declared = properties.get(field);
            if (declared == null) {
                problems.add(field + " is not in " + schemaName);
                continue;
            }
            Map<String, Object> property = resolve(specFile, map(declared));
            JsonNode value = body.get(field);
            if (!"string".equals(property.get("type")) || !value.isString()) {
                problems.add(field + " is " + value + ", the check knows only string properties, declared " + property);
                continue;
            }
            String text = value.asString();
            if (property.containsKey("enum") && !list(property.get("enum")).contains(text)) {
                problems.add(field + " " + text + " is not one of " + property.get("enum"));
            }
            if (property.containsKey("pattern")
                    && !Pattern.compile((String) property.get("pattern"))
                            .matcher(text)
                            .find()) {
                problems.add(field + " " + text + " does not match " + property.get("pattern"));
            }
            try {
                if ("date".equals(property.get("format"))) {
                    LocalDate.parse(text);
                } else if ("date-time".equals(property.get("format"))) {
                    OffsetDateTime.parse(text);
                }
            } catch (RuntimeException e) {
                problems.add(field + " " + text + " is not a " + property.get("format"));
            }
        }
        return problems;
    }

    private static Map<String, Object> schema(String specFile, String name) {
        return map(map(map(load(specFile).get("components")).get("schemas")).get(name));
    }

    /** Follows {@code $ref}s to this file's or a sibling file's components. */
    private static Map<String, Object> resolve(String specFile, Map<String, Object> property) {
        Object ref = property.get("$ref");
        if (ref == null) {
            return property;
        }
        String[] parts = ((String) ref).split("#/components/schemas/");
        String file = parts[0].isEmpty() ? specFile : parts[0].replaceFirst("^\\./", "");
        return resolve(file, schema(file, parts[1]));
    }

    private static Map<String, Object> load(String specFile) {
        try (InputStream in = ReceiverSchema.class.getClassLoader().getResourceAsStream("openapi/" + specFile)) {
            if (in == null) {
                throw new IllegalStateException("no openapi/" + specFile + " on the classpath");
            }
            return new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        if (value == null) {
            throw new IllegalStateException("the contract lacks an expected part");
        }
        return (Map<String, Object>) value;
    }

    private static List<?> list(Object value) {
        return value == null ? List.of() : (List<?>) value;
    }
}
