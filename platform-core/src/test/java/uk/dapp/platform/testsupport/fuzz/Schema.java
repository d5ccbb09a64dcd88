package uk.dapp.platform.testsupport.fuzz;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.dapp.platform.contract.OpenApiContract;

/**
 * One schema of a contract, with the file it is written in ({@code $ref}s inside it are relative to
 * that file). {@link #of} follows {@code $ref} and a one-part {@code allOf} (the contracts use it to
 * describe a referenced schema in place), keeping the local description, example and nullability.
 */
public record Schema(String resource, Map<String, Object> node) {

    @SuppressWarnings("unchecked")
    public static Schema of(String resource, Object node) {
        Map<String, Object> map = (Map<String, Object>) node;
        if (map.get("$ref") instanceof String ref) {
            return of(OpenApiContract.target(resource, ref), OpenApiContract.resolve(resource, ref));
        }
        if (map.get("allOf") instanceof List<?> parts) {
            if (parts.size() != 1) {
                throw new IllegalStateException(
                        resource + ": an allOf of " + parts.size() + " parts is not understood");
            }
            Schema part = of(resource, parts.getFirst());
            Map<String, Object> merged = new LinkedHashMap<>(part.node());
            map.forEach((key, value) -> {
                if (!key.equals("allOf")) {
                    merged.put(key, value);
                }
            });
            return new Schema(part.resource(), merged);
        }
        return new Schema(resource, map);
    }

    public String type() {
        Object type = node.get("type");
        if (type instanceof String named) {
            return named;
        }
        if (node.containsKey("properties") || node.containsKey("additionalProperties")) {
            return "object";
        }
        return node.containsKey("enum") ? "string" : "object";
    }

    public String format() {
        return (String) node.get("format");
    }

    public boolean isEnum() {
        return node.get("enum") instanceof List<?>;
    }

    @SuppressWarnings("unchecked")
    public List<Object> enumValues() {
        return (List<Object>) node.get("enum");
    }

    @SuppressWarnings("unchecked")
    public Map<String, Schema> properties() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        ((Map<String, Object>) node.getOrDefault("properties", Map.of()))
                .forEach((name, schema) -> properties.put(name, of(resource, schema)));
        return properties;
    }

    @SuppressWarnings("unchecked")
    public List<String> required() {
        return (List<String>) node.getOrDefault("required", List.of());
    }

    public Schema items() {
        return of(resource, node.get("items"));
    }

    public boolean isMap() {
        return node.get("additionalProperties") instanceof Map<?, ?>;
    }

    public Schema mapValues() {
        return of(resource, node.get("additionalProperties"));
    }

    public Long number(String keyword) {
        return node.get(keyword) instanceof Number n ? n.longValue() : null;
    }

    public Integer maxLength() {
        return integer("maxLength");
    }

    public Integer minLength() {
        return integer("minLength");
    }

    public Integer maxItems() {
        return integer("maxItems");
    }

    public Integer minItems() {
        return integer("minItems");
    }

    public boolean uniqueItems() {
        return Boolean.TRUE.equals(node.get("uniqueItems"));
    }

    public String pattern() {
        return (String) node.get("pattern");
    }

    public boolean hasExample() {
        return node.containsKey("example");
    }

    public Object example() {
        return node.get("example");
    }

    public boolean nullable() {
        return Boolean.TRUE.equals(node.get("nullable"));
    }

    /** A date, date-time or UUID: its parser bounds it, so it needs no maxLength. */
    public boolean boundedByFormat() {
        return "date".equals(format()) || "date-time".equals(format()) || "uuid".equals(format());
    }

    private Integer integer(String keyword) {
        return node.get(keyword) instanceof Number n ? n.intValue() : null;
    }
}
