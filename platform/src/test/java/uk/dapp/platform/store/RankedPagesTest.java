package uk.dapp.platform.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;

/**
 * A ranked list in pages, shaped as the cohort is (equality on the area, one of a few, then a
 * ranking of descending score with ties broken by ascending ID, and a count of all matches): every
 * page answers what the same query answers with no index, is read by walking the index in order,
 * and the count comes from index entries alone.
 */
class RankedPagesTest {

    private static final List<String> AREAS = List.of("Northshire", "Midwick", "Eastmarsh", "Southvale", "Westfold");

    @Test
    void pagesOfARankingAreTheScansPagesReadInIndexOrderAndCountedFromTheIndex() throws Exception {
        Random random = new Random(20_261_206L);
        try (EmbeddedMongoStore store = new EmbeddedMongoStore(Files.createTempDirectory("ranked-pages"), 0);
                MongoClient client = MongoClients.create(store.connectionString("ranked"))) {
            MongoDatabase db = client.getDatabase("ranked");
            MongoCollection<Document> indexed = db.getCollection("indexed");
            MongoCollection<Document> plain = db.getCollection("plain");
            indexed.createIndex(Indexes.compoundIndex(
                    Indexes.ascending("area", "ranked"),
                    Indexes.descending("total", "harm"),
                    Indexes.ascending("_id")));
            List<Document> lines = new ArrayList<>();
            for (int i = 0; i < 3_000; i++) {
                lines.add(new Document("_id", "case-" + random.nextInt(1_000_000) + "-" + i)
                        .append("area", AREAS.get(random.nextInt(AREAS.size())))
                        .append("ranked", random.nextInt(10) != 0)
                        .append("total", random.nextInt(40))
                        .append("harm", random.nextInt(3) == 0 ? 0 : random.nextInt(400) + 0.5));
            }
            // an empty array gives no key: the index must still hold the line (the library's sort puts it first)
            lines.add(new Document("_id", "case-empty-total")
                    .append("area", "Northshire")
                    .append("ranked", true)
                    .append("total", List.of())
                    .append("harm", 1.5));
            indexed.insertMany(lines.stream().map(Document::new).toList());
            plain.insertMany(lines.stream().map(Document::new).toList());

            long walkedBefore = IndexedH2Collection.PAGES_WALKED.get();
            long countedBefore = IndexCount.ANSWERED.get();
            Bson north =
                    new Document("area", new Document("$in", List.of("Northshire", "Midwick"))).append("ranked", true);
            Bson oneArea = new Document("area", "Southvale").append("ranked", true);
            Bson rank = new Document("total", -1).append("harm", -1).append("_id", 1);
            for (Bson filter : List.of(north, oneArea)) {
                assertThat(indexed.countDocuments(filter))
                        .isEqualTo(plain.countDocuments(filter))
                        .isPositive();
                for (int skip : List.of(0, 25, 50, 975)) {
                    assertThat(page(indexed, filter, rank, skip))
                            .as("%s skip %d", filter, skip)
                            .isEqualTo(page(plain, filter, rank, skip));
                }
            }
            Bson ascending = new Document("total", 1).append("harm", 1).append("_id", 1);
            long walkedBeforeAscending = IndexedH2Collection.PAGES_WALKED.get();
            assertThat(page(indexed, north, ascending, 0))
                    .isEqualTo(page(plain, north, ascending, 0))
                    .first()
                    .extracting(line -> line.getString("_id"))
                    .isEqualTo("case-empty-total");
            assertThat(IndexedH2Collection.PAGES_WALKED.get())
                    .as("met the empty array: read every match instead")
                    .isEqualTo(walkedBeforeAscending);
            // the first three pages of each; a page past half the matches (skip 975 of about 1,100 or
            // 550) reads every match, which is then as cheap
            assertThat(IndexedH2Collection.PAGES_WALKED.get() - walkedBefore)
                    .as("pages walked")
                    .isEqualTo(6);
            // a score threshold: a bound on the field after the equalities, as the cohort's filter is
            for (int threshold : List.of(0, 10, 39, 40)) {
                Bson above = new Document("area", new Document("$in", List.of("Northshire", "Midwick")))
                        .append("ranked", true)
                        .append("total", new Document("$gte", threshold));
                assertThat(indexed.countDocuments(above))
                        .as("threshold %d", threshold)
                        .isEqualTo(plain.countDocuments(above));
            }
            assertThat(IndexCount.ANSWERED.get() - countedBefore)
                    .as("counts from the index")
                    .isEqualTo(6);
        }
    }

    private static List<Document> page(MongoCollection<Document> collection, Bson filter, Bson sort, int skip) {
        FindIterable<Document> find =
                collection.find(filter).sort(sort).skip(skip).limit(25);
        return find.into(new ArrayList<>());
    }

    @Test
    void aCountOfEveryDocumentIsTheCollectionsSizeAfterInsertsAndDeletes() throws Exception {
        try (EmbeddedMongoStore store = new EmbeddedMongoStore(Files.createTempDirectory("count-all"), 0);
                MongoClient client = MongoClients.create(store.connectionString("counted"))) {
            MongoCollection<Document> lines = client.getDatabase("counted").getCollection("lines");
            assertThat(lines.countDocuments()).isZero();
            List<Document> many = new ArrayList<>();
            for (int i = 0; i < 2_500; i++) {
                many.add(new Document("_id", "case-" + i).append("area", AREAS.get(i % AREAS.size())));
            }
            lines.insertMany(many);
            lines.deleteMany(com.mongodb.client.model.Filters.eq("area", "Midwick"));
            assertThat(lines.countDocuments()).isEqualTo(2_000);
            assertThat(lines.countDocuments(new Document())).isEqualTo(2_000);
            assertThat(lines.countDocuments(new Document(), new com.mongodb.client.model.CountOptions().skip(1_990)))
                    .as("a skip is still the library's")
                    .isEqualTo(10);
            assertThat(lines.estimatedDocumentCount()).isEqualTo(2_000);
        }
    }
}
