package uk.dapp.demo.load;

import java.util.Map;
import java.util.TreeMap;

/** What was loaded, per service: printed at the end and read by the end-to-end test. */
public final class Counts {

    private final Map<String, Map<String, Integer>> byService = new TreeMap<>();

    public synchronized void add(String service, String what) {
        byService.computeIfAbsent(service, s -> new TreeMap<>()).merge(what, 1, Integer::sum);
    }

    public synchronized int get(String service, String what) {
        return byService.getOrDefault(service, Map.of()).getOrDefault(what, 0);
    }

    public synchronized Map<String, Map<String, Integer>> asMap() {
        Map<String, Map<String, Integer>> copy = new TreeMap<>();
        byService.forEach((service, counts) -> copy.put(service, Map.copyOf(counts)));
        return copy;
    }

    @Override
    public synchronized String toString() {
        StringBuilder out = new StringBuilder();
        byService.forEach((service, counts) -> {
            out.append("  ").append(service).append(':');
            counts.forEach((what, n) -> out.append(' ').append(what).append('=').append(n));
            out.append('\n');
        });
        return out.toString();
    }
}
