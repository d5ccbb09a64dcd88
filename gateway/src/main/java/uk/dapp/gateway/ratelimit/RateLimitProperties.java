package uk.dapp.gateway.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code dapp.gateway.rate-limit.*}: each user's token bucket. A user may send {@code capacity}
 * requests at once and {@code refill-per-second} a second after that. The limit is kept in each
 * gateway replica's memory: with N replicas behind a load balancer a user gets up to N times these
 * figures in total.
 *
 * @param capacity the burst a user may send at once (tokens in a full bucket)
 * @param refillPerSecond the sustained rate: tokens added per second, up to the capacity
 * @param maxTrackedUsers buckets kept at most; idle users' buckets are dropped long before this
 */
@ConfigurationProperties("dapp.gateway.rate-limit")
public record RateLimitProperties(Integer capacity, Double refillPerSecond, Integer maxTrackedUsers) {

    public RateLimitProperties {
        capacity = capacity == null ? 200 : capacity;
        refillPerSecond = refillPerSecond == null ? 10.0 : refillPerSecond;
        maxTrackedUsers = maxTrackedUsers == null ? 100_000 : maxTrackedUsers;
        if (capacity < 1 || refillPerSecond <= 0 || maxTrackedUsers < 1) {
            throw new IllegalArgumentException("dapp.gateway.rate-limit: capacity and max-tracked-users must be at"
                    + " least 1 and refill-per-second above 0");
        }
    }
}
