package uk.dapp.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code dapp.outbox.messages{outcome}} counters of this relay's delivery attempts (what the
 * collection holds is {@link OutboxBacklogMetrics}).
 */
final class OutboxMetrics {

    private final Counter delivered;
    private final Counter failed;
    private final Counter withheld;
    private final Counter rejected;

    OutboxMetrics(MeterRegistry meters) {
        this.delivered = counter(meters, "delivered");
        this.failed = counter(meters, "failed");
        this.withheld = counter(meters, "withheld");
        this.rejected = counter(meters, "rejected");
    }

    private static Counter counter(MeterRegistry meters, String outcome) {
        return Counter.builder("dapp.outbox.messages")
                .tag("outcome", outcome)
                .description("outbox delivery attempts by outcome")
                .register(meters);
    }

    void counted(int delivered, int failed, int withheld, int rejected) {
        this.delivered.increment(delivered);
        this.failed.increment(failed);
        this.withheld.increment(withheld);
        this.rejected.increment(rejected);
    }
}
