package uk.dapp.programme.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AlertDeadlineTest {

    private static final Instant RAISED = Instant.parse("2026-11-23T09:15:00Z");
    private static final Instant DUE = RAISED.plus(Duration.ofHours(24));

    @Test
    void theDeadlineIsTwentyFourHoursAfterRaising() {
        assertThat(AlertDeadline.dueBy(RAISED)).isEqualTo(Instant.parse("2026-11-24T09:15:00Z"));
    }

    @Test
    void anOpenAlertIsInTimeAtExactlyTwentyFourHoursAndOverdueOneNanosecondLater() {
        assertThat(AlertDeadline.isOverdue(DUE, null, DUE.minusNanos(1))).isFalse();
        assertThat(AlertDeadline.isOverdue(DUE, null, DUE)).isFalse();
        assertThat(AlertDeadline.isOverdue(DUE, null, DUE.plusNanos(1))).isTrue();
    }

    @Test
    void aReviewedAlertIsJudgedByWhenItWasReviewed() {
        Instant muchLater = DUE.plus(Duration.ofDays(30));
        assertThat(AlertDeadline.isOverdue(DUE, DUE, muchLater)).isFalse();
        assertThat(AlertDeadline.isOverdue(DUE, DUE.plusNanos(1), muchLater)).isTrue();
    }
}
