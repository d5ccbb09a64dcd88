package uk.dapp.platform.periodic;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A check a service runs from start-up to shutdown on a daemon thread of its own: first after
 * {@code firstAfter}, then {@code every} after the end of the one before. A check that fails (the store
 * is down) is logged by its exception's class only, never its message, and the next one tries again:
 * each check must therefore be safe to repeat, and safe for every replica to run at once (a conditional
 * update, not a job's state). A service's runner extends this with its check and its log line.
 */
public abstract class PeriodicRunner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PeriodicRunner.class);

    private final String name;
    private final Duration firstAfter;
    private final Duration every;
    private ScheduledExecutorService scheduler;

    /** {@code name} names the thread and the failures in the log. */
    protected PeriodicRunner(String name, Duration firstAfter, Duration every) {
        if (every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException(name + ": the period must be positive, was " + every);
        }
        this.name = name;
        this.firstAfter = firstAfter;
        this.every = every;
    }

    /** One check. */
    protected abstract void check();

    @Override
    public final synchronized void start() {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name(name).daemon().factory());
        scheduler.scheduleWithFixedDelay(
                this::checkOnce, firstAfter.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void checkOnce() {
        try {
            check();
        } catch (RuntimeException e) {
            // the store is down: the next check tries again (a scheduled task that throws is never run again)
            log.warn("{} check failed: {}", name, e.getClass().getSimpleName());
        }
    }

    @Override
    public final synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public final synchronized boolean isRunning() {
        return scheduler != null;
    }
}
