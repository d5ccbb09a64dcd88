package uk.dapp.platform.testsupport;

import com.mongodb.client.MongoCursor;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.bson.Document;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import uk.dapp.platform.evaluator.ContributionStream;

/**
 * For the evaluator export benchmarks: a service's NDJSON export and a plain driver scan of its
 * main collection, each timed in the same run with the load average beside it, the sum of its heap pools' peaks, and
 * its live heap (used after a full GC) half way through. The embedded store runs in the same JVM,
 * so the heap figures include the store's own memory: what matters is that the export's live heap
 * half way stays near the scan's and does not grow with the number of cases.
 */
public final class ExportTimings {

    /** One pass: what it read, how long it took, the sum of its heap pools' peaks and its live heap half way. */
    public record Figures(String what, long count, double seconds, long peakBytes, long halfWayBytes, String load) {

        @Override
        public String toString() {
            return String.format(
                    "%-52s %,9d in %7.2f s   heap pools' peaks summed %,5d MB   live half way %,5d MB   load average %s",
                    what, count, seconds, peakBytes >> 20, halfWayBytes >> 20, load);
        }
    }

    private ExportTimings() {}

    /** Reads every document of the cursor, taking the live heap at the middle one. */
    public static Figures scan(String what, long documents, Supplier<MongoCursor<Document>> cursor) {
        settle();
        String load = LoadAverage.now();
        long start = System.nanoTime();
        long read = 0;
        long halfWay = -1;
        try (MongoCursor<Document> documentsRead = cursor.get()) {
            while (documentsRead.hasNext()) {
                documentsRead.next();
                if (++read == Math.max(1, documents / 2)) {
                    halfWay = liveHeap();
                }
            }
        }
        return new Figures(what, read, seconds(start), peakHeap(), halfWay, load);
    }

    /**
     * Streams the export as the endpoint does (NDJSON, one row at a time), as an evaluator so that
     * it is audited as behind the endpoint, taking the live heap at the middle row.
     */
    public static Figures export(String what, long expectedRows, Supplier<Stream<? extends Record>> rows)
            throws Exception {
        settle();
        String load = LoadAverage.now();
        long start = System.nanoTime();
        CountingSink sink = new CountingSink(Math.max(1, expectedRows / 2));
        SecurityContextHolder.getContext()
                .setAuthentication(new TestingAuthenticationToken("benchmark-evaluator", null, "ROLE_evaluator"));
        try (Stream<? extends Record> stream = rows.get();
                InputStream body = ContributionStream.body(stream.map(Record.class::cast))) {
            body.transferTo(sink);
        } finally {
            SecurityContextHolder.clearContext();
        }
        return new Figures(
                what + String.format(" (%,d MB)", sink.bytes >> 20),
                sink.lines,
                seconds(start),
                peakHeap(),
                sink.halfWay,
                load);
    }

    /** Prints the two passes one above the other and the export's time as a multiple of the scan's. */
    public static void print(int cases, Figures scan, Figures export, long liveAfterLoad) {
        System.out.printf(
                "%n== %,d cases, max heap %,d MB, %d cores; live heap after the load %,d MB%n== %s%n== %s%n"
                        + "== export / scan: %.2f x; live heap half way, export - scan: %+,d MB%n",
                cases,
                Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors(),
                liveAfterLoad >> 20,
                scan,
                export,
                export.seconds() / scan.seconds(),
                (export.halfWayBytes() - scan.halfWayBytes()) >> 20);
    }

    /** Heap in use after a full GC: the live data. */
    public static long liveHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void settle() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /**
     * Sum of the heap pools' peaks since {@link #settle}: an upper bound on the true peak, which can
     * pass the maximum heap (each pool peaks at its own moment), so it is printed as a sum, never as
     * "peak heap"; the live heap half way is the figure that says whether memory grows.
     */
    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Counts what the export writes and keeps none of it; takes the live heap at the given line. */
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
