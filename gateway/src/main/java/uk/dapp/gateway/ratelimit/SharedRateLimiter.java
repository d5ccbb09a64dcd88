package uk.dapp.gateway.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import java.time.Duration;

/**
 * The same per-user token bucket as {@link TokenBucketRateLimiter}, kept in a store every gateway
 * replica shares (Bucket4j over {@link MongoBucketStore}), so a user gets the configured limit in
 * total however many replicas serve them. Each decision is a read and a conditional write on the
 * store: it blocks, so the filter calls it off the event loop, and a store that cannot answer
 * within its time limit makes it throw, which refuses the request (fail closed).
 */
final class SharedRateLimiter implements RateLimiter {

    private final ProxyManager<String> buckets;
    private final BucketConfiguration configuration;

    SharedRateLimiter(ProxyManager<String> buckets, RateLimitProperties properties) {
        this.buckets = buckets;
        // capacity tokens per the time the sustained rate takes to earn them: greedy refill adds
        // them continuously, which is refill-per-second tokens a second
        Duration refillPeriod =
                Duration.ofNanos(Math.round(properties.capacity() * 1_000_000_000d / properties.refillPerSecond()));
        this.configuration = BucketConfiguration.builder()
                .addLimit(limit ->
                        limit.capacity(properties.capacity()).refillGreedy(properties.capacity(), refillPeriod))
                .build();
    }

    @Override
    public Decision tryAcquire(String user) {
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("no user to rate-limit");
        }
        ConsumptionProbe probe = buckets.builder().build(user, configuration).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed()
                ? Decision.ALLOWED
                : Decision.retryAfter(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    @Override
    public boolean blocks() {
        return true;
    }
}
