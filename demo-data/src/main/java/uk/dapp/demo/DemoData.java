package uk.dapp.demo;

import java.util.LinkedHashMap;
import java.util.Map;
import uk.dapp.demo.load.Gateway;
import uk.dapp.demo.load.Loader;
import uk.dapp.demo.plan.PopulationPlanner;

/**
 * {@code java -jar demo-data-exec.jar --gateway=http://127.0.0.1:8080 --keycloak=http://127.0.0.1:8180
 * [--cases=300] [--seed=20261123] [--threads=8]}: plans an entirely synthetic population from the seed and
 * loads it through the gateway as the demo users, several people at once ({@code --threads=1}: one after
 * another; the same content either way). Prints what it loaded per service; exits 1 if any step failed.
 */
public final class DemoData {

    private DemoData() {}

    public static void main(String[] args) {
        Loader.Result result = run(args);
        System.exit(result.failures().isEmpty() ? 0 : 1);
    }

    public static Loader.Result run(String... args) {
        Map<String, String> options = options(args);
        String gatewayUrl = options.getOrDefault("gateway", "http://127.0.0.1:8080");
        String keycloakUrl = options.getOrDefault("keycloak", "http://127.0.0.1:8180");
        int cases = Integer.parseInt(options.getOrDefault("cases", String.valueOf(PopulationPlanner.DEFAULT_CASES)));
        long seed = Long.parseLong(options.getOrDefault("seed", String.valueOf(PopulationPlanner.DEFAULT_SEED)));
        int threads = Integer.parseInt(options.getOrDefault("threads", String.valueOf(Loader.DEFAULT_THREADS)));
        if (cases < 1 || cases > 100_000) {
            throw new IllegalArgumentException("--cases must be 1 to 100000");
        }
        if (threads < 1 || threads > 64) {
            throw new IllegalArgumentException("--threads must be 1 to 64");
        }
        long started = System.nanoTime();
        Loader.Result result = new Loader(
                        new Gateway(gatewayUrl, keycloakUrl, options.getOrDefault("password", "demo")),
                        System.out,
                        threads)
                .load(seed, cases);
        System.out.printf(
                "Demo data loaded in %d s:%n%s", (System.nanoTime() - started) / 1_000_000_000L, result.counts());
        if (!result.failures().isEmpty()) {
            System.out.println("  " + result.failures().size() + " step(s) failed (see above)");
        }
        return result;
    }

    static Map<String, String> options(String... args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("options are --name=value, not " + arg);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        return options;
    }
}
