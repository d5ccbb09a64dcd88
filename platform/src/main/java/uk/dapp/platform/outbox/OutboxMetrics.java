package uk.dapp.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** {@code dapp.outbox.messages{outcome}} counters and a {@code dapp.outbox.pending} gauge. */
final class OutboxMetrics {

    private final Counter delivered;
    private final Counter failed;
    private final Counter withheld;
    private final Counter rejected;

    OutboxMetrics(MeterRegistry meters, MongoTemplate mongo) {
        this.delivered = counter(meters, "delivered");
        this.failed = counter(meters, "failed");
        this.withheld = counter(meters, "withheld");
        this.rejected = counter(meters, "rejected");
        Gauge.builder("dapp.outbox.pending", mongo, m -> m.count(
                Query.query(Criteria.where("status").is(OutboxStatus.PENDING.name())), OutboxMessage.class))
                .description("messages waiting to be delivered").register(meters);
    }

    private static Counter counter(MeterRegistry meters, String outcome) {
        return Counter.builder("dapp.outbox.messages").tag("outcome", outcome)
                .description("outbox delivery attempts by outcome").register(meters);
    }

    void counted(int delivered, int failed, int withheld, int rejected) {
        this.delivered.increment(delivered);
        this.failed.increment(failed);
        this.withheld.increment(withheld);
        this.rejected.increment(rejected);
    }
}
