package uk.dapp.load;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The response times a simulation computes its own figures from (Gatling's report shows the same
 * requests; these let a simulation print ratios and a saturation point when it ends). Per label:
 * each successful response's time, when each completed, and how many failed.
 */
final class Recorder {

    private static final long WINDOW_MILLIS = 5_000;

    record Sample(long completedAtMillis, int millis) {}

    record Figures(String label, long ok, long failed, double seconds, double perSecond, int p50, int p95, int p99) {
        @Override
        public String toString() {
            return String.format(
                    "%-22s %,8d ok %,6d failed  %7.1f req/s  p50 %5d ms  p95 %5d ms  p99 %5d ms",
                    label, ok, failed, perSecond, p50, p95, p99);
        }
    }

    private final Map<String, ConcurrentLinkedQueue<Sample>> samples = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> failures = new ConcurrentHashMap<>();

    void ok(String label, int millis) {
        samples.computeIfAbsent(label, k -> new ConcurrentLinkedQueue<>())
                .add(new Sample(System.currentTimeMillis(), millis));
    }

    void failed(String label) {
        failures.computeIfAbsent(label, k -> new AtomicLong()).incrementAndGet();
    }

    Sample[] samples(String label) {
        return samples.getOrDefault(label, new ConcurrentLinkedQueue<>()).toArray(Sample[]::new);
    }

    /** Throughput over the span from the first to the last completion, and percentiles of the times. */
    Figures figures(String label) {
        Sample[] all = samples(label);
        long failed = failures.getOrDefault(label, new AtomicLong()).get();
        if (all.length < 2) {
            return new Figures(label, all.length, failed, 0, 0, 0, 0, 0);
        }
        long first =
                Arrays.stream(all).mapToLong(Sample::completedAtMillis).min().orElseThrow();
        long last =
                Arrays.stream(all).mapToLong(Sample::completedAtMillis).max().orElseThrow();
        int[] times = Arrays.stream(all).mapToInt(Sample::millis).sorted().toArray();
        double seconds = Math.max(1, last - first) / 1000.0;
        return new Figures(
                label,
                all.length,
                failed,
                seconds,
                all.length / seconds,
                percentile(times, 50),
                percentile(times, 95),
                percentile(times, 99));
    }

    /**
     * The saturation point of an open ramp of arrivals (1 to {@code maxRate} a second, linear over
     * {@code rampSeconds} from {@code rampStartedAt}): the rate at the start of the first run of
     * {@code windowsInARow} 5-second windows in a row whose p99 passes 1 s, or -1 if none does. Each
     * window's figures are printed.
     */
    double saturation(String label, long rampStartedAt, int rampSeconds, int maxRate, int windowsInARow) {
        Sample[] ramp = samples(label);
        Arrays.sort(ramp, (a, b) -> Long.compare(a.completedAtMillis(), b.completedAtMillis()));
        int pastOneSecondInARow = 0;
        double firstPastOneSecond = -1;
        for (long windowStart = rampStartedAt;
                windowStart < rampStartedAt + rampSeconds * 1000L;
                windowStart += WINDOW_MILLIS) {
            long from = windowStart;
            int[] times = Arrays.stream(ramp)
                    .filter(s -> s.completedAtMillis() >= from && s.completedAtMillis() < from + WINDOW_MILLIS)
                    .mapToInt(Sample::millis)
                    .sorted()
                    .toArray();
            if (times.length == 0) {
                continue;
            }
            double rate = 1 + (maxRate - 1) * ((from - rampStartedAt) / 1000.0) / rampSeconds;
            int p99 = percentile(times, 99);
            System.out.printf(
                    "==   ramp at %5.1f arrivals/s: %4d answered in 5 s, p99 %5d ms%n", rate, times.length, p99);
            if (p99 <= 1_000) {
                pastOneSecondInARow = 0;
                continue;
            }
            if (pastOneSecondInARow++ == 0) {
                firstPastOneSecond = rate;
            }
            if (pastOneSecondInARow == windowsInARow) {
                return firstPastOneSecond;
            }
        }
        return -1;
    }

    static int percentile(int[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * p / 100.0) - 1)];
    }
}
