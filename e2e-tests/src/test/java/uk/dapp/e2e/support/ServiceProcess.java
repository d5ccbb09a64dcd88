package uk.dapp.e2e.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One packaged service run as its own process, as in production: started from its jar, ready
 * when its readiness probe says so, stoppable gracefully or with {@code kill -9}.
 */
public final class ServiceProcess {

    private final String module;
    private final int port;
    private final List<String> arguments;
    private final Path log;
    private Process process;

    ServiceProcess(String module, int port, List<String> arguments, Path logFolder) {
        this.module = module;
        this.port = port;
        this.arguments = List.copyOf(arguments);
        this.log = logFolder.resolve(module + ".log");
    }

    public String module() {
        return module;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    synchronized void start() {
        Path jar = TheSystem.ROOT.resolve(module).resolve("target").resolve(module + "-" + TheSystem.VERSION + ".jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: the e2e tests run after the services are packaged");
        }
        // C1 only and the serial collector: half the start-up CPU on a small machine, ample for tests;
        // out of memory, the process ends (as ./dapp and the k8s pods run it) rather than lingering half-alive
        List<String> command = new ArrayList<>(List.of(
                javaBinary(),
                "-Xmx384m",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-XX:+ExitOnOutOfMemoryError",
                "-jar",
                jar.toString(),
                "--server.port=" + port));
        command.addAll(arguments);
        try {
            Files.createDirectories(log.getParent());
            process = new ProcessBuilder(command)
                    .directory(TheSystem.ROOT.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    synchronized void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(module + " exited while starting; see " + log);
            }
            try {
                if (Http.get(url() + "/actuator/health/readiness", null).statusCode() == 200) {
                    return;
                }
            } catch (UncheckedIOException notYetListening) {
                // not listening yet
            }
            sleep(500);
        }
        throw new IllegalStateException(module + " was not ready within " + timeout + "; see " + log);
    }

    /** SIGKILL: no shutdown hooks, no graceful close, exactly what a crash does. */
    public synchronized void kill() {
        process.destroyForcibly();
        waitForExit();
    }

    public synchronized void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            waitForExit();
        }
    }

    public synchronized void restart() {
        stop();
        start();
        awaitReady(Duration.ofSeconds(120));
    }

    private void waitForExit() {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
