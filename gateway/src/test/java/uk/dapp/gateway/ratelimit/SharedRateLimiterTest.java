package uk.dapp.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.github.bucket4j.TimeMeter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rate limit shared by gateway replicas: two limiters ("replicas", each with its own client)
 * over one MongoDB-wire store give a user the configured limit in total, exactly, also when both
 * are hammered from many threads at once. The store's clock is the test's.
 */
class SharedRateLimiterTest {

    private static MongoServer server;
    private static String uri;
    private static final List<MongoClient> clients = new ArrayList<>();
    private final AtomicLong nanos = new AtomicLong(1_000_000_000_000L);
    private final TimeMeter clock = new TimeMeter() {
        @Override
        public long currentTimeNanos() {
            return nanos.get();
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    };

    @BeforeAll
    static void startStore() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        uri = "mongodb://127.0.0.1:" + address.getPort() + "/gateway";
    }

    @AfterAll
    static void stopStore() {
        clients.forEach(MongoClient::close);
        server.shutdownNow();
    }

    private SharedRateLimiter replica(int capacity, double refillPerSecond) {
        return replica(uri, capacity, refillPerSecond);
    }

    private SharedRateLimiter replica(String storeUri, int capacity, double refillPerSecond) {
        MongoClient client = RateLimitConfiguration.mongoClient(storeUri);
        clients.add(client);
        MongoBucketStore store = new MongoBucketStore(
                buckets(client), RateLimitConfiguration.sharedBucketConfig().withClientClock(clock));
        if (storeUri.equals(uri)) {
            store.createExpiryIndex(); // as the configuration does at start-up
        }
        return new SharedRateLimiter(
                store,
                new RateLimitProperties(capacity, refillPerSecond, 10, RateLimitProperties.Store.MONGODB, storeUri));
    }

    private static MongoCollection<Document> buckets(MongoClient client) {
        return client.getDatabase("gateway").getCollection(RateLimitConfiguration.COLLECTION);
    }

    @Test
    void twoReplicasTogetherAllowAUserTheCapacityOnceNotTwice() {
        SharedRateLimiter first = replica(4, 1);
        SharedRateLimiter second = replica(4, 1);
        String user = UUID.randomUUID().toString();

        int allowed = 0;
        for (int i = 0; i < 10; i++) {
            if ((i % 2 == 0 ? first : second).tryAcquire(user).allowed()) {
                allowed++;
            }
        }

        assertThat(allowed).isEqualTo(4);
        RateLimiter.Decision refused = second.tryAcquire(user);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void theBucketRefillsAtTheSustainedRateWhicheverReplicaAsks() {
        SharedRateLimiter first = replica(2, 0.5); // a token every 2 s
        SharedRateLimiter second = replica(2, 0.5);
        String user = UUID.randomUUID().toString();
        assertThat(first.tryAcquire(user).allowed()).isTrue();
        assertThat(second.tryAcquire(user).allowed()).isTrue();
        assertThat(first.tryAcquire(user).retryAfter()).isEqualTo(Duration.ofSeconds(2));

        nanos.addAndGet(Duration.ofMillis(1_999).toNanos());
        assertThat(second.tryAcquire(user).allowed()).isFalse();
        nanos.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(second.tryAcquire(user).allowed()).isTrue();
        assertThat(first.tryAcquire(user).allowed()).isFalse();
    }

    @Test
    void eachUserHasTheirOwnBucket() {
        SharedRateLimiter replica = replica(1, 1);
        String one = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        assertThat(replica.tryAcquire(one).allowed()).isTrue();
        assertThat(replica.tryAcquire(one).allowed()).isFalse();
        assertThat(replica.tryAcquire(other).allowed()).isTrue();
    }

    @Test
    void concurrentRequestsThroughBothReplicasAreCountedExactlyOnceEach() throws Exception {
        SharedRateLimiter first = replica(100, 1);
        SharedRateLimiter second = replica(100, 1);
        String user = UUID.randomUUID().toString();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> work = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                SharedRateLimiter replica = t % 2 == 0 ? first : second;
                work.add(() -> {
                    int allowed = 0;
                    for (int i = 0; i < 40; i++) {
                        if (replica.tryAcquire(user).allowed()) {
                            allowed++;
                        }
                    }
                    return allowed;
                });
            }
            int allowed = 0;
            for (Future<Integer> result : threads.invokeAll(work)) {
                allowed += result.get();
            }
            // 320 attempts on a bucket of 100 with the clock standing still: 100 pass, not one more or less
            assertThat(allowed).isEqualTo(100);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aBucketIsStoredWithTheTimeItWillBeFullAgainSoTheStoreCanForgetIt() {
        SharedRateLimiter replica = replica(3, 1);
        String user = UUID.randomUUID().toString();
        replica.tryAcquire(user);

        MongoClient client = RateLimitConfiguration.mongoClient(uri);
        clients.add(client);
        Document bucket = buckets(client).find(new Document("_id", user)).first();
        assertThat(bucket).isNotNull();
        assertThat(bucket.getDate("expiresAt")).isAfter(new java.util.Date());
        assertThat(buckets(client).listIndexes().into(new ArrayList<>()).toString())
                .contains("expiresAt");
    }

    @Test
    void aStoreThatCannotBeReachedRefusesTheDecisionInsteadOfAllowingIt() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        SharedRateLimiter replica = replica("mongodb://127.0.0.1:" + closedPort + "/gateway", 10, 1);

        assertThatThrownBy(() -> replica.tryAcquire(UUID.randomUUID().toString()))
                .isInstanceOf(com.mongodb.MongoException.class);
        assertThat(replica.blocks())
                .as("the filter calls it off the event loop")
                .isTrue();
    }

    @Test
    void theSharedStoreNeedsItsAddress() {
        assertThatThrownBy(() -> new RateLimitProperties(10, 1.0, 10, RateLimitProperties.Store.MONGODB, " "))
                .hasMessageContaining("dapp.gateway.rate-limit.mongodb-uri");
    }
}
