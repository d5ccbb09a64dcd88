package uk.dapp.programme.alert;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * {@code dapp.programme.alerts.overdue}: risk alerts still unreviewed past their 24-hour deadline
 * ({@link AlertDeadline}), across every team, counted at each scrape. A number only: the service
 * manager's overdue list is where the alerts themselves are seen (and audited).
 */
@Component
class OverdueAlertMetrics implements MeterBinder {

    private final MongoTemplate mongo;
    private final Clock clock;

    OverdueAlertMetrics(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("dapp.programme.alerts.overdue", this, OverdueAlertMetrics::overdue)
                .description("risk alerts unreviewed past their 24-hour deadline")
                .register(registry);
    }

    double overdue() {
        return mongo.count(
                Query.query(
                        Criteria.where("reviewedAt").is(null).and("reviewDueBy").lt(clock.instant())),
                Alert.class);
    }
}
