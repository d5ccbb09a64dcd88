package uk.dapp.platform.store;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;

/**
 * A data folder written before the embedded store kept its own indexes (by the library's stock
 * backend) opens with every document, its unique indexes still refusing duplicates, and its
 * non-unique indexes built from the documents on first opening.
 */
class StockFileMigrationTest {

    @Test
    void aStockFileOpensWithItsIndexesRebuilt() throws Exception {
        Path folder = Files.createTempDirectory("stock-file");
        MVStore mvStore = new MVStore.Builder()
                .fileName(folder.resolve("store.mv.db").toString())
                .open();
        MongoServer stock = new MongoServer(new H2Backend(mvStore));
        InetSocketAddress address = stock.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            MongoCollection<Document> people = client.getDatabase("app").getCollection("people");
            people.createIndex(Indexes.ascending("policeId"), new IndexOptions().unique(true));
            people.createIndex(Indexes.ascending("area"));
            List<Document> documents = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                documents.add(new Document("_id", "p" + i)
                        .append("policeId", "PID" + i)
                        .append("area", "A" + i % 7));
            }
            people.insertMany(documents);
        } finally {
            stock.shutdownNow();
            mvStore.close();
        }

        try (EmbeddedMongoStore store = new EmbeddedMongoStore(folder, 0);
                MongoClient client = MongoClients.create(store.connectionString("app"))) {
            MongoCollection<Document> people = client.getDatabase("app").getCollection("people");
            assertThat(people.countDocuments()).isEqualTo(500);
            assertThat(people.find(eq("area", "A3")).into(new ArrayList<>()))
                    .hasSize(71)
                    .allMatch(d -> d.getString("area").equals("A3"));
            assertThat(people.find(eq("_id", "p42")).first()).containsEntry("policeId", "PID42");
            assertThatThrownBy(() -> people.insertOne(new Document("_id", "new").append("policeId", "PID7")))
                    .isInstanceOf(MongoWriteException.class)
                    .hasMessageContaining("E11000");
            assertThatThrownBy(() -> people.insertOne(new Document("_id", "p7").append("policeId", "other")))
                    .isInstanceOf(MongoWriteException.class)
                    .hasMessageContaining("E11000");
        }
    }
}
