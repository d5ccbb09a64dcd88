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
 * fresh embedded stores, the gateway in front, and the web app. Every end-to-end test talks to it
 * through the gateway with tokens Keycloak issued, or through the web app in a real browser
 * ({@link Browser}); it is stopped when the test JVM exits.
 */
public final class TheSystem {

    /**
     * How long each process may take to be ready: about 20 s on an idle 2-core machine, but minutes when the
     * machine is shared (231 s seen). Only a broken start should fail the run; {@code -De2e.start-time-limit=PT10M}.
     */
    private static final Duration START_TIME_LIMIT = Duration.parse(System.getProperty("e2e.start-time-limit", "PT6M"));

    static final Path ROOT = findRoot();
    static final String VERSION = "0.1.0-SNAPSHOT";

    private static TheSystem running;
    private static RuntimeException failedToStart;
    /** Everything started so far, stopped at exit or when start-up fails half-way (no orphans). */
    private static final List<Runnable> STOPS = new ArrayList<>();

    private final Keycloak keycloak;
    private final Map<String, ServiceProcess> services;
    private final ServiceProcess gateway;
    private final ServiceProcess web;
    private final NeutralSite neutralSite;
    private final NotifyStub notify;
    private final TraceReceiver traces;

    private TheSystem(
            Keycloak keycloak,
            Map<String, ServiceProcess> services,
            ServiceProcess gateway,
            ServiceProcess web,
            NeutralSite neutralSite,
            NotifyStub notify,
            TraceReceiver traces) {
        this.keycloak = keycloak;
        this.services = services;
        this.gateway = gateway;
        this.web = web;
        this.neutralSite = neutralSite;
        this.notify = notify;
        this.traces = traces;
    }

    /** The running system; a start that failed is reported to every test, not retried. */
    public static synchronized TheSystem get() {
        if (failedToStart != null) {
            throw new IllegalStateException("the system under test did not start", failedToStart);
        }
        if (running == null) {
            Runtime.getRuntime().addShutdownHook(new Thread(TheSystem::stopAll, "e2e-system-stop"));
            try {
                running = start();
            } catch (RuntimeException e) {
                failedToStart = e;
                stopAll();
                throw e;
            }
        }
        return running;
    }

    private static synchronized void stopAll() {
        for (int i = STOPS.size() - 1; i >= 0; i--) {
            try {
                STOPS.get(i).run();
            } catch (RuntimeException e) {
                System.err.println("e2e: could not stop a process: " + e);
            }
        }
        STOPS.clear();
    }

    private static TheSystem start() {
        Path work = ROOT.resolve("e2e-tests/target/e2e");
        deleteRecursively(work.resolve("data"));
        Keycloak keycloak = new Keycloak(work.resolve("keycloak"), FreePorts.next(), FreePorts.next());
        STOPS.add(keycloak::stop);
        keycloak.start();

        // the services and the gateway export their spans here (ADR 0017); off by default elsewhere
        TraceReceiver traces = new TraceReceiver(FreePorts.next());
        STOPS.add(traces::stop);
        traces.start();

        Path logs = work.resolve("logs");
        List<String> common = List.of(
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + keycloak.issuer(),
                // short, so the expired-token test does not wait half a minute; production keeps the default
                "--dapp.security.clock-skew=1s",
                "--management.opentelemetry.tracing.export.otlp.endpoint=" + traces.endpoint(),
                "--management.opentelemetry.tracing.export.schedule-delay=500ms");
        Map<String, Integer> ports = new java.util.LinkedHashMap<>();
        for (String module : List.of("risk-matrix-service", "programme-service", "partner-support-service")) {
            ports.put(module, FreePorts.next());
        }
        // every process knows where the services answer: the gateway routes there, the outbox relays deliver there
        List<String> withUrls = new ArrayList<>(common);
        withUrls.add("--dapp.services.risk-matrix.url=http://127.0.0.1:" + ports.get("risk-matrix-service"));
        withUrls.add("--dapp.services.programme.url=http://127.0.0.1:" + ports.get("programme-service"));
        withUrls.add("--dapp.services.partner-support.url=http://127.0.0.1:" + ports.get("partner-support-service"));
        // urgent notifications are emailed to the GOV.UK Notify stand-in ./dapp up uses too
        NotifyStub notify = new NotifyStub(ROOT.resolve("notify-stub"));
        STOPS.add(notify::stop);
        notify.start();
        Map<String, ServiceProcess> services = new java.util.LinkedHashMap<>();
        for (String module : ports.keySet()) {
            List<String> arguments = new ArrayList<>(withUrls);
            arguments.add("--dapp.store.embedded.path=" + work.resolve("data").resolve(module));
            arguments.addAll(notify.serviceArguments());
            services.put(module, new ServiceProcess(module, ports.get(module), arguments, logs));
        }
        List<String> gatewayArguments = new ArrayList<>(withUrls);
        // a comparison figure beside one rate, as a partnership configures its framework's (synthetic here)
        gatewayArguments.add("--dapp.gateway.outcomes.comparisons.effectiveCompletionRate.figure=0.6");
        gatewayArguments.add(
                "--dapp.gateway.outcomes.comparisons.effectiveCompletionRate.source=a synthetic figure for the tests");
        ServiceProcess gateway = new ServiceProcess("gateway", FreePorts.next(), gatewayArguments, logs);
        // "Exit this page" leaves for a neutral page served here, so the browser needs no internet
        NeutralSite neutralSite = new NeutralSite(FreePorts.next());
        STOPS.add(neutralSite::stop);
        neutralSite.start();
        // the web app calls the gateway only, and signs people in at Keycloak (the demo realm's client
        // secret from its demo profile); plain http on 127.0.0.1, so no Secure cookies
        ServiceProcess web = new ServiceProcess(
                "web",
                FreePorts.next(),
                List.of(
                        "--dapp.web.gateway-url=" + gateway.url(),
                        "--dapp.web.keycloak.issuer=" + keycloak.issuer(),
                        "--dapp.web.secure-cookies=false",
                        "--dapp.web.quick-exit.url=" + neutralSite.url(),
                        // its spans too: a page request is the root of the trace the gateway continues
                        "--management.opentelemetry.tracing.export.otlp.endpoint=" + traces.endpoint(),
                        "--management.opentelemetry.tracing.export.schedule-delay=500ms"),
                logs);

        TheSystem system = new TheSystem(keycloak, services, gateway, web, neutralSite, notify, traces);
        for (ServiceProcess process : List.of(
                services.get("risk-matrix-service"),
                services.get("programme-service"),
                services.get("partner-support-service"),
                gateway,
                web)) {
            STOPS.add(process::stop);
            process.start();
        }
        CompletableFuture<Void> keycloakReady = CompletableFuture.runAsync(keycloak::awaitReady);
        services.values().forEach(service -> service.awaitReady(START_TIME_LIMIT));
        gateway.awaitReady(START_TIME_LIMIT);
        web.awaitReady(START_TIME_LIMIT);
        keycloakReady.join();
        return system;
    }

    /** The project's root folder (the README, the dapp script). */
    public static Path root() {
        return ROOT;
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

    /** The web app's base URL, as a browser opens it. */
    public String webUrl() {
        return web.url();
    }

    /** Where the web app's "Exit this page" goes in the tests. */
    public String neutralSiteUrl() {
        return neutralSite.url();
    }

    /** The GOV.UK Notify stand-in the services email through. */
    public NotifyStub notifyStub() {
        return notify;
    }

    /** The spans the services and the gateway exported. */
    public TraceReceiver traces() {
        return traces;
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
            throw new IllegalStateException(
                    "cannot find the project root (no mvnw above " + Path.of("").toAbsolutePath() + ")");
        }
        return here;
    }

    private static void deleteRecursively(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (var paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
