package uk.dapp.platform.store;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service whose embedded store fails inside a commit leaves rather than staying up answering
 * nothing ({@link StoreFailureExit}). The failure is a real one inside H2's commit
 * ({@link StoreFailureProcess}), in a JVM of its own, since the point is that the JVM ends.
 */
@Timeout(value = 60, unit = SECONDS)
class StoreFailureExitTest {

    @TempDir
    Path folder;

    @Test
    void aFailureInACommitEndsTheProcessAfterItsShutdownHooksRun() throws Exception {
        Ended ended = run("returns");

        assertThat(ended.status()).isEqualTo(StoreFailureExit.STORE_FAILED);
        assertThat(ended.output())
                .contains("COMMIT FAILED")
                .contains("The embedded store failed in a commit and is closing")
                .contains("HOOK RAN");
    }

    @Test
    void aShutdownThatNeverFinishesIsHalted() throws Exception {
        Ended ended = run("hangs");

        assertThat(ended.status()).isEqualTo(StoreFailureExit.STORE_FAILED);
        assertThat(ended.output()).contains("COMMIT FAILED").doesNotContain("HOOK RAN");
    }

    private Ended run(String shutdown) throws IOException, InterruptedException {
        Path output = folder.resolve("output.txt");
        Process process = new ProcessBuilder(List.of(
                        ProcessHandle.current()
                                .info()
                                .command()
                                .orElse(Path.of(System.getProperty("java.home"), "bin", "java")
                                        .toString()),
                        "-XX:TieredStopAtLevel=1",
                        "-Xmx64m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        StoreFailureProcess.class.getName(),
                        folder.resolve("store").toString(),
                        shutdown))
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        try {
            // Without the exit, the process would wait for ever and this would time out
            boolean ended = process.waitFor(30, SECONDS);
            String printed = Files.readString(output, StandardCharsets.UTF_8);
            assertThat(ended)
                    .as("the process ended by itself; it printed:%n%s", printed)
                    .isTrue();
            return new Ended(process.exitValue(), printed);
        } finally {
            process.destroyForcibly();
        }
    }

    private record Ended(int status, String output) {}
}
