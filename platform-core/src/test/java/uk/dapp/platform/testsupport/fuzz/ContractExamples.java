package uk.dapp.platform.testsupport.fuzz;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import uk.dapp.platform.caseid.CaseId;
import uk.dapp.platform.caseid.InvalidCaseIdException;
import uk.dapp.platform.contract.OpenApiContract;

/**
 * Every {@code example} a contract file gives satisfies the schema it is given in: type, enum,
 * format, pattern, length and range; and an example of a case ID passes its check character.
 * (The service tests then send requests built from them, so an example that the service refuses fails too.)
 */
public final class ContractExamples {

    private static final String CASE_ID_PATTERN = "^[0-9A-Za-z]{6}-?[0-9A-Za-z]{6}-?[0-9A-Za-z]{6}$";

    private ContractExamples() {}

    /** The problems of every example in the contract file and the files its operations refer to. */
    public static List<String> problems(OpenApiContract contract) {
        List<String> problems = new ArrayList<>();
        java.util.Set<String> files = new java.util.TreeSet<>();
        files.add(contract.resource());
        contract.operations().forEach(operation -> files.add(operation.definedIn()));
        for (String file : files) {
            walk(file, OpenApiContract.read(file), file, false, problems);
        }
        return problems;
    }

    @SuppressWarnings("unchecked")
    /** {@code namesProperties}: the map is an object's {@code properties}, whose keys are names, not keywords. */
    private static void walk(
            String resource, Object node, String where, boolean namesProperties, List<String> problems) {
        if (node instanceof Map<?, ?> map) {
            if (!namesProperties
                    && map.containsKey("example")
                    && (map.containsKey("type")
                            || map.containsKey("$ref")
                            || map.containsKey("allOf")
                            || map.containsKey("enum"))) {
                check(Schema.of(resource, map), where, problems);
            }
            ((Map<String, Object>) map).forEach((key, value) -> {
                if (namesProperties || !"example".equals(key)) {
                    walk(resource, value, where + "/" + key, !namesProperties && "properties".equals(key), problems);
                }
            });
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(resource, list.get(i), where + "/" + i, false, problems);
            }
        }
    }

    static void check(Schema schema, String where, List<String> problems) {
        Object example = ValidValues.example(schema);
        String broken = broken(schema, example);
        if (broken != null) {
            problems.add(where + ": the example " + example + " " + broken);
        }
    }

    private static String broken(Schema schema, Object example) {
        if (schema.isEnum() && !schema.enumValues().contains(example)) {
            return "is not one of " + schema.enumValues();
        }
        switch (schema.type()) {
            case "string" -> {
                if (!(example instanceof String text)) {
                    return "is not a string";
                }
                if (schema.maxLength() != null && text.length() > schema.maxLength()
                        || schema.minLength() != null && text.length() < schema.minLength()) {
                    return "is not between " + schema.minLength() + " and " + schema.maxLength() + " characters";
                }
                if (schema.pattern() != null
                        && !Pattern.compile(schema.pattern()).matcher(text).find()) {
                    return "does not match " + schema.pattern();
                }
                try {
                    switch (String.valueOf(schema.format())) {
                        case "date" -> LocalDate.parse(text);
                        case "date-time" -> OffsetDateTime.parse(text);
                        case "uuid" -> UUID.fromString(text);
                        default -> {}
                    }
                } catch (RuntimeException e) {
                    return "is not a " + schema.format();
                }
                if (CASE_ID_PATTERN.equals(schema.pattern())) {
                    try {
                        CaseId.parse(text);
                    } catch (InvalidCaseIdException e) {
                        return "is not a valid case ID: " + e.getMessage();
                    }
                }
            }
            case "integer", "number" -> {
                if (!(example instanceof Number number)) {
                    return "is not a number";
                }
                Long minimum = schema.number("minimum");
                Long maximum = schema.number("maximum");
                if (minimum != null && number.doubleValue() < minimum
                        || maximum != null && number.doubleValue() > maximum) {
                    return "is not between " + minimum + " and " + maximum;
                }
            }
            case "boolean" -> {
                if (!(example instanceof Boolean)) {
                    return "is not a boolean";
                }
            }
            default -> {}
        }
        return null;
    }
}
