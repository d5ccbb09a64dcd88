package uk.dapp.e2e.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The whole system, started once per test run on free ports: real Keycloak, the three services on
 * fresh embedded stores, and the gateway in front. Every end-to-end test talks to it through the
 * gateway with tokens Keycloak issued; it is stopped when the test JVM exits.
 */
public final class TheSystem {

    static final Path ROOT = findRoot();
    static final String VERSION = "0.1.0-SNAPSHOT";

    private static TheSystem running;

    private final Keycloak keycloak;
    private final Map<String, ServiceProcess> services;
    private final ServiceProcess gateway;

    private TheSystem(Keycloak keycloak, Map<String, ServiceProcess> services, ServiceProcess gateway) {
        this.keycloak = keycloak;
        this.services = services;
        this.gateway = gateway;
    }

    public static synchronized TheSystem get() {
        if (running == null) {
            running = start();
            Runtime.getRuntime().addShutdownHook(new Thread(running::stop, "e2e-system-stop"));
        }
        return running;
    }

    private static TheSystem start() {
        Path work = ROOT.resolve("e2e-tests/target/e2e");
        deleteRecursively(work.resolve("data"));
        Keycloak keycloak = new Keycloak(work.resolve("keycloak"), FreePorts.next(), FreePorts.next());
        keycloak.start();

        Path logs = work.resolve("logs");
        List<String> common = List.of(
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + keycloak.issuer(),
                // short, so the expired-token test does not wait half a minute; production keeps the default
                "--dapp.security.clock-skew=1s");
        Map<String, ServiceProcess> services = new java.util.LinkedHashMap<>();
        for (String module : List.of("risk-matrix-service", "programme-service", "partner-support-service")) {
            List<String> arguments = new ArrayList<>(common);
            arguments.add("--dapp.store.embedded.path=" + work.resolve("data").resolve(module));
            services.put(module, new ServiceProcess(module, FreePorts.next(), arguments, logs));
        }
        List<String> gatewayArguments = new ArrayList<>(common);
        gatewayArguments.add("--dapp.services.risk-matrix.url=" + services.get("risk-matrix-service").url());
        gatewayArguments.add("--dapp.services.programme.url=" + services.get("programme-service").url());
        gatewayArguments.add("--dapp.services.partner-support.url=" + services.get("partner-support-service").url());
        ServiceProcess gateway = new ServiceProcess("gateway", FreePorts.next(), gatewayArguments, logs);

        TheSystem system = new TheSystem(keycloak, services, gateway);
        services.values().forEach(ServiceProcess::start);
        gateway.start();
        CompletableFuture<Void> keycloakReady = CompletableFuture.runAsync(keycloak::awaitReady);
        services.values().forEach(service -> service.awaitReady(Duration.ofSeconds(180)));
        gateway.awaitReady(Duration.ofSeconds(180));
        keycloakReady.join();
        return system;
    }

    private void stop() {
        gateway.stop();
        services.values().forEach(ServiceProcess::stop);
        keycloak.stop();
    }

    public Keycloak keycloak() {
        return keycloak;
    }

    public ServiceProcess service(String module) {
        return services.get(module);
    }

    public String gatewayUrl() {
        return gateway.url();
    }

    /** The gateway's base URL for one service's API, e.g. {@code /api/risk-matrix}. */
    public String api(String prefix) {
        return gatewayUrl() + "/api/" + prefix;
    }

    private static Path findRoot() {
        Path here = Path.of("").toAbsolutePath();
        while (here != null && !Files.exists(here.resolve("mvnw"))) {
            here = here.getParent();
        }
        if (here == null) {
            throw new IllegalStateException("cannot find the project root (no mvnw above " + Path.of("").toAbsolutePath() + ")");
        }
        return here;
    }

    private static void deleteRecursively(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (var paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
