package uk.dapp.gateway.ratelimit;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitConfiguration {

    /** The shared store's collection. */
    static final String COLLECTION = "rate_limit_buckets";
    /** How long a decision may wait on the shared store before the request is refused (fail closed). */
    static final Duration STORE_TIME_LIMIT = Duration.ofSeconds(2);

    @Bean
    NanoClock nanoClock() {
        return System::nanoTime;
    }

    @Bean
    @ConditionalOnProperty(name = "dapp.gateway.rate-limit.store", havingValue = "memory", matchIfMissing = true)
    TokenBucketRateLimiter memoryRateLimiter(RateLimitProperties properties, NanoClock clock) {
        return new TokenBucketRateLimiter(properties, clock);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "dapp.gateway.rate-limit.store", havingValue = "mongodb")
    MongoClient rateLimitStoreClient(RateLimitProperties properties) {
        return mongoClient(properties.mongodbUri());
    }

    @Bean
    @ConditionalOnProperty(name = "dapp.gateway.rate-limit.store", havingValue = "mongodb")
    SharedRateLimiter sharedRateLimiter(MongoClient rateLimitStoreClient, RateLimitProperties properties) {
        String database = new ConnectionString(properties.mongodbUri()).getDatabase();
        MongoBucketStore store = new MongoBucketStore(
                rateLimitStoreClient
                        .getDatabase(database == null ? "gateway" : database)
                        .getCollection(COLLECTION),
                sharedBucketConfig());
        store.createExpiryIndex();
        return new SharedRateLimiter(store, properties);
    }

    /** Buckets forgotten by the store once full again (Bucket4j works out when); no retry limit: a lost race retries at once. */
    static ClientSideConfig sharedBucketConfig() {
        return ClientSideConfig.getDefault()
                .withExpirationAfterWriteStrategy(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)));
    }

    static MongoClient mongoClient(String uri) {
        long limit = STORE_TIME_LIMIT.toMillis();
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(limit, TimeUnit.MILLISECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout((int) limit, TimeUnit.MILLISECONDS)
                        .readTimeout((int) limit, TimeUnit.MILLISECONDS))
                .build());
    }
}
