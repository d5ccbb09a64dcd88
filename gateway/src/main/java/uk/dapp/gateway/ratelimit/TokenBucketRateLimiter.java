package uk.dapp.gateway.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One token bucket per user, in this process's memory. Each bucket is kept as the single instant
 * at which it will be full again (the "theoretical arrival time" of GCRA, which behaves exactly
 * like a token bucket): whole nanoseconds, so no rounding drift decides an answer.
 *
 * <p>Memory stays bounded without changing any answer: a bucket that has refilled to capacity is
 * indistinguishable from a new one, so such buckets are dropped in a sweep (at most once per
 * refill period, or at once when the map is full). Only when {@code maxTrackedUsers} users all
 * have used part of their bucket within one refill period does a further user get refused
 * ({@link TooManyUsersException}, answered 503): lenient forgetting would let that user through
 * unlimited, which is the failure this class exists to prevent.
 */
public class TokenBucketRateLimiter implements RateLimiter {

    private static final double NANOS_PER_SECOND = 1_000_000_000d;

    /** Nanoseconds per token. */
    private final long interval;
    /** Nanoseconds from empty to full. */
    private final long burst;

    private final int maxTrackedUsers;
    private final long sweepIntervalNanos;
    private final NanoClock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private volatile long lastSweep;

    public TokenBucketRateLimiter(RateLimitProperties properties, NanoClock clock) {
        this.interval = Math.max(1, Math.round(NANOS_PER_SECOND / properties.refillPerSecond()));
        this.burst = Math.multiplyExact(interval, (long) properties.capacity());
        this.maxTrackedUsers = properties.maxTrackedUsers();
        // the time an empty bucket takes to fill: sooner, a sweep could find nothing new to drop
        this.sweepIntervalNanos = burst;
        this.clock = clock;
        this.lastSweep = clock.nanoTime();
    }

    @Override
    public Decision tryAcquire(String user) {
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("no user to rate-limit");
        }
        long now = clock.nanoTime();
        if (now - lastSweep >= sweepIntervalNanos) {
            sweep(now);
        }
        while (true) {
            Bucket bucket = buckets.get(user);
            if (bucket == null) {
                if (buckets.size() >= maxTrackedUsers) {
                    sweep(now);
                    if (buckets.size() >= maxTrackedUsers) {
                        throw new TooManyUsersException(maxTrackedUsers);
                    }
                }
                bucket = buckets.computeIfAbsent(user, key -> new Bucket(now));
            }
            synchronized (bucket) {
                // a sweep may have dropped this bucket since we looked it up: use the map's current one
                if (!bucket.dropped) {
                    return bucket.take(now, interval, burst);
                }
            }
        }
    }

    /** Buckets currently held: for tests of the memory bound. */
    int trackedUsers() {
        return buckets.size();
    }

    private void sweep(long now) {
        lastSweep = now;
        buckets.forEach((user, bucket) -> {
            synchronized (bucket) {
                if (bucket.fullAt(now) && buckets.remove(user, bucket)) {
                    bucket.dropped = true;
                }
            }
        });
    }

    /** Guarded by its own monitor. */
    private static final class Bucket {

        /** When the bucket is full again; at or before now it is full. */
        private long fullAt;

        private boolean dropped;

        Bucket(long now) {
            this.fullAt = now;
        }

        Decision take(long now, long interval, long burst) {
            long next = Math.max(fullAt, now) + interval;
            // the request fits when the bucket, after paying for it, would still be within one burst of full
            long allowedFrom = next - burst;
            if (now < allowedFrom) {
                return Decision.retryAfter(Duration.ofNanos(allowedFrom - now));
            }
            fullAt = next;
            return Decision.ALLOWED;
        }

        boolean fullAt(long now) {
            return fullAt <= now;
        }
    }

    /** Every slot holds a user who is still using their bucket: refusing is the safe answer. */
    public static final class TooManyUsersException extends IllegalStateException {

        TooManyUsersException(int max) {
            super("the rate limiter already tracks " + max + " active users");
        }
    }
}
