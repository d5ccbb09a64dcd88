package uk.dapp.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What each runnable module reads, taken from the repository at test time, so a Deployment that
 * sets an environment variable no service reads (a typo, a renamed property) fails the build.
 *
 * <p>A module reads: every key of its {@code application*.yml}; every key of the platform's
 * {@code dapp-platform-defaults.properties} (all but the web app, which does not use the platform); every property named in a {@code ${...}} placeholder
 * or an {@code environment.getProperty("...")} in its own Java sources (and, for the three
 * services, in the platform's: the platform's MongoDB and servlet security configuration do not
 * apply to the reactive gateway); the gateway's {@code dapp.services.<key>.url} for each key in
 * {@code RoutedService}; partner-support's {@code EncryptionSettings} (its keyset, keyset file and
 * v1 keys); and Spring Boot's own {@code server.port}, {@code spring.mongodb.uri},
 * {@code spring.profiles.active}, {@code management.server.port}, {@code logging.structured.format.console}.
 *
 * <p>An environment variable maps to a property the way Spring Boot binds it: the property's
 * canonical name in upper case with dots turned into underscores and dashes removed
 * ({@code dapp.services.risk-matrix.url} is {@code DAPP_SERVICES_RISKMATRIX_URL}); a map property
 * takes any suffix ({@code DAPP_PARTNERSUPPORT_ENCRYPTION_KEYS_<ID>}). A variable named in a
 * placeholder ({@code ${DAPP_KEYCLOAK_ISSUER:...}}) is read under exactly that name.
 */
final class ServiceProperties {

    static final List<String> MODULES =
            List.of("gateway", "risk-matrix-service", "programme-service", "partner-support-service", "web");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.\\-\\[\\]]+)");
    private static final Pattern GET_PROPERTY = Pattern.compile("getProperty\\(\\s*\"([a-z0-9_.\\-]+)\"");
    /** A properties record: {@code @ConfigurationProperties("prefix") ... record Name(Type a, Map<K, V> b, ...)}. */
    private static final Pattern PROPERTIES_RECORD = Pattern.compile(
            "@ConfigurationProperties\\(\"([a-z0-9.\\-]+)\"\\)\\s+public\\s+record\\s+\\w+\\(([^)]*)\\)");

    private static final Pattern RECORD_COMPONENT = Pattern.compile("([\\w.]+(?:<[^>]*>)?)\\s+(\\w+)\\s*(?:,|$)");
    private static final Pattern ROUTED_SERVICE =
            Pattern.compile("^\\s+[A-Z_]+\\(\"([a-z0-9-]+)\",", Pattern.MULTILINE);

    /** Properties the Spring Boot starters read that the services rely on. */
    private static final Set<String> BOOT = Set.of(
            "server.port",
            "spring.mongodb.uri",
            "spring.profiles.active",
            "management.server.port",
            "logging.structured.format.console");

    final Set<String> properties = new TreeSet<>();
    final Set<String> exactEnvironmentNames = new TreeSet<>();
    final Set<String> mapProperties = new TreeSet<>();

    private ServiceProperties() {}

    static ServiceProperties of(String module) {
        Path root = Manifests.ROOT;
        ServiceProperties read = new ServiceProperties();
        read.properties.addAll(BOOT);
        try (Stream<Path> files = Files.list(root.resolve(module).resolve("src/main/resources"))) {
            for (Path yml : files.filter(f -> f.getFileName().toString().matches("application.*\\.ya?ml"))
                    .toList()) {
                Map<String, Object> tree = Manifests.yamlFile(yml);
                read.flatten("", tree);
                read.placeholders(Files.readString(yml));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!module.equals("web")) { // the web app does not use the platform library
            Path defaults = root.resolve("platform/src/main/resources/dapp-platform-defaults.properties");
            Properties platform = new Properties();
            try (var in = Files.newInputStream(defaults)) {
                platform.load(in);
                platform.stringPropertyNames().forEach(read.properties::add);
                read.placeholders(Files.readString(defaults));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        read.javaSources(root.resolve(module).resolve("src/main/java"));
        if (!module.equals("web")) { // the web app uses neither the platform nor its core
            read.javaSources(root.resolve("platform-core/src/main/java"));
        }
        if (!module.equals("gateway") && !module.equals("web")) {
            read.javaSources(root.resolve("platform/src/main/java"));
        }
        if (module.equals("gateway")) {
            String routed = source(root.resolve("gateway/src/main/java/uk/dapp/gateway/routing/RoutedService.java"));
            String routes = source(root.resolve("gateway/src/main/java/uk/dapp/gateway/routing/ServiceRoutes.java"));
            if (!(routes + routed)
                    .matches("(?s).*\"dapp\\.services\\.\" \\+ (service\\.)?key(\\(\\))? \\+ \"\\.url\".*")) {
                throw new IllegalStateException(
                        "the gateway no longer reads dapp.services.<key>.url: update this test");
            }
            Matcher keys = ROUTED_SERVICE.matcher(routed);
            while (keys.find()) {
                read.properties.add("dapp.services." + keys.group(1) + ".url");
            }
        }
        if (module.equals("partner-support-service")) {
            String settings = source(root.resolve(
                    "partner-support-service/src/main/java/uk/dapp/partnersupport/crypto/EncryptionSettings.java"));
            if (!settings.contains("@ConfigurationProperties(\"dapp.partner-support.encryption\")")
                    || !settings.contains("String keyset,")
                    || !settings.contains("String keysetFile,")
                    || !settings.contains("Map<String, String> keys")) {
                throw new IllegalStateException("EncryptionSettings changed shape: update this test");
            }
            read.properties.add("dapp.partner-support.encryption.keyset");
            read.properties.add("dapp.partner-support.encryption.keyset-file");
            read.mapProperties.add("dapp.partner-support.encryption.keys");
        }
        return read;
    }

    /** The environment variable Spring Boot binds to this property. */
    static String environmentName(String property) {
        return property.replace("-", "").replace('.', '_').toUpperCase(Locale.ROOT);
    }

    /** Whether setting this environment variable sets something the module reads. */
    boolean reads(String variable) {
        if (exactEnvironmentNames.contains(variable)) {
            return true;
        }
        if (properties.stream().map(ServiceProperties::environmentName).anyMatch(variable::equals)) {
            return true;
        }
        return mapProperties.stream()
                .map(ServiceProperties::environmentName)
                .anyMatch(prefix -> variable.startsWith(prefix + "_") && variable.length() > prefix.length() + 1);
    }

    private void flatten(String prefix, Object node) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> flatten(prefix.isEmpty() ? key.toString() : prefix + "." + key, value));
        } else if (!prefix.isEmpty()) {
            properties.add(prefix);
        }
    }

    private void placeholders(String text) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            String name = matcher.group(1);
            if (name.matches("[A-Z0-9_]+")) {
                exactEnvironmentNames.add(name);
            } else {
                properties.add(name);
            }
        }
    }

    private void javaSources(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String code = source(file);
                placeholders(code);
                Matcher matcher = GET_PROPERTY.matcher(code);
                while (matcher.find()) {
                    if (!matcher.group(1).endsWith(".")) {
                        properties.add(matcher.group(1));
                    }
                }
                propertiesRecord(code);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each component of a properties record is a property, kebab-cased under its prefix (a Map's, any key under it). */
    private void propertiesRecord(String code) {
        Matcher record = PROPERTIES_RECORD.matcher(code);
        while (record.find()) {
            Matcher component = RECORD_COMPONENT.matcher(
                    record.group(2).replaceAll("\\s+", " ").trim());
            while (component.find()) {
                String property = record.group(1) + "."
                        + component
                                .group(2)
                                .replaceAll("([a-z0-9])([A-Z])", "$1-$2")
                                .toLowerCase(Locale.ROOT);
                if (component.group(1).startsWith("Map<")) {
                    mapProperties.add(property);
                } else {
                    properties.add(property);
                }
            }
        }
    }

    private static String source(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        Set<String> all = new LinkedHashSet<>(properties);
        mapProperties.forEach(p -> all.add(p + ".*"));
        all.addAll(exactEnvironmentNames);
        return all.toString();
    }
}
