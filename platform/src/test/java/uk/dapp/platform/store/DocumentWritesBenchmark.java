package uk.dapp.platform.store;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A benchmark, not a timed test: what a commit of documents costs with the store's value type
 * ({@link DocumentType}, BSON) beside H2's generic object type the stock backend used (Java
 * serialisation), side by side in one run, rounds alternating. Two ways of writing, each as the
 * services write: an audit record per read, committed before the read's answer (ADR 0002), and a
 * bulk write of 1,000 documents in one commit (a rescoring batch). Prints the CPU of the writing
 * thread per document, the file's size, and the load average:
 * <pre>
 * ./mvnw -B -pl platform -am test -Dtest=DocumentWritesBenchmark -Dbenchmark=true \
 *     -Dsurefire.failIfNoSpecifiedTests=false [-Dbenchmark.documents=20000 -Dbenchmark.rounds=3]
 * </pre>
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class DocumentWritesBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private static final int DOCUMENTS = Integer.getInteger("benchmark.documents", 20_000);
    private static final int ROUNDS = Integer.getInteger("benchmark.rounds", 3);
    private static final int BULK = 1_000;

    private record Way(String name, boolean bulk) {}

    private record ValueType(String name, Supplier<MVMap.Builder<Object, Document>> builder) {}

    @Test
    void commitsWithEachValueType() throws Exception {
        List<ValueType> types = List.of(
                new ValueType(
                        "Java serialisation (stock)",
                        () -> new MVMap.Builder<Object, Document>().valueType(new ObjectDataType())),
                new ValueType(
                        "BSON (DocumentType)",
                        () -> new MVMap.Builder<Object, Document>().valueType(DocumentType.INSTANCE)));
        List<Way> ways = List.of(new Way("a commit per audit record", false), new Way("1,000 a commit", true));
        for (Way way : ways) {
            for (int round = 1; round <= ROUNDS; round++) {
                List<ValueType> order = round % 2 == 1 ? types : types.reversed();
                for (ValueType type : order) {
                    measure(way, round, type);
                }
            }
        }
    }

    private static void measure(Way way, int round, ValueType type) throws Exception {
        Path folder = Files.createTempDirectory("document-writes");
        Path file = folder.resolve("store.mv.db");
        String loadBefore = loadAverage();
        long cpu;
        long wall;
        try (MVStore store = new MVStore.Builder()
                .fileName(file.toString())
                .autoCommitDisabled()
                .open()) {
            store.setRetentionTime(5_000);
            MVMap<Object, Document> audit =
                    store.openMap("databases.bench.audit", type.builder().get());
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            long wallStart = System.nanoTime();
            for (int i = 0; i < DOCUMENTS; i++) {
                ObjectId id = new ObjectId();
                audit.put(id, auditRecord(id, i));
                if (!way.bulk() || (i + 1) % BULK == 0) {
                    store.commit();
                }
            }
            store.commit();
            cpu = THREADS.getCurrentThreadCpuTime() - cpuStart;
            wall = System.nanoTime() - wallStart;
        }
        System.out.printf(
                Locale.ROOT,
                "== %-26s round %d  %-27s %,d documents: CPU %6.1f µs a document, wall %6.1f µs, file %,6d KB,"
                        + " load average %s -> %s%n",
                way.name(),
                round,
                type.name(),
                DOCUMENTS,
                cpu / 1_000.0 / DOCUMENTS,
                wall / 1_000.0 / DOCUMENTS,
                Files.size(file) / 1024,
                loadBefore,
                loadAverage());
    }

    /** Shaped as an {@code AuditRecord} is stored: who, with which roles, what, which case, when. */
    private static Document auditRecord(ObjectId id, int i) {
        return new Document("_id", id)
                .append("at", Instant.ofEpochMilli(1_765_000_000_000L + i * 1_000L))
                .append("userId", "0f8fad5b-d9cb-469f-a165-7086772" + String.format(Locale.ROOT, "%05d", i % 40))
                .append("username", "facilitator-" + (i % 40))
                .append("roles", List.of("facilitator"))
                .append("caseId", "3KkjNboY8Sqee" + String.format(Locale.ROOT, "%05d", i % 50_000))
                .append("action", "READ")
                .append("resourceType", "referral")
                .append("resourceId", "r-" + i)
                .append("correlationId", "c0ffee" + i)
                .append("query", "GET /cases/{caseId}/referrals")
                .append("_class", "uk.dapp.platform.audit.AuditRecord");
    }

    private static String loadAverage() throws Exception {
        return String.join(
                " ",
                List.of(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
    }
}
