package uk.dapp.platform.store;

import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MongoDB-wire-protocol server inside the service's own process, keeping its data in one file
 * under the given folder. The service talks to it with the ordinary MongoDB driver, exactly as
 * it talks to a real MongoDB in production.
 */
public final class EmbeddedMongoStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoStore.class);

    private final MVStore store;
    private final MongoServer server;
    private final InetSocketAddress address;

    /** A store whose failure in a commit is only logged: for tests and benchmarks that own the process. */
    public EmbeddedMongoStore(Path folder, int port) {
        this(folder, port, failure -> {});
    }

    /**
     * @param afterCommitFailure what the process does once H2 has failed inside a commit and closed
     *     the store; a service exits ({@link StoreFailureExit})
     */
    public EmbeddedMongoStore(Path folder, int port, Consumer<Throwable> afterCommitFailure) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the embedded store's folder " + folder, e);
        }
        Path file = folder.resolve("store.mv.db").toAbsolutePath();
        // No background writer: every write to the file happens inside a commit made before a reply
        // goes out (see CommitBeforeAcknowledgeBackend). Old chunks are kept 5 s rather than 45 s
        // so the file does not balloon under steady writes; that window guards only against power
        // loss, which this store does not claim to survive (no fsync), not against a process kill.
        this.store = new MVStore.Builder()
                .fileName(file.toString())
                .autoCommitDisabled()
                .backgroundExceptionHandler(onCommitFailure(afterCommitFailure))
                .open();
        this.store.setRetentionTime(5_000);
        this.server = new MongoServer(new CommitBeforeAcknowledgeBackend(store));
        server.bind("127.0.0.1", port);
        this.address = server.getLocalAddress();
        log.info(
                "Embedded MongoDB-wire store on {}:{} with data in {}",
                address.getHostString(),
                address.getPort(),
                file);
    }

    /** H2 closes the store after a failure inside a commit; say so, and why, then act. */
    static Thread.UncaughtExceptionHandler onCommitFailure(Consumer<Throwable> afterCommitFailure) {
        return (thread, failure) -> {
            log.error("The embedded store failed in a commit and is closing: the service cannot go on", failure);
            afterCommitFailure.accept(failure);
        };
    }

    public String connectionString(String database) {
        return "mongodb://" + address.getHostString() + ":" + address.getPort() + "/" + database;
    }

    @Override
    public void close() {
        server.shutdownNow();
        if (!store.isClosed()) {
            store.close();
        }
    }
}
