package uk.dapp.platform.store;

import java.time.Duration;

/**
 * What a service does when its embedded store fails inside a commit: it leaves, with status
 * {@value #STORE_FAILED}. H2 closes the store after such a failure, and a later commit can spin for
 * ever holding the store's lock, so the process would stay up answering nothing (seen on
 * 2026-12-07). Leaving lets the gateway answer 503 at once instead of timing out, lets Kubernetes
 * restart the pod, and a restart reopens the store at its last good commit: nothing acknowledged
 * is lost, because every reply waits for its commit.
 */
public final class StoreFailureExit {

    /** {@code EX_SOFTWARE} from sysexits.h: an internal failure, not a bad command line. */
    static final int STORE_FAILED = 70;

    /**
     * Shutdown hooks run first (Spring closes its context), but a request blocked on the broken
     * store can hold a graceful shutdown for its whole timeout; past this the process halts.
     */
    private static final Duration HALT_AFTER = Duration.ofSeconds(15);

    private StoreFailureExit() {}

    public static void exitProcess(Throwable failure) {
        exitProcess(HALT_AFTER);
    }

    static void exitProcess(Duration haltAfter) {
        Thread halt = new Thread(
                () -> {
                    sleep(haltAfter);
                    Runtime.getRuntime().halt(STORE_FAILED);
                },
                "halt-after-store-failure");
        halt.setDaemon(true);
        halt.start();
        // Not on the failing thread: it may hold the store's lock, and System.exit waits for hooks
        new Thread(() -> System.exit(STORE_FAILED), "exit-after-store-failure").start();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
