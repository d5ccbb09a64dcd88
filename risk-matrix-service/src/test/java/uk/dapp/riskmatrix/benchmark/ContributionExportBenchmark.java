package uk.dapp.riskmatrix.benchmark;

import com.mongodb.client.MongoCursor;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import uk.dapp.platform.evaluator.ContributionStream;
import uk.dapp.platform.store.StreamedQueries;
import uk.dapp.platform.testsupport.LoadAverage;
import uk.dapp.platform.testsupport.ServiceTest;
import uk.dapp.riskmatrix.evaluator.ContributionService;
import uk.dapp.riskmatrix.evaluator.RiskMatrixContribution;
import uk.dapp.riskmatrix.referencedata.ExampleReferenceData;

/**
 * A benchmark, not a timed test: the evaluator export of 100,000 synthetic cases (4 incidents each
 * on average) from the embedded store, as the service streams it to the gateway (NDJSON, one row
 * at a time), beside a plain driver scan of the same documents and fields. Prints elapsed time and
 * peak heap of each. Skipped unless {@code -Dbenchmark=true}:
 * <pre>
 * ./mvnw -B -o -pl risk-matrix-service -am test -Dtest=ContributionExportBenchmark -Dbenchmark=true \
 *     -Dsurefire.failIfNoSpecifiedTests=false -DargLine=-Xmx256m [-Dbenchmark.cases=100000]
 * </pre>
 * The embedded store runs in the same JVM, so the heap figures include the store's own memory;
 * what matters is that the export's peak stays near the scan's, whatever the number of cases. The
 * live heap (after a full GC) half way through each pass, beside the live heap after the load,
 * shows what each pass holds beyond the store.
 */
@ServiceTest
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class ContributionExportBenchmark {

    @Autowired
    MongoTemplate mongo;

    @Autowired
    ContributionService contributions;

    @Test
    void exportTheSyntheticCohort() throws Exception {
        int cases = Integer.getInteger("benchmark.cases", 100_000);
        System.out.printf(
                "%n== Contribution export benchmark: %,d cases, max heap %,d MB, %d cores%n",
                cases,
                Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors());
        long start = System.nanoTime();
        SyntheticNominals.load(mongo, cases, cases * 4, ExampleReferenceData.version1(Instant.now()));
        RescoringBenchmark.report("load (not part of the comparison)", start, -1);
        Instant asOf = Instant.now();
        long documents = mongo.getCollection("nominals").countDocuments();

        long loaded = liveHeap();
        System.out.printf(
                "== live heap after the load: %,d MB (the store's data and caches; load average %s)%n",
                loaded >> 20, LoadAverage.now());
        long halfWayScan = -1;

        RescoringBenchmark.gc();
        RescoringBenchmark.resetPeaks();
        String load = LoadAverage.now();
        start = System.nanoTime();
        long scanned = 0;
        long read = 0;
        try (MongoCursor<Document> cursor = mongo.getCollection("nominals")
                .find()
                .sort(new Document("_id", 1))
                .projection(new Document("dateOfBirth", 1)
                        .append("area", 1)
                        .append("incidents.date", 1)
                        .append("incidents.offenceCode", 1)
                        .append("incidents.crime", 1))
                // in the export's batches, as a driver's cursor reads (the store walks _id's index for both)
                .batchSize(StreamedQueries.BATCH)
                .iterator()) {
            while (cursor.hasNext()) {
                List<?> incidents = cursor.next().getList("incidents", Object.class);
                scanned += incidents == null ? 0 : 1;
                if (++read == documents / 2) {
                    halfWayScan = liveHeap();
                }
            }
        }
        RescoringBenchmark.report(
                String.format(
                        "plain driver scan of %,d documents (%,d with incidents), load average %s",
                        documents, scanned, load),
                start,
                RescoringBenchmark.peakHeap());

        RescoringBenchmark.gc();
        RescoringBenchmark.resetPeaks();
        load = LoadAverage.now();
        start = System.nanoTime();
        CountingSink sink = new CountingSink(documents / 2);
        // the export is audited as the evaluator's read, as behind the real endpoint
        SecurityContextHolder.getContext()
                .setAuthentication(new TestingAuthenticationToken("benchmark-evaluator", null, "ROLE_evaluator"));
        try (Stream<RiskMatrixContribution> rows = contributions.contributions(asOf);
                InputStream body = ContributionStream.body(rows)) {
            body.transferTo(sink);
        } finally {
            SecurityContextHolder.clearContext();
        }
        RescoringBenchmark.report(
                String.format(
                        "NDJSON export of %,d rows (%,d MB), load average %s", sink.lines, sink.bytes >> 20, load),
                start,
                RescoringBenchmark.peakHeap());
        System.out.printf(
                "== live heap half way (used after a full GC, System.gc() under G1, at the middle document or row; "
                        + "one GC each, in the timed passes): scan %,d MB, export %,d MB; after the load %,d MB%n",
                halfWayScan >> 20, sink.halfWay >> 20, loaded >> 20);
    }

    /** Heap in use after a full GC: the live data. */
    static long liveHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Counts what the export writes and keeps none of it; takes the live heap at the given row. */
    private static final class CountingSink extends OutputStream {

        private final long halfWayLine;
        long bytes;
        long lines;
        long halfWay = -1;

        CountingSink(long halfWayLine) {
            this.halfWayLine = halfWayLine;
        }

        private void line() {
            if (++lines == halfWayLine) {
                halfWay = liveHeap();
            }
        }

        @Override
        public void write(int b) {
            bytes++;
            if (b == '\n') {
                line();
            }
        }

        @Override
        public void write(byte[] buffer, int offset, int length) {
            bytes += length;
            for (int i = offset; i < offset + length; i++) {
                if (buffer[i] == '\n') {
                    line();
                }
            }
        }
    }
}
