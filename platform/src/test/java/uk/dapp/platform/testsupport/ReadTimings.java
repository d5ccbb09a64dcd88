package uk.dapp.platform.testsupport;

import java.util.Arrays;
import java.util.Random;

/**
 * Times one kind of read for a benchmark: a warm-up, then many reads one after another, each of a
 * case drawn at random, reporting the median and the 99th percentile. Printed, never asserted:
 * speed goes in benchmarks, not in timed tests.
 */
public final class ReadTimings {

    /** One read of the case numbered {@code index}. */
    @FunctionalInterface
    public interface Read {
        void of(int index) throws Exception;
    }

    public record Figures(String what, int cases, double p50Millis, double p99Millis) {
        @Override
        public String toString() {
            return String.format("%-28s %,9d cases   p50 %7.2f ms   p99 %7.2f ms", what, cases, p50Millis, p99Millis);
        }
    }

    private ReadTimings() {}

    public static Figures time(String what, int cases, int warmUp, int samples, Random random, Read read)
            throws Exception {
        for (int i = 0; i < warmUp; i++) {
            read.of(random.nextInt(cases));
        }
        long[] nanos = new long[samples];
        for (int i = 0; i < samples; i++) {
            int index = random.nextInt(cases);
            long start = System.nanoTime();
            read.of(index);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        Figures figures = new Figures(what, cases, nanos[samples / 2] / 1e6, nanos[(int) (samples * 0.99)] / 1e6);
        System.out.println("== " + figures);
        return figures;
    }
}
