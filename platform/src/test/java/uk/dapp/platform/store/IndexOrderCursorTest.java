package uk.dapp.platform.store;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The embedded store's sorted cursor over an index ({@link IndexOrderCursor}) while the collection
 * changes between its batches: a document moved ahead of the walk is not returned twice, one
 * deleted is not returned and breaks nothing, one inserted ahead is returned once. (MongoDB itself
 * may return a document that moves ahead in the index twice, so this is the embedded store's own
 * promise and not in {@link IndexedQuerySemanticsTest}.)
 */
class IndexOrderCursorTest {

    private static EmbeddedMongoStore store;
    private static MongoClient client;

    @BeforeAll
    static void start() throws Exception {
        store = new EmbeddedMongoStore(Files.createTempDirectory("index-order-cursor"), 0);
        client = MongoClients.create(store.connectionString("cursor"));
    }

    @AfterAll
    static void stop() {
        client.close();
        store.close();
    }

    private static MongoCollection<Document> fifty(String name) {
        MongoCollection<Document> things = client.getDatabase("cursor").getCollection(name);
        things.drop();
        things.createIndex(Indexes.ascending("k"));
        things.insertMany(IntStream.range(0, 50)
                .mapToObj(i -> new Document("_id", i).append("k", i))
                .toList());
        return things;
    }

    @Test
    void aDocumentMovedAheadOfTheWalkIsNotReturnedTwice() {
        MongoCollection<Document> things = fifty("moved");
        long streamedBefore = IndexedH2Collection.STREAMS_WALKED.get();
        List<Object> seen = new ArrayList<>();
        try (MongoCursor<Document> cursor =
                things.find().sort(new Document("k", 1)).batchSize(5).iterator()) {
            for (int i = 0; i < 10; i++) {
                seen.add(cursor.next().get("_id"));
            }
            // already returned, moved past the end; not yet returned, moved behind the walk; deleted ahead
            things.updateOne(eq("_id", 2), Updates.set("k", 100));
            things.updateOne(eq("_id", 30), Updates.set("k", -1));
            things.deleteOne(eq("_id", 40));
            things.insertOne(new Document("_id", 60).append("k", 45.5));
            while (cursor.hasNext()) {
                seen.add(cursor.next().get("_id"));
            }
        }
        assertThat(IndexedH2Collection.STREAMS_WALKED.get() - streamedBefore).isEqualTo(1);
        assertThat(seen).doesNotHaveDuplicates().contains(2, 60).doesNotContain(40);
        List<Object> expected = new ArrayList<>(IntStream.range(0, 46).boxed().toList());
        expected.removeAll(List.of(30, 40));
        expected.addAll(List.of(60, 46, 47, 48, 49));
        assertThat(seen).containsExactlyElementsOf(expected);
    }

    @Test
    void aDocumentMovedAheadTwiceIsStillReturnedOnce() {
        MongoCollection<Document> things = fifty("movedTwice");
        List<Object> seen = new ArrayList<>();
        try (MongoCursor<Document> cursor =
                things.find().sort(new Document("k", -1)).batchSize(3).iterator()) {
            for (int i = 0; i < 6; i++) {
                seen.add(cursor.next().get("_id"));
            }
            // walking down: 49 was returned first; moved below the walk's place, then further below
            things.updateOne(eq("_id", 49), Updates.set("k", 20.5));
            seen.add(cursor.next().get("_id"));
            things.updateOne(eq("_id", 49), Updates.set("k", -5));
            while (cursor.hasNext()) {
                seen.add(cursor.next().get("_id"));
            }
        }
        assertThat(seen).hasSize(50).doesNotHaveDuplicates();
    }

    @Test
    void aSortedReadWithoutABatchSizeStillComesInBatchesAndWhole() {
        MongoCollection<Document> things = client.getDatabase("cursor").getCollection("many");
        things.drop();
        things.createIndex(Indexes.ascending("k"));
        things.insertMany(IntStream.range(0, 2_500)
                .mapToObj(i -> new Document("_id", i).append("k", i % 7))
                .toList());
        List<Document> read = things.find(new Document("k", new Document("$gte", 0)))
                .sort(new Document("k", 1).append("_id", -1))
                .into(new ArrayList<>());
        assertThat(read).hasSize(2_500);
        for (int i = 1; i < read.size(); i++) {
            Document a = read.get(i - 1);
            Document b = read.get(i);
            assertThat(a.getInteger("k") < b.getInteger("k")
                            || (a.getInteger("k").equals(b.getInteger("k"))
                                    && a.getInteger("_id") > b.getInteger("_id")))
                    .as("%s before %s", a, b)
                    .isTrue();
        }
    }
}
