package uk.dapp.web.gateway;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.validation.BindingResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service's RFC 9457 problem+json answer, as far as it could be read: title, detail, each field
 * error (field, rule, message) and any other property (a 409 names the current status and the
 * allowed moves).
 */
public record ServiceProblem(
        int status, String title, String detail, List<FieldProblem> errors, Map<String, String> properties) {

    public record FieldProblem(String field, String rule, String message) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> STANDARD =
            List.of("type", "title", "status", "detail", "instance", "errors", "correlationId");

    /** Reads a problem body leniently: an empty or non-JSON body gives a problem with only the status. */
    static ServiceProblem read(int status, byte[] body) {
        List<FieldProblem> errors = new ArrayList<>();
        Map<String, String> properties = new LinkedHashMap<>();
        String title = null;
        String detail = null;
        try {
            JsonNode json = body.length == 0 ? null : JSON.readTree(body);
            if (json != null && json.isObject()) {
                title = text(json, "title");
                detail = text(json, "detail");
                for (JsonNode error : json.path("errors")) {
                    errors.add(new FieldProblem(text(error, "field"), text(error, "rule"), text(error, "message")));
                }
                for (var property : json.properties()) {
                    if (!STANDARD.contains(property.getKey())) {
                        JsonNode value = property.getValue();
                        properties.put(
                                property.getKey(),
                                value.isArray()
                                        ? joined(value)
                                        : value.isValueNode() ? value.asString() : value.toString());
                    }
                }
            }
        } catch (RuntimeException notJson) {
            // a proxy's HTML error page or a cut-off body: the status says enough
        }
        return new ServiceProblem(status, title, detail, List.copyOf(errors), Map.copyOf(properties));
    }

    private static String joined(JsonNode array) {
        List<String> items = new ArrayList<>();
        array.forEach(item -> items.add(item.isValueNode() ? item.asString() : item.toString()));
        return String.join(", ", items);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    /**
     * Puts the problem's field errors on the form, each beside its field: an error naming a field
     * the form has is a field error (message key {@code <rule>.<form>.<field>}, then
     * {@code <rule>.<field>}, then {@code <rule>}, else the service's own message); any other is a
     * form-wide error. The form's fields carry the API's names, so no mapping is needed; where
     * one differs, {@code fieldNames} maps the API's name to the form's.
     */
    public void addTo(BindingResult form, Map<String, String> fieldNames) {
        BeanWrapperImpl target = form.getTarget() == null ? null : new BeanWrapperImpl(form.getTarget());
        if (errors.isEmpty()) {
            form.reject("Rejected", sentence(detail != null ? detail : title));
            return;
        }
        for (FieldProblem error : inFormOrder(form.getTarget(), fieldNames)) {
            String field = fieldNames.getOrDefault(error.field(), error.field());
            String rule = error.rule() == null ? "Invalid" : error.rule();
            if (field != null && target != null && isField(target, field)) {
                form.rejectValue(field, rule, sentence(error.message()));
            } else {
                form.reject(rule, sentence(error.message()));
            }
        }
    }

    public void addTo(BindingResult form) {
        addTo(form, Map.of());
    }

    /** The summary lists errors in the order of the form's fields (declared in that order), then the rest. */
    private List<FieldProblem> inFormOrder(Object target, Map<String, String> fieldNames) {
        if (target == null) {
            return errors;
        }
        List<String> order = new ArrayList<>();
        for (java.lang.reflect.Field declared : target.getClass().getDeclaredFields()) {
            order.add(declared.getName());
        }
        java.util.function.ToIntFunction<FieldProblem> position = error -> {
            String field = fieldNames.getOrDefault(error.field(), error.field());
            int index = field == null ? -1 : order.indexOf(field.split("[.\\[]")[0]);
            return index < 0 ? Integer.MAX_VALUE : index;
        };
        return errors.stream()
                .sorted(java.util.Comparator.comparingInt(position))
                .toList();
    }

    private static boolean isField(BeanWrapperImpl target, String field) {
        try {
            return target.isReadableProperty(field);
        } catch (RuntimeException notAPath) {
            return false;
        }
    }

    /** A service message as a sentence on a page: capital first letter. */
    static String sentence(String message) {
        if (message == null || message.isBlank()) {
            return "There is a problem with this answer";
        }
        return Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }
}
