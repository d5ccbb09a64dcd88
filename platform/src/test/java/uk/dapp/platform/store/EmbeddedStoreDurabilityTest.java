package uk.dapp.platform.store;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Projections.include;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.DeleteResult;
import com.mongodb.client.result.InsertManyResult;
import com.mongodb.client.result.UpdateResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;

/**
 * An acknowledged write must survive {@code kill -9} of the process holding the embedded store
 * ({@link CommitBeforeAcknowledgeBackend}). The store runs in a separate JVM
 * ({@link EmbeddedStoreProcess}); this test writes to it over the wire with the plain MongoDB
 * driver, records what the store acknowledged, kills it with SIGKILL straight after the last
 * acknowledgement, starts it again on the same folder and checks that everything acknowledged is
 * there. Several rounds on one folder, so each round also proves the earlier rounds survived.
 *
 * <p>To see it fail, run it against the library's stock backend:
 * {@code -Ddapp.store.test.stockBackend=true} (see {@link EmbeddedStoreProcess}).
 */
@Timeout(value = 120, unit = SECONDS)
class EmbeddedStoreDurabilityTest {

    private static final int ROUNDS = 5;
    private static final int OPERATIONS_PER_ROUND = 200;
    private static final int BATCH_SIZE = 20;
    private static final String COUNTER_ID = "counter";
    private static final int SIGKILL_EXIT = 128 + 9;
    private static final int SIGTERM_EXIT = 128 + 15;

    private final List<StoreProcess> started = new CopyOnWriteArrayList<>();
    private Path folder;
    private boolean passed;

    @BeforeEach
    void freshFolder(TestInfo test) throws IOException {
        folder = Path.of(
                        "target",
                        "embedded-store-durability",
                        test.getTestMethod().orElseThrow().getName() + "-" + System.nanoTime())
                .toAbsolutePath();
        Files.createDirectories(folder);
    }

    @AfterEach
    void neverLeaveAJvmRunning() throws IOException {
        for (StoreProcess p : started) {
            p.destroyQuietly();
        }
        if (passed) {
            deleteRecursively(folder);
        }
    }

    @Test
    void everyAcknowledgedWriteSurvivesKillMinus9() throws Exception {
        Expected expected = new Expected();
        for (int round = 1; round <= ROUNDS; round++) {
            StoreProcess store = start();
            try (MongoClient client = store.client()) {
                MongoCollection<Document> documents = collection(client);
                expected.assertHeldBy(documents, "after the kill ending round " + (round - 1));
                if (round == 1) {
                    documents.insertOne(new Document("_id", COUNTER_ID).append("n", 0));
                }
                burst(documents, expected, round);
                store.kill(); // straight after the last acknowledgement: no sleep, no close
            }
        }
        StoreProcess store = start();
        try (MongoClient client = store.client()) {
            expected.assertHeldBy(collection(client), "after the kill ending round " + ROUNDS);
            assertThat(expected.present).hasSizeGreaterThan(ROUNDS * OPERATIONS_PER_ROUND);
        }
        store.stopGracefully();
        passed = true;
    }

    @Test
    void aGracefulStopKeepsEverything() throws Exception {
        Expected expected = new Expected();
        StoreProcess store = start();
        try (MongoClient client = store.client()) {
            MongoCollection<Document> documents = collection(client);
            documents.insertOne(new Document("_id", COUNTER_ID).append("n", 0));
            burst(documents, expected, 1);
        }
        store.stopGracefully();

        store = start();
        try (MongoClient client = store.client()) {
            expected.assertHeldBy(collection(client), "after a graceful stop");
        }
        store.stopGracefully();
        passed = true;
    }

    /**
     * Single inserts, batch inserts, {@code $inc}s of one counter and deletes, interleaved, each
     * recorded only once the store acknowledged it; ends with one of each so that every kind of
     * write is among the last acknowledged before the kill.
     */
    private static void burst(MongoCollection<Document> documents, Expected expected, int round) {
        Random random = new Random(round);
        int sequence = 0;
        for (int op = 0; op < OPERATIONS_PER_ROUND; op++) {
            switch (op % 10) {
                case 0, 1, 2, 3, 5, 7 -> insertOne(documents, expected, round + "-" + sequence++);
                case 4, 8 -> increment(documents, expected);
                case 6 -> deleteOne(documents, expected, random);
                default -> sequence = insertMany(documents, expected, round, sequence);
            }
        }
        sequence = insertMany(documents, expected, round, sequence);
        insertOne(documents, expected, round + "-" + sequence);
        increment(documents, expected);
        deleteOne(documents, expected, random);
    }

    private static void insertOne(MongoCollection<Document> documents, Expected expected, String id) {
        documents.insertOne(document(id));
        expected.present.add(id);
    }

    private static int insertMany(MongoCollection<Document> documents, Expected expected, int round, int sequence) {
        List<Document> batch = new ArrayList<>();
        for (int i = 0; i < BATCH_SIZE; i++) {
            batch.add(document(round + "-" + sequence++));
        }
        InsertManyResult result = documents.insertMany(batch);
        assertThat(result.getInsertedIds()).hasSize(BATCH_SIZE);
        batch.forEach(d -> expected.present.add(d.getString("_id")));
        return sequence;
    }

    private static void increment(MongoCollection<Document> documents, Expected expected) {
        UpdateResult result = documents.updateOne(eq("_id", COUNTER_ID), Updates.inc("n", 1));
        assertThat(result.getModifiedCount()).isEqualTo(1);
        expected.increments++;
    }

    /** Deletes a random acknowledged document, sometimes from this round, sometimes from an earlier one. */
    private static void deleteOne(MongoCollection<Document> documents, Expected expected, Random random) {
        List<String> candidates = new ArrayList<>(expected.present);
        String id = random.nextBoolean()
                ? candidates.get(candidates.size() - 1 - random.nextInt(Math.min(10, candidates.size())))
                : candidates.get(random.nextInt(candidates.size()));
        DeleteResult result = documents.deleteOne(eq("_id", id));
        assertThat(result.getDeletedCount()).as("deleting %s", id).isEqualTo(1);
        expected.present.remove(id);
        expected.deleted.add(id);
    }

    private static Document document(String id) {
        return new Document("_id", id).append("payload", "acknowledged write " + id + " ".repeat(64));
    }

    private static MongoCollection<Document> collection(MongoClient client) {
        return client.getDatabase("durability").getCollection("writes").withWriteConcern(WriteConcern.ACKNOWLEDGED);
    }

    /** What the store has acknowledged so far. */
    private static final class Expected {

        final Set<String> present = new LinkedHashSet<>();
        final Set<String> deleted = new HashSet<>();
        long increments;

        void assertHeldBy(MongoCollection<Document> documents, String when) {
            Set<String> actual = new HashSet<>();
            for (Document d : documents.find(ne("_id", COUNTER_ID)).projection(include("_id"))) {
                actual.add(d.getString("_id"));
            }
            Set<String> lost = new LinkedHashSet<>(present);
            lost.removeAll(actual);
            Set<String> resurrected = new HashSet<>(actual);
            resurrected.retainAll(deleted);
            Set<String> unexpected = new HashSet<>(actual);
            unexpected.removeAll(present);
            unexpected.removeAll(deleted);

            assertThat(lost)
                    .as("acknowledged inserts missing %s (%d of %d)", when, lost.size(), present.size())
                    .isEmpty();
            assertThat(resurrected).as("acknowledged deletes undone %s", when).isEmpty();
            assertThat(unexpected).as("documents never written, %s", when).isEmpty();
            Document counter = documents.find(eq("_id", COUNTER_ID)).first();
            if (present.isEmpty() && deleted.isEmpty()) {
                return; // nothing written yet
            }
            assertThat(counter).as("counter document %s", when).isNotNull();
            assertThat(((Number) counter.get("n")).longValue())
                    .as("counter %s: must equal the number of acknowledged $inc", when)
                    .isEqualTo(increments);
        }
    }

    // ---- the store in its own JVM ----

    private StoreProcess start() throws Exception {
        StoreProcess store = StoreProcess.start(folder);
        started.add(store);
        return store;
    }

    private static final class StoreProcess {

        private final Process process;
        private final List<String> output = new CopyOnWriteArrayList<>();
        private final CompletableFuture<Integer> port = new CompletableFuture<>();
        private int boundPort;

        private StoreProcess(Process process) {
            this.process = process;
        }

        static StoreProcess start(Path folder) throws Exception {
            List<String> command = new ArrayList<>();
            command.add(ProcessHandle.current()
                    .info()
                    .command()
                    .orElse(Path.of(System.getProperty("java.home"), "bin", "java")
                            .toString()));
            command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m"));
            if (Boolean.getBoolean(EmbeddedStoreProcess.STOCK_BACKEND_PROPERTY)) {
                command.add("-D" + EmbeddedStoreProcess.STOCK_BACKEND_PROPERTY + "=true");
            }
            command.addAll(List.of(
                    "-cp",
                    System.getProperty("java.class.path"),
                    EmbeddedStoreProcess.class.getName(),
                    folder.toString()));
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            StoreProcess store = new StoreProcess(process);
            Thread reader = new Thread(store::readOutput, "store-process-" + process.pid() + "-output");
            reader.setDaemon(true);
            reader.start();
            try {
                store.boundPort = store.port.get(30, SECONDS);
            } catch (TimeoutException | ExecutionException e) {
                store.destroyQuietly();
                throw new AssertionError(
                        "the store process did not report its port; its output:\n" + String.join("\n", store.output),
                        e);
            }
            return store;
        }

        /** Drains the process's output (so it never blocks on a full pipe) and picks out the PORT line. */
        private void readOutput() {
            try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    output.add(line);
                    if (line.startsWith("PORT ")) {
                        port.complete(Integer.parseInt(
                                line.substring("PORT ".length()).trim()));
                    }
                }
            } catch (IOException | RuntimeException e) {
                port.completeExceptionally(e);
            }
            port.completeExceptionally(new IllegalStateException("the store process ended without a PORT line"));
        }

        MongoClient client() {
            return MongoClients.create(MongoClientSettings.builder()
                    .applyConnectionString(new ConnectionString(
                            "mongodb://127.0.0.1:" + boundPort + "/?retryWrites=false&retryReads=false"))
                    .writeConcern(WriteConcern.ACKNOWLEDGED)
                    .applyToClusterSettings(b -> b.serverSelectionTimeout(10, SECONDS))
                    .applyToSocketSettings(b -> b.connectTimeout(5, SECONDS))
                    .build());
        }

        /** SIGKILL: no shutdown hook, no close, no final commit. */
        void kill() throws Exception {
            process.destroyForcibly();
            process.toHandle().onExit().get(10, SECONDS);
            assertThat(process.toHandle().isAlive()).isFalse();
            assertThat(ProcessHandle.of(process.pid()).filter(ProcessHandle::isAlive))
                    .isEmpty();
            assertThat(process.exitValue())
                    .as("exit status of a process ended by SIGKILL")
                    .isEqualTo(SIGKILL_EXIT);
        }

        /**
         * SIGTERM: the shutdown hook closes the store. Sent through the {@link ProcessHandle}:
         * {@link Process#destroy()} sends the same signal but also closes our end of the process's
         * output pipe at once, so whatever the hook prints is lost.
         */
        void stopGracefully() throws Exception {
            process.toHandle().destroy();
            process.toHandle().onExit().get(20, SECONDS);
            assertThat(process.exitValue())
                    .as("exit status of a process ended by SIGTERM")
                    .isEqualTo(SIGTERM_EXIT);
            // the pipe may still hold the last lines for a moment after the exit
            long deadline = System.nanoTime() + SECONDS.toNanos(5);
            while (!output.contains("CLOSED") && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(output).as("output of the store process").contains("CLOSED");
        }

        void destroyQuietly() {
            if (!process.isAlive()) {
                return;
            }
            process.destroyForcibly();
            try {
                process.onExit().get(10, SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("store process " + process.pid() + " did not end", e);
            }
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
