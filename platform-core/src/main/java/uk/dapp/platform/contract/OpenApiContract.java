package uk.dapp.platform.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

    /**
     * The largest request body an operation accepts unless its contract says otherwise with
     * {@code x-max-request-bytes}, which only operations that need more do.
     */
    public static final long DEFAULT_MAX_REQUEST_BYTES = 64 * 1024;

    /**
     * One operation: HTTP method (upper case), path template as written in the spec, id, allowed
     * roles, the headers it requires (such as the admin's {@code X-Access-Reason}), the largest
     * request body it accepts, and the contract file that defines it (the referring one, or the
     * one a path item's {@code $ref} names).
     */
    public record Operation(
            String method,
            String path,
            String operationId,
            List<String> roles,
            List<String> requiredHeaders,
            long maxRequestBytes,
            String definedIn) {

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
            String itemResource = resource;
            if (item.get("$ref") instanceof String ref) {
                // a path item defined once elsewhere (the audit views in common.yaml)
                itemResource = target(resource, ref);
                item = (Map<String, Object>) resolve(resource, ref);
            }
            String definedIn = itemResource;
            Map<String, Object> pathItem = item;
            item.forEach((method, definition) -> {
                if (METHODS.contains(method)) {
                    Map<String, Object> operation = (Map<String, Object>) definition;
                    List<String> roles = (List<String>) operation.get("x-roles");
                    if (roles == null || roles.isEmpty()) {
                        throw new IllegalStateException(resource + ": " + method.toUpperCase(Locale.ROOT) + " " + path
                                + " declares no x-roles");
                    }
                    long maxRequestBytes = operation.get("x-max-request-bytes") instanceof Number limit
                            ? limit.longValue()
                            : DEFAULT_MAX_REQUEST_BYTES;
                    operations.add(new Operation(
                            method.toUpperCase(Locale.ROOT),
                            path,
                            (String) operation.get("operationId"),
                            List.copyOf(roles),
                            requiredHeaders(definedIn, pathItem, operation),
                            maxRequestBytes,
                            definedIn));
                }
            });
        });
        return new OpenApiContract(resource, List.copyOf(operations));
    }

    /** Header parameters marked required, of the path item and the operation, {@code $ref}s followed. */
    @SuppressWarnings("unchecked")
    private static List<String> requiredHeaders(
            String resource, Map<String, Object> item, Map<String, Object> operation) {
        List<String> headers = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        parameters.addAll((List<Object>) item.getOrDefault("parameters", List.of()));
        parameters.addAll((List<Object>) operation.getOrDefault("parameters", List.of()));
        for (Object entry : parameters) {
            Map<String, Object> parameter = (Map<String, Object>) entry;
            if (parameter.get("$ref") instanceof String ref) {
                parameter = (Map<String, Object>) resolve(resource, ref);
            }
            if ("header".equals(parameter.get("in")) && Boolean.TRUE.equals(parameter.get("required"))) {
                headers.add((String) parameter.get("name"));
            }
        }
        return List.copyOf(headers);
    }

    /** The file a {@code $ref} names, as a classpath resource (the referring one for a local reference). */
    public static String target(String referringResource, String ref) {
        int hash = ref.indexOf('#');
        String file = hash < 0 ? ref : ref.substring(0, hash);
        String folder = referringResource.contains("/")
                ? referringResource.substring(0, referringResource.lastIndexOf('/') + 1)
                : "";
        return file.isEmpty() ? referringResource : folder + (file.startsWith("./") ? file.substring(2) : file);
    }

    /** What a {@code $ref} such as {@code ./common.yaml#/paths/~1audit-records} points at. */
    public static Object resolve(String referringResource, String ref) {
        int hash = ref.indexOf('#');
        String pointer = hash < 0 ? "" : ref.substring(hash + 1);
        Object node = read(target(referringResource, ref));
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
            throw new IllegalStateException(referringResource + ": $ref " + ref + " is not an object");
        }
        return node;
    }

    /**
     * A contract file as read from the classpath (maps, lists and scalars, {@code $ref}s as written),
     * read once; callers must not change what they get.
     */
    public static Map<String, Object> read(String resource) {
        return DOCUMENTS.computeIfAbsent(resource, OpenApiContract::parse);
    }

    private static final Map<String, Map<String, Object>> DOCUMENTS = new java.util.concurrent.ConcurrentHashMap<>();

    private static Map<String, Object> parse(String resource) {
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
