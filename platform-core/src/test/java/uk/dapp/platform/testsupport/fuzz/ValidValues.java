package uk.dapp.platform.testsupport.fuzz;

import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

/**
 * A value that satisfies a schema, built from the contract's {@code example}s where it gives them:
 * the example first, else the first enum value, a fixed date, date-time or UUID, the smallest
 * allowed number or length, one item per array (as many as {@code minItems} asks), every property
 * of an object. A string with a pattern must have an example (a pattern cannot be satisfied blindly).
 */
public final class ValidValues {

    static final String DATE = "2026-01-15";
    static final String DATE_TIME = "2026-01-15T10:00:00Z";
    static final String UUID_VALUE = "3f0e8a52-6c1b-4c57-9d8e-2b7a1c0d9e41";

    private ValidValues() {}

    public static Object of(Schema schema) {
        return of(schema, 0);
    }

    private static Object of(Schema schema, int depth) {
        if (depth > 8) {
            throw new IllegalStateException("schema nested deeper than 8 in " + schema.resource());
        }
        if (schema.hasExample()) {
            return example(schema);
        }
        if (schema.isEnum()) {
            return schema.enumValues().getFirst();
        }
        return switch (schema.type()) {
            case "string" -> text(schema);
            case "integer", "number" -> smallest(schema);
            case "boolean" -> true;
            case "array" -> items(schema, depth);
            default -> object(schema, depth);
        };
    }

    /** The example as JSON would carry it (YAML reads an unquoted date as a Date). */
    static Object example(Schema schema) {
        Object example = schema.example();
        if (example instanceof Date date) {
            SimpleDateFormat format = new SimpleDateFormat(
                    "date-time".equals(schema.format()) ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyy-MM-dd");
            format.setTimeZone(TimeZone.getTimeZone("UTC"));
            return format.format(date);
        }
        return example;
    }

    private static Object text(Schema schema) {
        if (schema.format() != null) {
            switch (schema.format()) {
                case "date" -> {
                    return DATE;
                }
                case "date-time" -> {
                    return DATE_TIME;
                }
                case "uuid" -> {
                    return UUID_VALUE;
                }
                default -> {}
            }
        }
        if (schema.pattern() != null) {
            throw new IllegalStateException(schema.resource() + ": a string with the pattern " + schema.pattern()
                    + " has no example (add one: the fuzz test and the examples test build valid requests from it)");
        }
        int length = Math.max(1, schema.minLength() == null ? 1 : schema.minLength());
        return "x".repeat(length);
    }

    private static Number smallest(Schema schema) {
        Long minimum = schema.number("minimum");
        Long maximum = schema.number("maximum");
        long value = minimum != null ? minimum : maximum != null && maximum < 1 ? maximum : 1;
        return "integer".equals(schema.type()) ? (Number) value : (Number) (double) value;
    }

    private static List<Object> items(Schema schema, int depth) {
        Schema items = schema.items();
        int count = Math.max(1, schema.minItems() == null ? 1 : schema.minItems());
        List<Object> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Object item = of(items, depth + 1);
            if (schema.uniqueItems() && items.isEnum()) {
                item = items.enumValues().get(i % items.enumValues().size());
            } else if (schema.uniqueItems() && item instanceof String text && !items.hasExample()) {
                item = text + i;
            }
            list.add(item);
        }
        return list;
    }

    private static Map<String, Object> object(Schema schema, int depth) {
        Map<String, Object> object = new LinkedHashMap<>();
        if (schema.isMap()) {
            return object;
        }
        schema.properties().forEach((name, property) -> object.put(name, of(property, depth + 1)));
        return object;
    }
}
