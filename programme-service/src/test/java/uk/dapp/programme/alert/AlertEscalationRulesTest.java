package uk.dapp.programme.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.dapp.platform.problem.ConflictException;
import uk.dapp.platform.problem.RuleViolationException;

class AlertEscalationRulesTest {

    private static final Instant RAISED = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void aReasonIsRequiredToEscalateByHand() {
        for (String none : new String[] {null, "", "   \n\t "}) {
            assertThatThrownBy(() -> AlertEscalationRules.reason(none))
                    .isInstanceOf(RuleViolationException.class)
                    .hasMessageContaining("say why");
        }
    }

    @Test
    void theReasonIsKeptTrimmedAndBounded() {
        assertThat(AlertEscalationRules.reason("  threatened to go to her new address  "))
                .isEqualTo("threatened to go to her new address");
        assertThat(AlertEscalationRules.reason("x".repeat(AlertEscalationRules.REASON_MAX_LENGTH)))
                .hasSize(AlertEscalationRules.REASON_MAX_LENGTH);
        assertThatThrownBy(() -> AlertEscalationRules.reason("x".repeat(AlertEscalationRules.REASON_MAX_LENGTH + 1)))
                .isInstanceOf(RuleViolationException.class);
    }

    @Test
    void anOpenAlertNotYetEscalatedEscalates() {
        assertThat(AlertEscalationRules.byHand(alert(null, null, null)))
                .isEqualTo(AlertEscalationRules.Outcome.ESCALATE);
    }

    @Test
    void anAlertAlreadyReviewedCannotBeEscalated() {
        assertThatThrownBy(() -> AlertEscalationRules.byHand(alert(RAISED.plusSeconds(60), null, null)))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("already reviewed");
        assertThatThrownBy(() -> AlertEscalationRules.byHand(alert(
                        RAISED.plusSeconds(90_000), RAISED.plusSeconds(86_460), AlertEscalation.reviewClockRanOut())))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void escalatingAnEscalatedAlertAgainChangesNothing() {
        assertThat(AlertEscalationRules.byHand(alert(
                        null,
                        RAISED.plusSeconds(600),
                        AlertEscalation.byHand("demo-facilitator", "threats in session"))))
                .isEqualTo(AlertEscalationRules.Outcome.ALREADY_ESCALATED);
        assertThat(AlertEscalationRules.byHand(
                        alert(null, RAISED.plusSeconds(86_460), AlertEscalation.reviewClockRanOut())))
                .as("escalated by the clock")
                .isEqualTo(AlertEscalationRules.Outcome.ALREADY_ESCALATED);
    }

    @Test
    void anAlertEscalatedBeforeTheWayWasRecordedEscalatedByTheClock() {
        assertThat(alert(null, RAISED.plusSeconds(86_460), null)
                        .escalationOrClock()
                        .way())
                .isEqualTo(AlertEscalation.Way.REVIEW_CLOCK_RAN_OUT);
        assertThat(alert(null, null, null).escalationOrClock())
                .as("not escalated")
                .isNull();
    }

    private static Alert alert(Instant reviewedAt, Instant escalatedAt, AlertEscalation how) {
        return new Alert(
                UUID.randomUUID().toString(),
                UUID.randomUUID().toString(),
                "7KQM4X-ZP9RTD-2HBWJG",
                AlertSource.FACILITATOR_CONCERN,
                "a concern",
                null,
                "facilitator-1",
                RAISED,
                AlertDeadline.dueBy(RAISED),
                reviewedAt == null ? null : "actions",
                reviewedAt == null ? null : "sm-1",
                reviewedAt,
                escalatedAt,
                how,
                List.of(),
                0,
                null);
    }
}
