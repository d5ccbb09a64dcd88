package uk.dapp.gateway.ratelimit;

import java.time.Duration;

/** Decides whether one more request of a user may pass now. */
public interface RateLimiter {

    /**
     * Takes one request's worth of allowance from the user's budget, or says how long until there is one.
     *
     * @throws RuntimeException when it cannot decide; the caller refuses the request (fail closed)
     */
    Decision tryAcquire(String user);

    /** Whether a decision waits on I/O (a shared store), so it must not run on the event loop. */
    default boolean blocks() {
        return false;
    }

    /** Allowed, or refused with the time until a retry can succeed. */
    record Decision(boolean allowed, Duration retryAfter) {

        static final Decision ALLOWED = new Decision(true, Duration.ZERO);

        static Decision retryAfter(Duration wait) {
            return new Decision(false, wait);
        }
    }
}
