package uk.dapp.riskmatrix.onward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.dapp.platform.problem.RuleViolationException;
import uk.dapp.platform.status.IllegalTransitionException;
import uk.dapp.platform.status.StatusMachine.Actor;
import uk.dapp.riskmatrix.values.OnwardReferral;
import uk.dapp.riskmatrix.values.OnwardReferralStatus;
import uk.dapp.riskmatrix.values.OnwardReferralType;

/** Herts' Engage options are tracked to their end: made, answered, then completed or withdrawn, with what came of it. */
class OnwardReferralMachineTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

    @Test
    void aReferralIsAcceptedOrDeclinedThenAnAcceptedOneIsCompletedEitherOpenOneMayBeWithdrawn() {
        var m = OnwardReferralMachine.MACHINE;
        assertThat(m.next(OnwardReferralStatus.MADE, OnwardReferralMachine.ACCEPT, Actor.PERSON))
                .isEqualTo(OnwardReferralStatus.ACCEPTED);
        assertThat(m.next(OnwardReferralStatus.MADE, OnwardReferralMachine.DECLINE, Actor.PERSON))
                .isEqualTo(OnwardReferralStatus.DECLINED);
        assertThat(m.next(OnwardReferralStatus.ACCEPTED, OnwardReferralMachine.COMPLETE, Actor.PERSON))
                .isEqualTo(OnwardReferralStatus.COMPLETED);
        assertThat(m.next(OnwardReferralStatus.MADE, OnwardReferralMachine.WITHDRAW, Actor.PERSON))
                .isEqualTo(OnwardReferralStatus.WITHDRAWN);
        assertThat(m.next(OnwardReferralStatus.ACCEPTED, OnwardReferralMachine.WITHDRAW, Actor.PERSON))
                .isEqualTo(OnwardReferralStatus.WITHDRAWN);
        assertThat(OnwardReferralMachine.allowedStatuses(OnwardReferralStatus.MADE))
                .containsExactlyInAnyOrder(
                        OnwardReferralStatus.ACCEPTED, OnwardReferralStatus.DECLINED, OnwardReferralStatus.WITHDRAWN);
    }

    @Test
    void aReferralNotAcceptedCannotBeCompletedAndAFinalOneMovesNoMore() {
        var m = OnwardReferralMachine.MACHINE;
        assertThatThrownBy(() -> m.next(OnwardReferralStatus.MADE, OnwardReferralMachine.COMPLETE, Actor.PERSON))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("accept");
        for (OnwardReferralStatus done : List.of(
                OnwardReferralStatus.DECLINED, OnwardReferralStatus.COMPLETED, OnwardReferralStatus.WITHDRAWN)) {
            assertThat(OnwardReferralMachine.allowedStatuses(done)).isEmpty();
            assertThat(done.open()).isFalse();
        }
        assertThatThrownBy(() -> OnwardReferralMachine.moveTo(OnwardReferralStatus.MADE))
                .isInstanceOf(RuleViolationException.class);
    }

    @Test
    void aFinalStatusSaysWhatCameOfIt() {
        OnwardReferral made = made(TODAY.plusDays(7));
        for (OnwardReferralStatus done : List.of(
                OnwardReferralStatus.DECLINED, OnwardReferralStatus.COMPLETED, OnwardReferralStatus.WITHDRAWN)) {
            assertThatThrownBy(() -> OnwardReferralMachine.checkMove(made, done, " ", null, TODAY))
                    .isInstanceOf(RuleViolationException.class)
                    .satisfies(e -> assertThat(((RuleViolationException) e)
                                    .violations()
                                    .getFirst()
                                    .rule())
                            .isEqualTo("OutcomeRequired"));
        }
        assertThat(OnwardReferralMachine.checkMove(made, OnwardReferralStatus.ACCEPTED, null, null, TODAY))
                .as("accepting needs no outcome and keeps the follow-up")
                .isEqualTo(TODAY.plusDays(7));
        assertThat(OnwardReferralMachine.checkMove(
                        made, OnwardReferralStatus.ACCEPTED, null, TODAY.plusDays(30), TODAY))
                .isEqualTo(TODAY.plusDays(30));
        assertThatThrownBy(() -> OnwardReferralMachine.checkMove(
                        made, OnwardReferralStatus.ACCEPTED, null, TODAY.minusDays(1), TODAY))
                .isInstanceOf(RuleViolationException.class);
    }

    @Test
    void aReferralIsMadeTodayOrBeforeAndFollowedUpNoEarlierThanItWasMade() {
        OnwardReferralMachine.checkNew(TODAY, TODAY, TODAY);
        assertThatThrownBy(() -> OnwardReferralMachine.checkNew(TODAY.plusDays(1), TODAY.plusDays(2), TODAY))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("today or before");
        assertThatThrownBy(() -> OnwardReferralMachine.checkNew(TODAY.minusDays(3), TODAY.minusDays(4), TODAY))
                .isInstanceOf(RuleViolationException.class);
    }

    @Test
    void anOpenReferralIsDueForFollowUpOnItsDateAndOverdueAfterIt() {
        assertThat(made(TODAY).followUpDue(TODAY)).isTrue();
        assertThat(made(TODAY).overdue(TODAY)).isFalse();
        assertThat(made(TODAY.minusDays(1)).overdue(TODAY)).isTrue();
        assertThat(made(TODAY.plusDays(1)).followUpDue(TODAY)).isFalse();
    }

    private static OnwardReferral made(LocalDate followUp) {
        return new OnwardReferral(
                "r1",
                OnwardReferralType.HOUSING,
                null,
                OnwardReferralStatus.MADE,
                TODAY.minusDays(10),
                "om",
                followUp,
                null,
                null,
                List.of());
    }
}
