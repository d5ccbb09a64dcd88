package uk.dapp.platform.periodic;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A check a service runs from start-up to shutdown on a daemon thread of its own: first after
 * {@code firstAfter}, then {@code every} after the end of the one before; a period of zero (how
 * configuration turns a runner off) runs nothing. A check that fails (the store is down) is logged by
 * its exception's class only, never its message, and the next one tries again: each check must
 * therefore be safe to repeat, and safe for every replica to run at once (a conditional update, not a
 * job's state). Stopping lets a check under way finish (up to {@link #STOP_WAIT}), then calls
 * {@link #afterStop()}. Every periodic task of every service extends this with its check.
 */
public abstract class PeriodicRunner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PeriodicRunner.class);
    static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private final String name;
    private final Duration firstAfter;
    private final Duration every;
    private ScheduledExecutorService scheduler;
    private ScheduledFuture<?> schedule;

    /** {@code name} names the thread and the failures in the log. */
    protected PeriodicRunner(String name, Duration firstAfter, Duration every) {
        if (every.isNegative() || firstAfter.isNegative()) {
            throw new IllegalArgumentException(
                    name + ": the first delay and the period must not be negative, were " + firstAfter + ", " + every);
        }
        this.name = name;
        this.firstAfter = firstAfter;
        this.every = every;
    }

    /** One check. */
    protected abstract void check();

    /** After the last check, when the service stops: for example giving up a lease. */
    protected void afterStop() {}

    @Override
    public final synchronized void start() {
        if (scheduler != null || every.isZero()) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name(name).daemon().factory());
        schedule = scheduler.scheduleWithFixedDelay(
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
        if (scheduler == null) {
            return;
        }
        schedule.cancel(false);
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                scheduler.shutdownNow();
            }
            afterStop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.debug("{}: after stop: {}", name, e.getClass().getSimpleName());
        } finally {
            scheduler = null;
            schedule = null;
        }
    }

    @Override
    public final synchronized boolean isRunning() {
        return scheduler != null;
    }
}
