package uk.dapp.platform.store;

import ch.qos.logback.classic.Level;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded store alone in a JVM of its own, for {@link EmbeddedStoreDurabilityTest} to kill.
 * Usage: {@code EmbeddedStoreProcess <folder>}. Prints {@code PORT <n>} once the store listens,
 * then blocks until the process is stopped; on a graceful stop (SIGTERM) a shutdown hook closes
 * the store and prints {@code CLOSED}.
 *
 * <p>Negative control, test-only: with {@code -D}{@value #STOCK_BACKEND_PROPERTY}{@code =true} it
 * serves the same file with the library's stock {@link H2Backend} (which commits in the background)
 * instead of {@link EmbeddedMongoStore}, to show the durability test can fail.
 */
public final class EmbeddedStoreProcess {

    static final String STOCK_BACKEND_PROPERTY = "dapp.store.test.stockBackend";

    private EmbeddedStoreProcess() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: EmbeddedStoreProcess <folder>");
            System.exit(2);
        }
        quietLogging();
        Path folder = Path.of(args[0]);
        AutoCloseable store;
        int port;
        if (Boolean.getBoolean(STOCK_BACKEND_PROPERTY)) {
            Files.createDirectories(folder);
            MVStore mvStore = new MVStore.Builder()
                    .fileName(folder.resolve("store.mv.db").toAbsolutePath().toString())
                    .open();
            MongoServer server = new MongoServer(new H2Backend(mvStore));
            server.bind("127.0.0.1", 0);
            port = server.getLocalAddress().getPort();
            store = () -> {
                server.shutdownNow();
                if (!mvStore.isClosed()) {
                    mvStore.close();
                }
            };
        } else {
            EmbeddedMongoStore embedded = new EmbeddedMongoStore(folder, 0);
            port = URI.create(embedded.connectionString("x")).getPort();
            store = embedded;
        }
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            try {
                                store.close();
                                System.out.println("CLOSED");
                            } catch (Exception e) {
                                System.out.println("CLOSE FAILED " + e);
                            }
                            System.out.flush();
                        },
                        "close-embedded-store"));
        System.out.println("PORT " + port);
        System.out.flush();
        new CountDownLatch(1).await();
    }

    /** Logback's default configuration logs every command at DEBUG; the test only needs the PORT line. */
    private static void quietLogging() {
        if (LoggerFactory.getILoggerFactory().getLogger(Logger.ROOT_LOGGER_NAME)
                instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(Level.INFO);
        }
    }
}
