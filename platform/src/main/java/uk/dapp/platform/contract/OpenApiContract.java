package uk.dapp.platform.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A service's contract as read from {@code api-specs} on the classpath: its operations, each with
 * the realm roles allowed to call it ({@code x-roles}). The security chain, the gateway and the
 * conformance tests all read the same file, so the spec stays the one source of truth.
 */
public record OpenApiContract(String resource, List<Operation> operations) {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    /** One operation: HTTP method (upper case), path template as written in the spec, id and allowed roles. */
    public record Operation(String method, String path, String operationId, List<String> roles) {

        public String key() {
            return method + " " + path;
        }
    }

    /** Loads {@code openapi/<name>.yaml}. */
    public static OpenApiContract forService(String name) {
        return load("openapi/" + name + ".yaml");
    }

    @SuppressWarnings("unchecked")
    public static OpenApiContract load(String resource) {
        Map<String, Object> document = read(resource);
        Map<String, Object> paths = (Map<String, Object>) document.getOrDefault("paths", Map.of());
        List<Operation> operations = new ArrayList<>();
        paths.forEach((path, value) -> {
            Map<String, Object> item = (Map<String, Object>) value;
            if (item.get("$ref") instanceof String ref) {
                // a path item defined once elsewhere (the audit views in common.yaml)
                item = pathItem(resource, ref);
            }
            item.forEach((method, definition) -> {
                if (METHODS.contains(method)) {
                    Map<String, Object> operation = (Map<String, Object>) definition;
                    List<String> roles = (List<String>) operation.get("x-roles");
                    if (roles == null || roles.isEmpty()) {
                        throw new IllegalStateException(resource + ": " + method.toUpperCase() + " " + path
                                + " declares no x-roles");
                    }
                    operations.add(new Operation(method.toUpperCase(), path,
                            (String) operation.get("operationId"), List.copyOf(roles)));
                }
            });
        });
        return new OpenApiContract(resource, List.copyOf(operations));
    }

    /** The path item a {@code $ref} such as {@code ./common.yaml#/paths/~1audit-records} points at. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> pathItem(String referringResource, String ref) {
        int hash = ref.indexOf('#');
        String file = hash < 0 ? ref : ref.substring(0, hash);
        String pointer = hash < 0 ? "" : ref.substring(hash + 1);
        String folder = referringResource.contains("/")
                ? referringResource.substring(0, referringResource.lastIndexOf('/') + 1) : "";
        String target = file.isEmpty() ? referringResource : folder + (file.startsWith("./") ? file.substring(2) : file);
        Object node = read(target);
        for (String token : pointer.split("/")) {
            if (token.isEmpty()) {
                continue;
            }
            String key = token.replace("~1", "/").replace("~0", "~");
            if (!(node instanceof Map<?, ?> map) || !map.containsKey(key)) {
                throw new IllegalStateException(referringResource + ": $ref " + ref + " points at nothing");
            }
            node = map.get(key);
        }
        if (!(node instanceof Map<?, ?>)) {
            throw new IllegalStateException(referringResource + ": $ref " + ref + " is not a path item");
        }
        return (Map<String, Object>) node;
    }

    private static Map<String, Object> read(String resource) {
        ClassLoader loader = OpenApiContract.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no contract on the classpath at " + resource);
            }
            return new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
