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
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexResolver;
import uk.dapp.platform.store.EmbeddedMongoStore;
import uk.dapp.platform.testsupport.LoadAverage;
import uk.dapp.riskmatrix.cohort.CohortRankings;
import uk.dapp.riskmatrix.cohort.HarmTallies;
import uk.dapp.riskmatrix.cohort.HarmTally;
import uk.dapp.riskmatrix.cohort.RankedNominal;
import uk.dapp.riskmatrix.nominal.Nominal;
import uk.dapp.riskmatrix.referencedata.ExampleReferenceData;
import uk.dapp.riskmatrix.referencedata.ReferenceData;
import uk.dapp.riskmatrix.rescoring.BulkRescorer;

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
        System.out.printf(
                "%n== Rescoring benchmark: %,d nominals, %,d incidents, store in %s, max heap %,d MB, %d cores%n",
                nominals,
                incidents,
                folder,
                Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors());
        try (EmbeddedMongoStore store = new EmbeddedMongoStore(folder, 0);
                MongoClient client = MongoClients.create(store.connectionString("benchmark"))) {
            MongoTemplate mongo = new MongoTemplate(client, "benchmark");

            // every index the service declares (it creates them from the annotations: auto index creation)
            for (Class<?> entity : List.of(Nominal.class, RankedNominal.class, HarmTally.class)) {
                IndexResolver.create(mongo.getConverter().getMappingContext())
                        .resolveIndexFor(entity)
                        .forEach(mongo.indexOps(entity)::createIndex);
            }
            CohortRankings rankings = new CohortRankings(mongo, new HarmTallies(mongo, clock), clock);
            long start = System.nanoTime();
            long cpu = cpuNanos();
            SyntheticNominals.load(mongo, nominals, incidents, weights);
            // the cohort lines as an upgraded store's start-up adds them; the rescoring then refreshes them
            rankings.backfill();
            report("load and cohort lines backfill (not part of the comparison)", start, cpu, -1);
            gc();

            resetPeaks();
            LiveHeap scanLive = LiveHeap.sampleEvery(LIVE_SAMPLE_SECONDS);
            start = System.nanoTime();
            cpu = cpuNanos();
            long scanned = scan(mongo);
            double scanSeconds = (System.nanoTime() - start) / 1e9;
            double scanCpu = (cpuNanos() - cpu) / 1e9;
            report("plain driver scan of " + String.format("%,d", scanned) + " incidents", start, cpu, peakHeap());
            System.out.println("== " + scanLive.stop());
            gc();

            resetPeaks();
            LiveHeap rescoringLive = LiveHeap.sampleEvery(LIVE_SAMPLE_SECONDS);
            Recording recording = startRecording();
            start = System.nanoTime();
            cpu = cpuNanos();
            BulkRescorer.Outcome outcome = new BulkRescorer(mongo, rankings, clock)
                    .run(weights, (processed, changed) -> {
                        if (processed % 50_000 == 0) {
                            System.out.printf("   ... %,d rescored%n", processed);
                        }
                    });
            double rescoringSeconds = (System.nanoTime() - start) / 1e9;
            double rescoringCpu = (cpuNanos() - cpu) / 1e9;
            stopRecording(recording);
            report(
                    "bulk rescoring of " + String.format("%,d", outcome.processed()) + " nominals ("
                            + String.format("%,d", outcome.changed()) + " written)",
                    start,
                    cpu,
                    peakHeap());
            System.out.println("== " + rescoringLive.stop());
            gc();
            // the scan again, after: on a shared machine the load drifts, so the rescoring is set
            // against the mean of a scan before and a scan after it
            start = System.nanoTime();
            cpu = cpuNanos();
            scan(mongo);
            double againSeconds = (System.nanoTime() - start) / 1e9;
            report("plain driver scan again (after the rescoring)", start, cpu, -1);
            System.out.printf(
                    "== rescoring / plain scan: %.2f against the mean of both scans, %.2f against the first (bar 2); load average %s%n",
                    rescoringSeconds / ((scanSeconds + againSeconds) / 2),
                    rescoringSeconds / scanSeconds,
                    LoadAverage.now());
            System.out.printf(
                    "== rescoring / plain scan in CPU time (both threads of each side, store included): %.2f%n",
                    rescoringCpu / scanCpu);
        } finally {
            try (var files = Files.walk(folder)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The plain driver scan: every nominal's incidents, date of birth and version, in batches; returns the incidents seen. */
    private static long scan(MongoTemplate mongo) {
        long scanned = 0;
        try (MongoCursor<Document> cursor = mongo.getCollection("nominals")
                .find()
                .projection(
                        new Document("incidents", 1).append("dateOfBirth", 1).append("version", 1))
                .batchSize(BulkRescorer.BATCH)
                .iterator()) {
            while (cursor.hasNext()) {
                List<?> list = cursor.next().getList("incidents", Object.class);
                scanned += list == null ? 0 : list.size();
            }
        }
        return scanned;
    }

    /** Seconds between the live-data samples (each a full collection, so it costs both phases alike). */
    private static final int LIVE_SAMPLE_SECONDS = Integer.getInteger("benchmark.liveSampleSeconds", 10);

    /**
     * Live data: the heap in use straight after a full collection ({@code System.gc()}, which G1
     * runs as a full stop-the-world collection), sampled every few seconds while a phase runs; the
     * largest sample is the most the phase held live at once (the embedded store's own caches
     * included, as it runs in this JVM).
     */
    static final class LiveHeap {
        private final Thread sampler;
        private volatile boolean running = true;
        private long max;
        private int samples;

        private LiveHeap(int seconds) {
            sampler = new Thread(
                    () -> {
                        while (running) {
                            try {
                                Thread.sleep(seconds * 1000L);
                            } catch (InterruptedException e) {
                                return;
                            }
                            if (running) {
                                sample();
                            }
                        }
                    },
                    "live-heap-sampler");
            sampler.setDaemon(true);
            sampler.start();
        }

        static LiveHeap sampleEvery(int seconds) {
            return new LiveHeap(seconds);
        }

        private synchronized void sample() {
            System.gc();
            long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            max = Math.max(max, used);
            samples++;
        }

        String stop() throws InterruptedException {
            running = false;
            sampler.interrupt();
            sampler.join();
            sample();
            return String.format(
                    "live data (heap after a full GC): at most %,d MB over %d samples", max >> 20, samples);
        }
    }

    static void report(String what, long startNanos, long peakBytes) {
        System.out.printf(
                "== %-60s %8.1f s%s   load average %s%n",
                what,
                (System.nanoTime() - startNanos) / 1e9,
                peakBytes < 0 ? "" : String.format("   peak heap %,d MB", peakBytes >> 20),
                LoadAverage.now());
    }

    static void report(String what, long startNanos, long startCpuNanos, long peakBytes) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        System.out.printf(
                "== %-60s %8.1f s (CPU %.1f s)%s   load average %s%n",
                what,
                seconds,
                (cpuNanos() - startCpuNanos) / 1e9,
                peakBytes < 0 ? "" : String.format("   peak heap %,d MB", peakBytes >> 20),
                LoadAverage.now());
    }

    /** A JFR recording of the rescoring alone (profiling settings), when {@code -Dbenchmark.jfr=<file>} names one. */
    private static Recording startRecording() throws java.io.IOException, java.text.ParseException {
        String file = System.getProperty("benchmark.jfr");
        if (file == null) {
            return null;
        }
        Recording recording = new Recording(Configuration.getConfiguration("profile"));
        recording.setDestination(Path.of(file));
        recording.start();
        return recording;
    }

    private static void stopRecording(Recording recording) {
        if (recording != null) {
            recording.stop();
            recording.close();
            System.out.println("== JFR recording of the rescoring in " + System.getProperty("benchmark.jfr"));
        }
    }

    /** The process's CPU time so far, every thread (the store's included: it runs in this JVM). */
    static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
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
