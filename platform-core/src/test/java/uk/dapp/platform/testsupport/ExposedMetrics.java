package uk.dapp.platform.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

/**
 * The metrics an application's {@code /actuator/prometheus} must expose, as listed in
 * {@code k8s/monitoring/exposed-metrics.txt} (one metric a line, then the applications exposing it).
 * The k8s module's test checks that the dashboard and the alert rules name only metrics of that list;
 * each application's metrics test checks, against a real scrape, that it exposes its lines.
 */
public final class ExposedMetrics {

    public static final String LIST = "k8s/monitoring/exposed-metrics.txt";

    private ExposedMetrics() {}

    /** The metric names the list says {@code application} exposes. */
    public static Set<String> listedFor(String application) {
        Set<String> names = new TreeSet<>();
        try {
            for (String line : Files.readAllLines(list())) {
                String[] words = line.strip().split("\\s+");
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (Arrays.asList(words).subList(1, words.length).contains(application)) {
                    names.add(words[0]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(names)
                .as("metrics listed for " + application + " in " + LIST)
                .isNotEmpty();
        return names;
    }

    /** The names of the samples in a Prometheus text exposition. */
    public static Set<String> names(String scrape) {
        Set<String> names = new TreeSet<>();
        for (String line : scrape.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int end = 0;
            while (end < line.length() && line.charAt(end) != '{' && line.charAt(end) != ' ') {
                end++;
            }
            names.add(line.substring(0, end));
        }
        return names;
    }

    /**
     * The scrape exposes every metric listed for the application, and no tag value holds any of
     * {@code neverInATag} (case IDs, user names, subjects the test used).
     */
    public static void assertExposes(String application, String scrape, String... neverInATag) {
        assertThat(names(scrape)).as(application + " /actuator/prometheus").containsAll(listedFor(application));
        for (String value : neverInATag) {
            assertThat(scrape)
                    .as("a value the test sent, in " + application + "'s metrics")
                    .doesNotContain(value);
        }
    }

    private static Path list() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve(LIST))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException(
                    LIST + " not found above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve(LIST);
    }
}
