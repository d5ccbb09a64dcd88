package uk.dapp.platform.testsupport.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal JSON writer for the fuzz bodies: maps, lists, strings, numbers, booleans and null, and
 * {@link Raw} text written as it is (a number too long for any type, nesting, a repeated key).
 */
final class Json {

    /** JSON text written verbatim in place of a value. */
    record Raw(String text) {}

    /** Marks a property to leave out. */
    static final Object MISSING = new Object();

    private Json() {}

    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        switch (value) {
            case null -> out.append("null");
            case Raw raw -> out.append(raw.text());
            case String text -> string(text, out);
            case Number number -> out.append(number);
            case Boolean flag -> out.append(flag);
            case Map<?, ?> map -> {
                out.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    if (entry.getValue() == MISSING) {
                        continue;
                    }
                    out.append(first ? "" : ",");
                    first = false;
                    string(String.valueOf(entry.getKey()), out);
                    out.append(':');
                    write(entry.getValue(), out);
                }
                out.append('}');
            }
            case List<?> list -> {
                out.append('[');
                for (int i = 0; i < list.size(); i++) {
                    out.append(i == 0 ? "" : ",");
                    write(list.get(i), out);
                }
                out.append(']');
            }
            default -> string(value.toString(), out);
        }
    }

    private static void string(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** A copy of a tree of maps and lists with the value at {@code path} replaced. */
    @SuppressWarnings("unchecked")
    static Object replace(Object tree, List<Object> path, Object replacement) {
        if (path.isEmpty()) {
            return replacement;
        }
        Object step = path.getFirst();
        List<Object> rest = path.subList(1, path.size());
        if (tree instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) map);
            copy.put((String) step, replace(copy.get(step), rest, replacement));
            return copy;
        }
        List<Object> copy = new ArrayList<>((List<Object>) tree);
        int index = (Integer) step;
        copy.set(index, replace(copy.get(index), rest, replacement));
        return copy;
    }

    /** The field name a problem uses for a path: {@code partners[0].name}. */
    static String field(List<Object> path) {
        StringBuilder field = new StringBuilder();
        for (Object step : path) {
            if (step instanceof Integer index) {
                field.append('[').append(index).append(']');
            } else {
                field.append(field.isEmpty() ? "" : ".").append(step);
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }
}
