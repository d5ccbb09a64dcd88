package uk.dapp.e2e.flows;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polls for an effect that arrives through an outbox: at least once, a little later. */
public final class Eventually {

    public static final Duration DELIVERY = Duration.ofSeconds(120);

    private Eventually() {}

    public static <T> T until(String what, Supplier<T> read, Predicate<T> done) {
        return until(what, read, done, DELIVERY);
    }

    public static <T> T until(String what, Supplier<T> read, Predicate<T> done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = null;
        RuntimeException failure = null;
        while (System.nanoTime() < deadline) {
            try {
                last = read.get();
                failure = null;
                if (done.test(last)) {
                    return last;
                }
            } catch (RuntimeException e) {
                failure = e; // the service may be restarting
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("not within " + timeout + ": " + what + " (last seen: " + last + ")", failure);
    }

    /** Waits long enough for a duplicate effect to have shown up, had there been one. */
    public static void settle() {
        try {
            Thread.sleep(3_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
