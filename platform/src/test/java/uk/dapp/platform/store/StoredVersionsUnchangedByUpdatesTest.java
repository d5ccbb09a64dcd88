package uk.dapp.platform.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An update never changes the document object a stored version holds: it stores a changed copy.
 * The library's update changed the object it read in place, and from this backend that is the
 * object in the store's pages, which a commit on another connection may be writing at that moment:
 * the commit failed ("ConcurrentModificationException"), H2 closed its store after the failure,
 * and the service's store answered nothing more (seen once loading the demo population).
 */
class StoredVersionsUnchangedByUpdatesTest {

    private MVStore store;
    private MongoServer server;
    private MongoClient client;
    private MongoCollection<Document> people;
    private MVMap<Object, de.bwaldvogel.mongo.bson.Document> stored;

    @BeforeEach
    void start() throws Exception {
        Path file = Files.createTempDirectory("stored-versions").resolve("store.mv.db");
        store = new MVStore.Builder()
                .fileName(file.toString())
                .autoCommitDisabled()
                .open();
        server = new MongoServer(new CommitBeforeAcknowledgeBackend(store));
        server.bind("127.0.0.1", 0);
        client = MongoClients.create(
                "mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        people = client.getDatabase("app").getCollection("people");
        people.insertOne(new Document("_id", "p1").append("name", "Alex").append("notes", List.of("first")));
        // the collection's documents as the store holds them (the map the backend opened)
        stored = store.openMap("databases.app.people");
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
        store.close();
    }

    @Test
    void anUpdateStoresAChangedCopyAndLeavesTheStoredObjectAsItWas() {
        de.bwaldvogel.mongo.bson.Document before = stored.get("p1");

        people.updateOne(
                Filters.eq("_id", "p1"), Updates.combine(Updates.set("name", "Sam"), Updates.push("notes", "second")));

        assertThat(before.get("name")).as("the version read before the update").isEqualTo("Alex");
        assertThat(before.get("notes")).isEqualTo(List.of("first"));
        assertThat(stored.get("p1")).isNotSameAs(before);
        assertThat(stored.get("p1").get("name")).isEqualTo("Sam");
        assertThat(people.find(Filters.eq("_id", "p1")).first())
                .containsEntry("name", "Sam")
                .containsEntry("notes", List.of("first", "second"));
    }

    @Test
    void aFindAndModifyStoresAChangedCopyAndLeavesTheStoredObjectAsItWas() {
        de.bwaldvogel.mongo.bson.Document before = stored.get("p1");

        Document returned = people.findOneAndUpdate(Filters.eq("_id", "p1"), Updates.unset("notes"));

        assertThat(returned).containsEntry("name", "Alex").containsKey("notes");
        assertThat(before.get("notes")).as("the version read before the update").isNotNull();
        assertThat(stored.get("p1").get("notes")).isNull();
        assertThat(people.find(Filters.eq("_id", "p1")).first()).doesNotContainKey("notes");
    }

    @Test
    void updatesOnManyConnectionsWhileEachCommitsLoseNothingAndTheStoreStaysOpen() throws Exception {
        int writers = 8;
        int eachWrites = 150;
        people.insertMany(IntStream.range(0, 4)
                .mapToObj(i ->
                        new Document("_id", "shared-" + i).append("count", 0).append("log", List.of()))
                .toList());
        List<MongoClient> clients = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                MongoClient own = MongoClients.create(
                        "mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
                clients.add(own);
                MongoCollection<Document> theirs = own.getDatabase("app").getCollection("people");
                int writer = w;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < eachWrites; i++) {
                        String id = "shared-" + (i % 4);
                        if (i % 2 == 0) {
                            theirs.updateOne(
                                    Filters.eq("_id", id),
                                    Updates.combine(Updates.inc("count", 1), Updates.push("log", writer + ":" + i)));
                        } else {
                            theirs.findOneAndUpdate(
                                    Filters.eq("_id", id),
                                    Updates.combine(Updates.inc("count", 1), Updates.push("log", writer + ":" + i)));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> writer : done) {
                writer.get(Duration.ofMinutes(2).toSeconds(), TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
            clients.forEach(MongoClient::close);
        }
        assertThat(store.isClosed()).isFalse();
        long total = 0;
        for (Document shared : people.find(Filters.regex("_id", "^shared-"))) {
            total += shared.getInteger("count");
            assertThat((List<?>) shared.get("log")).hasSize(shared.getInteger("count"));
        }
        assertThat(total).isEqualTo((long) writers * eachWrites);
    }
}
