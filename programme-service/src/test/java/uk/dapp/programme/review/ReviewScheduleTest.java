package uk.dapp.programme.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReviewScheduleTest {

    @Test
    void aReviewIsDueACalendarMonthLater() {
        assertThat(ReviewSchedule.nextDue(Instant.parse("2026-01-31T10:00:00Z")))
                .isEqualTo(Instant.parse("2026-02-28T10:00:00Z"));
        assertThat(ReviewSchedule.nextDue(Instant.parse("2026-11-23T10:00:00Z")))
                .isEqualTo(Instant.parse("2026-12-23T10:00:00Z"));
    }

    @Test
    void overdueOnlyOnceTheDueMomentHasPassed() {
        Instant due = Instant.parse("2026-12-23T10:00:00Z");
        assertThat(ReviewSchedule.isOverdue(due, due)).isFalse();
        assertThat(ReviewSchedule.isOverdue(due, due.plusNanos(1))).isTrue();
        assertThat(ReviewSchedule.isOverdue(null, due)).isFalse();
    }
}
