package uk.dapp.programme.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NonCompliancePolicyTest {

    @Test
    void theThresholdOpensAReviewExactlyWhenReached() {
        assertThat(NonCompliancePolicy.opensReview(2, 3, 0)).isFalse();
        assertThat(NonCompliancePolicy.opensReview(3, 3, 0)).isTrue();
    }

    @Test
    void afterAReviewTheNextOneOpensAtTheNextMultiple() {
        assertThat(NonCompliancePolicy.opensReview(3, 3, 1)).isFalse();
        assertThat(NonCompliancePolicy.opensReview(5, 3, 1)).isFalse();
        assertThat(NonCompliancePolicy.opensReview(6, 3, 1)).isTrue();
    }

    @Test
    void onlyAttendingCountsTowardsTheRequiredSessions() {
        assertThat(AttendanceOutcome.ATTENDED_COMPLIED.attended()).isTrue();
        assertThat(AttendanceOutcome.ATTENDED_FAILED_TO_COMPLY.attended()).isTrue();
        assertThat(AttendanceOutcome.ACCEPTABLE_ABSENCE.attended()).isFalse();
        assertThat(AttendanceOutcome.UNACCEPTABLE_ABSENCE.attended()).isFalse();
    }

    @Test
    void attendedButFailedToComplyCountsTowardNonCompliance_notOnlyTowardCompletion() {
        assertThat(AttendanceOutcome.ATTENDED_FAILED_TO_COMPLY.nonCompliant()).isTrue();
        assertThat(AttendanceOutcome.ATTENDED_FAILED_TO_COMPLY.attended()).isTrue();
        assertThat(AttendanceOutcome.UNACCEPTABLE_ABSENCE.nonCompliant()).isTrue();
        assertThat(AttendanceOutcome.ATTENDED_COMPLIED.nonCompliant()).isFalse();
        assertThat(AttendanceOutcome.ACCEPTABLE_ABSENCE.nonCompliant()).isFalse();
    }
}
