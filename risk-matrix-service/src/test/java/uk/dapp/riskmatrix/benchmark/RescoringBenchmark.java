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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.data.mongodb.core.MongoTemplate;
import uk.dapp.platform.caseid.CaseId;
import uk.dapp.platform.store.EmbeddedMongoStore;
import uk.dapp.riskmatrix.incident.DashLevel;
import uk.dapp.riskmatrix.incident.Incident;
import uk.dapp.riskmatrix.incident.IncidentType;
import uk.dapp.riskmatrix.incident.Outcome;
import uk.dapp.riskmatrix.nominal.Nominal;
import uk.dapp.riskmatrix.referencedata.ExampleReferenceData;
import uk.dapp.riskmatrix.referencedata.OffenceWeight;
import uk.dapp.riskmatrix.referencedata.ReferenceData;
import uk.dapp.riskmatrix.rescoring.BulkRescorer;
import uk.dapp.riskmatrix.routing.RoutingStatus;

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

    private static final int LOAD_BATCH = 1_000;

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
            load(mongo, nominals, incidents, weights);
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

    /** Nominals with incidents spread at random (0 to 2x the mean each), over six years, 1 to 3 victims. */
    private static void load(MongoTemplate mongo, int nominals, int incidents, ReferenceData weights) {
        Random random = new Random(42);
        List<OffenceWeight> offences = weights.offences();
        LocalDate today = LocalDate.now();
        Instant now = Instant.now();
        int mean = Math.max(1, incidents / nominals);
        long left = incidents;
        List<Nominal> batch = new ArrayList<>(LOAD_BATCH);
        for (int n = 0; n < nominals; n++) {
            int remainingNominals = nominals - n;
            int count = remainingNominals == 1 ? (int) left
                    : (int) Math.min(left, random.nextInt(2 * mean + 1));
            left -= count;
            LocalDate dob = today.minusYears(18 + random.nextInt(40)).minusDays(random.nextInt(365));
            List<Incident> history = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                OffenceWeight offence = offences.get(random.nextInt(offences.size()));
                history.add(new Incident(n + "-" + i, today.minusDays(random.nextInt(6 * 365)),
                        random.nextInt(5) == 0 ? IncidentType.OTHER : IncidentType.DOMESTIC_ABUSE, offence.code(),
                        "VK-" + n + "-" + random.nextInt(3), DashLevel.values()[random.nextInt(4)], offence.crime(),
                        Outcome.CHARGED, now, "benchmark"));
            }
            batch.add(new Nominal(CaseId.generate(random).value(), "Synthetic", "Nominal" + n, dob,
                    String.format("%02d/%07dB", n % 100, n), null, "Area-" + (n % 20), now, "benchmark", history,
                    null, List.of(), RoutingStatus.AWAITING_DECISION, 0L));
            if (batch.size() == LOAD_BATCH) {
                mongo.insert(batch, Nominal.class);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            mongo.insert(batch, Nominal.class);
        }
    }

    private static void report(String what, long startNanos, long peakBytes) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        System.out.printf("== %-60s %8.1f s%s%n", what, seconds,
                peakBytes < 0 ? "" : String.format("   peak heap %,d MB", peakBytes >> 20));
    }

    private static void gc() {
        System.gc();
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** Sum of the heap pools' peaks since the last reset (an upper bound on the true peak). */
    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
