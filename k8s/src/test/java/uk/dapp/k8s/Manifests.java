package uk.dapp.k8s;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The manifests as Kubernetes model objects: the raw files of {@code k8s/base} (what a reviewer
 * reads), and each overlay rendered by {@code kubectl kustomize} (what a cluster receives).
 * YAML is read with SnakeYAML, then bound to fabric8's model classes, which pick the class from
 * apiVersion and kind.
 */
final class Manifests {

    static final Path ROOT = findRoot();
    static final Path K8S = ROOT.resolve("k8s");
    static final String KUBECTL = findKubectl();

    private static final ObjectMapper MAPPER =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    private static final Map<String, List<HasMetadata>> CACHE = new ConcurrentHashMap<>();
    /** Kinds of the operators the production overlay relies on (CloudNativePG and its Barman Cloud plugin), read as generic resources. */
    static final java.util.Set<String> OPERATOR_KINDS = java.util.Set.of(
            "postgresql.cnpg.io/v1/Cluster",
            "postgresql.cnpg.io/v1/ScheduledBackup",
            "barmancloud.cnpg.io/v1/ObjectStore");

    private Manifests() {}

    /** "base" (raw files) or an overlay's name (rendered). */
    static List<HasMetadata> of(String source) {
        return CACHE.computeIfAbsent(source, s -> s.equals("base") ? rawBase() : parse(render(s), s));
    }

    static boolean kubectlPresent() {
        return KUBECTL != null;
    }

    static String render(String overlay) {
        if (KUBECTL == null) {
            throw new IllegalStateException("kubectl is not on the PATH");
        }
        try {
            Path out = Files.createTempFile("kustomize-" + overlay, ".yaml");
            Path err = Files.createTempFile("kustomize-" + overlay, ".err");
            Process process = new ProcessBuilder(
                            KUBECTL,
                            "kustomize",
                            K8S.resolve("overlays").resolve(overlay).toString())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("kubectl kustomize " + overlay + " did not finish in 120 s");
            }
            String yaml = Files.readString(out);
            String errors = Files.readString(err);
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("kubectl kustomize k8s/overlays/" + overlay + " failed: " + errors);
            }
            return yaml;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<HasMetadata> rawBase() {
        List<HasMetadata> all = new ArrayList<>();
        try (Stream<Path> files = Files.walk(K8S.resolve("base"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml"))
                    .filter(f -> !f.getFileName().toString().equals("kustomization.yaml"))
                    .sorted()
                    .toList()) {
                all.addAll(parse(
                        Files.readString(file, StandardCharsets.UTF_8),
                        K8S.relativize(file).toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all;
    }

    static List<HasMetadata> parse(String yaml, String origin) {
        List<HasMetadata> resources = new ArrayList<>();
        Yaml parser = new Yaml(new SafeConstructor(new LoaderOptions()));
        int index = 0;
        for (Object document : parser.loadAll(yaml)) {
            index++;
            if (document == null) {
                continue;
            }
            KubernetesResource resource;
            try {
                resource = MAPPER.convertValue(document, KubernetesResource.class);
            } catch (IllegalArgumentException e) {
                throw new AssertionError(
                        origin + ", document " + index + " is not a valid Kubernetes object: " + e.getMessage(), e);
            }
            boolean generic = resource instanceof GenericKubernetesResource;
            if (!(resource instanceof HasMetadata object)
                    || (generic
                            && !OPERATOR_KINDS.contains(((Map<?, ?>) document).get("apiVersion") + "/"
                                    + ((Map<?, ?>) document).get("kind")))) {
                throw new AssertionError(origin + ", document " + index + ": kind " + ((Map<?, ?>) document).get("kind")
                        + " is not known to the Kubernetes model nor one of the operators' kinds " + OPERATOR_KINDS);
            }
            resources.add(object);
        }
        return resources;
    }

    @SuppressWarnings("unchecked")
    static <T extends HasMetadata> List<T> all(List<HasMetadata> resources, Class<T> type) {
        return resources.stream().filter(type::isInstance).map(r -> (T) r).toList();
    }

    static Map<String, Object> yamlFile(Path file) {
        try {
            return new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path findRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("k8s/pom.xml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException(
                    "cannot find the repository root above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    private static String findKubectl() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "kubectl");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }
}
