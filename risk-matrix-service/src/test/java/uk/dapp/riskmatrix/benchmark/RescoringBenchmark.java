package uk.dapp.riskmatrix.benchmark;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCursor;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.data.mongodb.core.MongoTemplate;
import uk.dapp.platform.store.EmbeddedMongoStore;
import uk.dapp.riskmatrix.nominal.Nominal;
import uk.dapp.riskmatrix.referencedata.ExampleReferenceData;
import uk.dapp.riskmatrix.referencedata.ReferenceData;
import uk.dapp.riskmatrix.rescoring.BulkRescorer;
import uk.dapp.riskmatrix.values.Outcome;

/**
 * A benchmark, not a timed test: loads synthetic nominals and incidents (default 250,000 and
 * 1,000,000) into the embedded store in a fresh folder, then times a plain driver scan of the
 * same incidents and the bulk rescoring, printing elapsed time and peak heap of each. Skipped
 * unless {@code -Dbenchmark=true}:
 * <pre>
 * ./mvnw -B -o -pl risk-matrix-service test -Dtest=RescoringBenchmark -Dbenchmark=true \
 *     [-Dbenchmark.nominals=250000 -Dbenchmark.incidents=1000000]
 * </pre>
 * The embedded store runs inside this JVM, so the heap figures include the store's own memory.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class RescoringBenchmark {

    @Test
    void rescoreTheSyntheticCohort() throws Exception {
        int nominals = Integer.getInteger("benchmark.nominals", 250_000);
        int incidents = Integer.getInteger("benchmark.incidents", 1_000_000);
        Path folder = Files.createTempDirectory("rescoring-benchmark");
        ReferenceData weights = ExampleReferenceData.version1(Instant.now());
        Clock clock = Clock.systemUTC();
        System.out.printf("%n== Rescoring benchmark: %,d nominals, %,d incidents, store in %s, max heap %,d MB, %d cores%n",
                nominals, incidents, folder, Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors());
        try (EmbeddedMongoStore store = new EmbeddedMongoStore(folder, 0);
                MongoClient client = MongoClients.create(store.connectionString("benchmark"))) {
            MongoTemplate mongo = new MongoTemplate(client, "benchmark");

            // the service creates these from the annotations on Nominal (auto index creation)
            mongo.getCollection("nominals").createIndex(com.mongodb.client.model.Indexes.ascending("_id", "version"),
                    new com.mongodb.client.model.IndexOptions().unique(true).name("id_version"));
            mongo.getCollection("nominals").createIndex(com.mongodb.client.model.Indexes.ascending("policeId"),
                    new com.mongodb.client.model.IndexOptions().unique(true).name("policeId"));
            long start = System.nanoTime();
            SyntheticNominals.load(mongo, nominals, incidents, weights);
            report("load (not part of the comparison)", start, -1);
            gc();

            resetPeaks();
            start = System.nanoTime();
            long scanned = 0;
            try (MongoCursor<Document> cursor = mongo.getCollection("nominals").find()
                    .projection(new Document("incidents", 1).append("dateOfBirth", 1).append("version", 1))
                    .batchSize(BulkRescorer.BATCH).iterator()) {
                while (cursor.hasNext()) {
                    List<?> list = cursor.next().getList("incidents", Object.class);
                    scanned += list == null ? 0 : list.size();
                }
            }
            report("plain driver scan of " + String.format("%,d", scanned) + " incidents", start, peakHeap());
            gc();

            resetPeaks();
            start = System.nanoTime();
            BulkRescorer.Outcome outcome = new BulkRescorer(mongo, clock).run(weights, (processed, changed) -> {
                if (processed % 50_000 == 0) {
                    System.out.printf("   ... %,d rescored%n", processed);
                }
            });
            report("bulk rescoring of " + String.format("%,d", outcome.processed()) + " nominals ("
                    + String.format("%,d", outcome.changed()) + " written)", start, peakHeap());
        } finally {
            try (var files = Files.walk(folder)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    static void report(String what, long startNanos, long peakBytes) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        System.out.printf("== %-60s %8.1f s%s%n", what, seconds,
                peakBytes < 0 ? "" : String.format("   peak heap %,d MB", peakBytes >> 20));
    }

    static void gc() {
        System.gc();
    }

    static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** Sum of the heap pools' peaks since the last reset (an upper bound on the true peak). */
    static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
