package uk.dapp.gateway.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code dapp.gateway.rate-limit.*}: each user's token bucket. A user may send {@code capacity}
 * requests at once and {@code refill-per-second} a second after that.
 *
 * <p>Where the buckets are kept ({@code store}): {@code memory}, each replica's own (the default,
 * for one replica: with N replicas a user gets up to N times these figures), or {@code mongodb},
 * one set shared by every replica in the database {@code mongodb-uri} names (production).
 *
 * @param capacity the burst a user may send at once (tokens in a full bucket)
 * @param refillPerSecond the sustained rate: tokens added per second, up to the capacity
 * @param maxTrackedUsers buckets kept at most in memory; idle users' buckets are dropped long before this
 * @param store {@code memory} or {@code mongodb}
 * @param mongodbUri the shared store's connection string, database included; required with {@code mongodb}
 */
@ConfigurationProperties("dapp.gateway.rate-limit")
public record RateLimitProperties(
        Integer capacity, Double refillPerSecond, Integer maxTrackedUsers, Store store, String mongodbUri) {

    /** Where the buckets are kept. */
    public enum Store {
        MEMORY,
        MONGODB
    }

    public RateLimitProperties {
        capacity = capacity == null ? 200 : capacity;
        refillPerSecond = refillPerSecond == null ? 10.0 : refillPerSecond;
        maxTrackedUsers = maxTrackedUsers == null ? 100_000 : maxTrackedUsers;
        store = store == null ? Store.MEMORY : store;
        if (capacity < 1 || refillPerSecond <= 0 || maxTrackedUsers < 1) {
            throw new IllegalArgumentException("dapp.gateway.rate-limit: capacity and max-tracked-users must be at"
                    + " least 1 and refill-per-second above 0");
        }
        if (store == Store.MONGODB && (mongodbUri == null || mongodbUri.isBlank())) {
            throw new IllegalArgumentException(
                    "dapp.gateway.rate-limit.store=mongodb needs dapp.gateway.rate-limit.mongodb-uri"
                            + " (a connection string naming the database)");
        }
    }
}
