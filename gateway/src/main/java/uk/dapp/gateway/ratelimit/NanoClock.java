package uk.dapp.gateway.ratelimit;

/**
 * A monotonic time source in nanoseconds ({@link System#nanoTime()} in production): buckets refill
 * by elapsed time, which must not jump when the wall clock is corrected. Tests pass their own.
 */
@FunctionalInterface
public interface NanoClock {

    long nanoTime();
}
