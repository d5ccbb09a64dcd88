package uk.dapp.platform.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * What the outbox collection holds, read at each scrape (so every replica reports the shared
 * outbox, whichever holds the relay's lease): {@code dapp.outbox.pending} messages,
 * {@code dapp.outbox.oldest.pending.age} of the oldest of them (0 when none), and
 * {@code dapp.outbox.rejected} messages a receiver refused, kept for someone to look at.
 * Counts and ages only: never a case ID or a payload.
 */
final class OutboxBacklogMetrics implements MeterBinder {

    private final MongoTemplate mongo;
    private final Clock clock;

    OutboxBacklogMetrics(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("dapp.outbox.pending", this, metrics -> metrics.count(OutboxStatus.PENDING))
                .description("messages waiting to be delivered")
                .register(registry);
        Gauge.builder("dapp.outbox.rejected", this, metrics -> metrics.count(OutboxStatus.REJECTED))
                .description("messages a receiver refused as malformed, kept as REJECTED")
                .register(registry);
        TimeGauge.builder("dapp.outbox.oldest.pending.age", this, TimeUnit.SECONDS, OutboxBacklogMetrics::oldestAge)
                .description("how long the oldest pending message has waited")
                .register(registry);
    }

    double count(OutboxStatus status) {
        return mongo.count(Query.query(Criteria.where("status").is(status.name())), OutboxMessage.class);
    }

    double oldestAge() {
        Query oldest = Query.query(Criteria.where("status").is(OutboxStatus.PENDING.name()))
                .with(Sort.by(Sort.Direction.ASC, "createdAt"))
                .limit(1);
        oldest.fields().include("createdAt");
        Document message = mongo.findOne(oldest, Document.class, OutboxMessage.COLLECTION);
        Date createdAt = message == null ? null : message.getDate("createdAt");
        if (createdAt == null) {
            return 0;
        }
        return Math.max(
                0, Duration.between(createdAt.toInstant(), clock.instant()).toMillis() / 1000.0);
    }
}
