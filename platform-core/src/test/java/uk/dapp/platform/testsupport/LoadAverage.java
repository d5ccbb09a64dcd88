package uk.dapp.platform.testsupport;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine's load average, which benchmarks print beside their figures: the cores are shared. */
public final class LoadAverage {

    /** The 1, 5 and 15 minute load averages, or the JVM's one-minute figure where /proc is missing. */
    public static String now() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII)
                    .split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return String.format(
                    "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private LoadAverage() {}
}
