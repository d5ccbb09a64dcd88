package uk.dapp.programme.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import uk.dapp.programme.MovableClock;
import uk.dapp.programme.ProgrammeServiceTest;

/** The overdue gauge counts unreviewed alerts past their deadline, whoever's they are, and only those. */
@ProgrammeServiceTest
class OverdueAlertMetricsTest {

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MeterRegistry meters;

    @Autowired
    MovableClock clock;

    @Test
    void countsUnreviewedAlertsPastTheirTwentyFourHours() {
        double before = overdue();
        Instant now = clock.instant();
        mongo.insert(alert(now.minus(Duration.ofHours(25)), null)); // overdue
        mongo.insert(alert(now.minus(Duration.ofHours(30)), null)); // overdue
        mongo.insert(alert(now.minus(Duration.ofHours(23)), null)); // still in time
        mongo.insert(alert(now.minus(Duration.ofHours(40)), now.minusSeconds(60))); // reviewed (late)
        assertThat(overdue()).isEqualTo(before + 2);
    }

    private double overdue() {
        return meters.get("dapp.programme.alerts.overdue").gauge().value();
    }

    private static Alert alert(Instant raisedAt, Instant reviewedAt) {
        return new Alert(
                UUID.randomUUID().toString(),
                UUID.randomUUID().toString(),
                "7KQM4X-ZP9RTD-2HBWJG",
                AlertSource.FACILITATOR_CONCERN,
                "a concern",
                null,
                "facilitator-1",
                raisedAt,
                AlertDeadline.dueBy(raisedAt),
                reviewedAt == null ? null : "actions",
                reviewedAt == null ? null : "sm-1",
                reviewedAt,
                null,
                null,
                java.util.List.of(),
                0,
                null);
    }
}
