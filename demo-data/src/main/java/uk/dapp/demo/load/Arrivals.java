package uk.dapp.demo.load;

import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.web.client.RestClientResponseException;

/** Effects that arrive through another service's outbox are polled for, not expected at once. */
final class Arrivals {

    private static final Duration DELIVERY = Duration.ofSeconds(120);

    private Arrivals() {}

    /** Polls for an effect that arrives through an outbox (a 404 or nothing yet means: not yet). */
    static <T> T until(String what, Supplier<T> read) {
        long deadline = System.nanoTime() + DELIVERY.toNanos();
        RuntimeException last = null;
        while (System.nanoTime() < deadline) {
            try {
                T value = read.get();
                if (value != null) {
                    return value;
                }
            } catch (RestClientResponseException e) {
                if (e.getStatusCode().value() != 404) {
                    throw e;
                }
                last = e;
            }
            Gateway.sleep(Duration.ofMillis(500));
        }
        throw new IllegalStateException("not within " + DELIVERY.toSeconds() + " s: " + what, last);
    }
}
