package uk.dapp.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.read.ListAppender;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import uk.dapp.platform.store.EmbeddedMongoStore;

/** Two relays on one database: one holds the lease, the other waits, and waiting logs no error anywhere. */
class RelayLeaseTest {

    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
    private static final Duration LENGTH = Duration.ofSeconds(30);

    private static Path folder;
    private static EmbeddedMongoStore store;
    private static MongoClient client;
    private static MongoTemplate mongo;

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeAll
    static void startStore() throws Exception {
        folder = Files.createTempDirectory("relay-lease-test");
        store = new EmbeddedMongoStore(folder, 0);
        client = MongoClients.create(store.connectionString("lease"));
        mongo = new MongoTemplate(client, "lease");
    }

    @AfterAll
    static void stopStore() throws Exception {
        client.close();
        store.close();
    }

    /** The services' log guard (installed by any Spring context of this JVM) would hide the store's own log. */
    private final List<TurboFilter> guards = new ArrayList<>();

    @BeforeEach
    void noLeaseAndListen() {
        mongo.remove(new Query(), RelayLease.COLLECTION);
        LoggerContext context = root.getLoggerContext();
        guards.addAll(context.getTurboFilterList());
        context.getTurboFilterList().clear();
        logged.start();
        root.addAppender(logged);
    }

    @AfterEach
    void stopListening() {
        root.detachAppender(logged);
        root.getLoggerContext().getTurboFilterList().addAll(guards);
    }

    @Test
    void theSecondRelayWaitsWithoutAnErrorInTheLogUntilTheLeaseRunsOut() {
        RelayLease one = new RelayLease(mongo, "one", LENGTH);
        RelayLease two = new RelayLease(mongo, "two", LENGTH);

        assertThat(one.acquire(T0)).isTrue();
        for (int second = 1; second <= 10; second++) {
            assertThat(two.acquire(T0.plusSeconds(second)))
                    .as("second %d", second)
                    .isFalse();
            assertThat(one.acquire(T0.plusSeconds(second)))
                    .as("renewed at second %d", second)
                    .isTrue();
        }
        assertThat(two.acquire(T0.plusSeconds(10).plus(LENGTH).plusMillis(1)))
                .as("after it ran out")
                .isTrue();
        assertThat(one.acquire(T0.plusSeconds(41))).isFalse();

        assertThat(logged.list)
                .filteredOn(event -> event.getLevel().isGreaterOrEqual(Level.WARN))
                .extracting(ILoggingEvent::getFormattedMessage)
                .isEmpty();
        assertThat(mongo.count(new Query(), RelayLease.COLLECTION)).isEqualTo(1);
    }

    @Test
    void aReleasedLeaseIsTakenAtOnce() {
        RelayLease one = new RelayLease(mongo, "one", LENGTH);
        RelayLease two = new RelayLease(mongo, "two", LENGTH);
        assertThat(one.acquire(T0)).isTrue();
        one.release();
        assertThat(two.acquire(T0.plusSeconds(1))).isTrue();
    }
}
