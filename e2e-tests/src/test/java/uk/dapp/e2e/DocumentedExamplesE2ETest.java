package uk.dapp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import uk.dapp.e2e.support.TheSystem;

/**
 * Every example a newcomer is shown runs (issue 13): each bash block of the README that calls the
 * system with curl, and the "Try:" example {@code ./dapp up} prints, run as written against the
 * running system (the default ports replaced by the test system's), with curl failing on any
 * error status. (The contracts' {@code example}s are sent by each service's contract fuzz test.)
 */
class DocumentedExamplesE2ETest {

    private static final Pattern BASH_BLOCK = Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL);

    @Test
    void everyCurlExampleOfTheReadmeRuns() throws Exception {
        String readme = Files.readString(TheSystem.root().resolve("README.md"));
        List<String> examples = new ArrayList<>();
        Matcher blocks = BASH_BLOCK.matcher(readme);
        while (blocks.find()) {
            if (blocks.group(1).contains("curl ")) {
                examples.add(blocks.group(1));
            }
        }
        assertThat(examples).as("the README's curl examples").hasSizeGreaterThanOrEqualTo(2);
        for (String example : examples) {
            run(example);
        }
    }

    @Test
    void theTryExampleThatDappUpPrintsRuns() throws Exception {
        String dapp = Files.readString(TheSystem.root().resolve("dapp"));
        int start = dapp.indexOf("Try:\n");
        int end = dapp.indexOf("Stop with:", start);
        assertThat(start).as("the Try: example in ./dapp").isPositive();
        // as the heredoc prints it: \$ is $, \\ is \, the ports are expanded
        String example = dapp.substring(start + "Try:\n".length(), end)
                .replace("\\$", "$")
                .replace("\\\\", "\\")
                .replace("$KEYCLOAK_PORT", "8180")
                .replace("$GATEWAY_PORT", "8080");
        run(example);
    }

    /** Runs an example with bash in the project root, on the test system's ports; curl fails on a 4xx or 5xx. */
    private static void run(String example) throws IOException, InterruptedException {
        TheSystem system = TheSystem.get();
        String keycloakPort = system.keycloak().url().replaceAll(".*:", "");
        String gatewayPort = system.gatewayUrl().replaceAll(".*:", "");
        String script = "set -euo pipefail\n"
                + "curl() { command curl -sS --fail-with-body --max-time 30 \"$@\"; echo; }\n"
                + example.replaceAll("\\b8180\\b", keycloakPort).replaceAll("\\b8080\\b", gatewayPort);
        Process bash = new ProcessBuilder("bash", "-c", script)
                .directory(TheSystem.root().toFile())
                .redirectErrorStream(true)
                .start();
        boolean finished = bash.waitFor(120, TimeUnit.SECONDS);
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!finished) {
            bash.destroyForcibly();
        }
        assertThat(finished)
                .as("the example finished within 120 s:\n" + example)
                .isTrue();
        assertThat(bash.exitValue())
                .as("the example\n" + example + "\nanswered\n" + output)
                .isZero();
    }
}
