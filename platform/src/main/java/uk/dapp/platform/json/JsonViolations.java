package uk.dapp.platform.json;

import java.time.LocalDate;
import java.time.temporal.TemporalAccessor;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import uk.dapp.platform.problem.Causes;
import uk.dapp.platform.problem.FieldViolation;

/**
 * What a body that could not be read broke, as a field error: the field is the JSON path
 * ({@code partners[2].phone}) or {@code body}, the rule and message say what was expected. Never
 * the value sent, which may be a name.
 */
public final class JsonViolations {

    private JsonViolations() {}

    /** The field error for the first Jackson exception in the cause chain, or one about the whole body. */
    public static FieldViolation of(Throwable error) {
        JacksonException jackson = Causes.find(error, JacksonException.class);
        if (jackson == null) {
            return new FieldViolation("body", "Format", "the request body is missing or is not JSON");
        }
        String field = path(jackson);
        return switch (jackson) {
            case JsonRuleException rule ->
                new FieldViolation(
                        rule.aboutContainer() ? withoutLastIndex(field) : field, rule.rule(), rule.ruleMessage());
            case InvalidNullException ignored -> new FieldViolation(field, "NotNull", "must not be null");
            case InvalidFormatException format -> new FieldViolation(field, "Format", expected(format.getTargetType()));
            case MismatchedInputException mismatch ->
                new FieldViolation(field, "Type", expected(mismatch.getTargetType()));
            case InputCoercionException ignored -> new FieldViolation(field, "Type", "is out of range for its type");
            case StreamConstraintsException ignored ->
                new FieldViolation(
                        field,
                        "Limits",
                        "the body nests values deeper than " + StrictJson.MAX_NESTING_DEPTH
                                + " levels, or holds a value too long");
            case StreamReadException ignored ->
                new FieldViolation("body", "Format", "the request body is not well-formed JSON, or repeats a key");
            default -> new FieldViolation(field, "Format", "is not valid here");
        };
    }

    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String withoutLastIndex(String field) {
        return field.endsWith("]") && field.lastIndexOf('[') > 0 ? field.substring(0, field.lastIndexOf('[')) : field;
    }

    /** What a value of the target type looks like, in words. */
    static String expected(Class<?> type) {
        if (type == null) {
            return "is not of the expected type";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.toString(type.getEnumConstants());
        }
        if (type == String.class) {
            return "must be a string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "must be a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "must be a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type == LocalDate.class) {
            return "must be a date in the form 2026-03-14";
        }
        if (TemporalAccessor.class.isAssignableFrom(type)) {
            return "must be a date and time in the form 2026-03-14T09:30:00Z";
        }
        if (type == UUID.class) {
            return "must be a UUID";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be an array";
        }
        if (Map.class.isAssignableFrom(type) || !type.getName().startsWith("java.")) {
            return "must be an object";
        }
        return "is not of the expected type";
    }
}
