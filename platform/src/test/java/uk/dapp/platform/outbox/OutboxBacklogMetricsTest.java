package uk.dapp.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import uk.dapp.platform.store.EmbeddedMongoStore;

/** The backlog gauges read the outbox collection as it stands at each scrape. */
class OutboxBacklogMetricsTest {

    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

    private static Path folder;
    private static EmbeddedMongoStore store;
    private static MongoClient client;
    private static MongoTemplate mongo;

    @BeforeAll
    static void startStore() throws Exception {
        folder = Files.createTempDirectory("outbox-backlog-test");
        store = new EmbeddedMongoStore(folder, 0);
        client = MongoClients.create(store.connectionString("backlog"));
        mongo = new MongoTemplate(client, "backlog");
    }

    @AfterAll
    static void stopStore() throws Exception {
        client.close();
        store.close();
    }

    @Test
    void pendingOldestPendingAgeAndRejectedComeFromTheCollection() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new OutboxBacklogMetrics(mongo, Clock.fixed(NOW, ZoneOffset.UTC)).bindTo(registry);

        assertThat(registry.get("dapp.outbox.pending").gauge().value()).isZero();
        assertThat(registry.get("dapp.outbox.oldest.pending.age").timeGauge().value(TimeUnit.SECONDS))
                .isZero();

        mongo.insert(message("m1", OutboxStatus.PENDING, NOW.minusSeconds(90)));
        mongo.insert(message("m2", OutboxStatus.PENDING, NOW.minusSeconds(30)));
        mongo.insert(message("m3", OutboxStatus.REJECTED, NOW.minusSeconds(600)));
        mongo.insert(message("m4", OutboxStatus.DELIVERED, NOW.minusSeconds(900)));

        assertThat(registry.get("dapp.outbox.pending").gauge().value()).isEqualTo(2);
        assertThat(registry.get("dapp.outbox.rejected").gauge().value()).isEqualTo(1);
        assertThat(registry.get("dapp.outbox.oldest.pending.age").timeGauge().value(TimeUnit.SECONDS))
                .as("the oldest PENDING one, not the older rejected or delivered ones")
                .isEqualTo(90);
    }

    private static OutboxMessage message(String id, OutboxStatus status, Instant createdAt) {
        return new OutboxMessage(
                id,
                "programme",
                "REFERRAL",
                "7KQM4X-ZP9RTD-2HBWJG",
                Map.of(),
                createdAt,
                0,
                status,
                0,
                createdAt,
                null,
                null,
                null,
                null);
    }
}
