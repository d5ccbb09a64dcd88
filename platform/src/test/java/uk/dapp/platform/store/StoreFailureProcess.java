package uk.dapp.platform.store;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.StringDataType;

/**
 * A store that fails inside a commit, alone in a JVM of its own, for {@link StoreFailureExitTest}.
 * Usage: {@code StoreFailureProcess <folder> <shutdown>}, where {@code shutdown} is {@code returns}
 * or {@code hangs}: a shutdown hook that finishes (printing {@code HOOK RAN}) or one that never
 * does, as a graceful shutdown held by a request blocked on the broken store would.
 */
public final class StoreFailureProcess {

    static final Duration HALT_AFTER = Duration.ofSeconds(2);

    private StoreFailureProcess() {}

    public static void main(String[] args) throws Exception {
        Path folder = Files.createDirectories(Path.of(args[0]));
        boolean hookHangs = "hangs".equals(args[1]);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (hookHangs) {
                awaitForever();
            }
            System.out.println("HOOK RAN");
            System.out.flush();
        }));
        MVStore store = new MVStore.Builder()
                .fileName(folder.resolve("store.mv.db").toString())
                .autoCommitDisabled()
                .backgroundExceptionHandler(
                        EmbeddedMongoStore.onCommitFailure(failure -> StoreFailureExit.exitProcess(HALT_AFTER)))
                .open();
        MVMap<String, String> documents =
                store.openMap("documents", new MVMap.Builder<String, String>().valueType(new FailsToWrite()));
        documents.put("fine", "written");
        store.commit();
        documents.put("poison", FailsToWrite.POISON);
        try {
            store.commit(); // H2 fails writing the page out, as it did on a ConcurrentModificationException
        } catch (RuntimeException expected) {
            System.out.println("COMMIT FAILED " + expected.getClass().getSimpleName());
        }
        System.out.flush();
        awaitForever();
    }

    private static void awaitForever() {
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Strings, except one value whose writing throws, as a page's serialisation can. */
    private static final class FailsToWrite extends BasicDataType<String> {

        static final String POISON = "poison";

        @Override
        public int getMemory(String value) {
            return StringDataType.INSTANCE.getMemory(value);
        }

        @Override
        public void write(WriteBuffer buffer, String value) {
            if (POISON.equals(value)) {
                throw new IllegalStateException("cannot write this value");
            }
            StringDataType.INSTANCE.write(buffer, value);
        }

        @Override
        public String read(ByteBuffer buffer) {
            return StringDataType.INSTANCE.read(buffer);
        }

        @Override
        public String[] createStorage(int size) {
            return new String[size];
        }
    }
}
