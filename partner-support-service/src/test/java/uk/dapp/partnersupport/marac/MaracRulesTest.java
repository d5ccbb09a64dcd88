package uk.dapp.partnersupport.marac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.dapp.partnersupport.dash.MaracCriterion;
import uk.dapp.platform.problem.RuleViolationException;
import uk.dapp.platform.risk.RiskLevel;

/** SafeLives' MARAC referral criteria and the Essex 14-day standard, stated as the practice states them. */
class MaracRulesTest {

    private static final LocalDate REFERRED = LocalDate.of(2026, 3, 10);

    private static MaracBasis basis(RiskLevel checklist, RiskLevel level, int incidents, LocalDate previous) {
        return new MaracBasis(
                checklist == null ? null : "a",
                checklist == null ? null : 1,
                REFERRED,
                checklist == null ? null : checklist == RiskLevel.HIGH ? 15 : 5,
                checklist,
                level,
                incidents,
                previous,
                previous == null ? null : MaracBasis.PreviousMaracSource.MARAC_REFERRAL);
    }

    @Test
    void visibleHighRiskIsFourteenOrMoreTicksOnTheLatestDashChecklist() {
        assertThat(MaracRules.criteriaMet(basis(RiskLevel.HIGH, RiskLevel.HIGH, 0, null), REFERRED, null))
                .containsExactly(MaracCriterion.VISIBLE_HIGH_RISK);
        assertThat(MaracRules.criteriaMet(basis(RiskLevel.MEDIUM, RiskLevel.MEDIUM, 0, null), REFERRED, null))
                .isEmpty();
    }

    @Test
    void professionalJudgementIsTheChecklistRaisedToHighOrAReferralOnJudgementWithItsReason() {
        assertThat(MaracRules.criteriaMet(basis(RiskLevel.MEDIUM, RiskLevel.HIGH, 0, null), REFERRED, null))
                .containsExactly(MaracCriterion.PROFESSIONAL_JUDGEMENT);
        assertThat(MaracRules.criteriaMet(basis(null, null, 0, null), REFERRED, "threats to find her"))
                .containsExactly(MaracCriterion.PROFESSIONAL_JUDGEMENT);
        assertThatThrownBy(() -> MaracRules.checkReferral(basis(null, null, 0, null), REFERRED, null, " ", REFERRED))
                .isInstanceOfSatisfying(
                        RuleViolationException.class,
                        e -> assertThat(e.violations().getFirst().field()).isEqualTo("professionalJudgementReason"));
    }

    @Test
    void potentialEscalationIsThreeOrMoreIncidentsInTheTwelveMonthsBeforeTheReferral() {
        assertThat(MaracRules.criteriaMet(basis(RiskLevel.STANDARD, RiskLevel.STANDARD, 3, null), REFERRED, null))
                .containsExactly(MaracCriterion.POTENTIAL_ESCALATION);
        assertThat(MaracRules.criteriaMet(basis(RiskLevel.STANDARD, RiskLevel.STANDARD, 2, null), REFERRED, null))
                .isEmpty();
        // the window: after the same day a year before, up to the referral day
        assertThat(MaracRules.incidentWindowStart(REFERRED)).isEqualTo(LocalDate.of(2025, 3, 10));
    }

    @Test
    void aRepeatIsAReferralWithinTwelveMonthsOfThePreviousMaracReferral() {
        assertThat(MaracRules.criteriaMet(basis(null, null, 0, REFERRED.minusMonths(12)), REFERRED, null))
                .containsExactly(MaracCriterion.REPEAT_REFERRAL);
        assertThat(MaracRules.criteriaMet(
                        basis(null, null, 0, REFERRED.minusMonths(12).minusDays(1)), REFERRED, null))
                .isEmpty();
    }

    @Test
    void aReferralMeetingNoCriterionIsRefusedSayingWhatTheRecordsShow() {
        assertThatThrownBy(() -> MaracRules.checkReferral(
                        basis(RiskLevel.MEDIUM, RiskLevel.MEDIUM, 2, null), REFERRED, null, null, REFERRED))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    assertThat(e.violations().getFirst().field()).isEqualTo("criteria");
                    assertThat(e.violations().getFirst().rule()).isEqualTo("MaracCriteria");
                    assertThat(e.violations().getFirst().message()).contains("MEDIUM (5 yes)", "2 incidents");
                });
        assertThatThrownBy(() -> MaracRules.checkReferral(
                        basis(RiskLevel.HIGH, RiskLevel.HIGH, 0, null), REFERRED.plusDays(1), null, null, REFERRED))
                .isInstanceOfSatisfying(
                        RuleViolationException.class,
                        e -> assertThat(e.violations().getFirst().rule()).isEqualTo("NotFuture"));
    }

    @Test
    void theMaracHearsTheCaseWithinFourteenDaysOfTheReferralOrTheReferralIsOverdue() {
        assertThat(MaracRules.meetingDueBy(REFERRED)).isEqualTo(LocalDate.of(2026, 3, 24));
        assertThat(MaracRules.meetingWithinStandard(REFERRED, LocalDate.of(2026, 3, 24)))
                .isTrue();
        assertThat(MaracRules.meetingWithinStandard(REFERRED, LocalDate.of(2026, 3, 25)))
                .isFalse();
        assertThat(MaracRules.meetingWithinStandard(REFERRED, null)).isNull();
        assertThat(MaracRules.overdue(REFERRED, null, LocalDate.of(2026, 3, 24)))
                .isFalse();
        assertThat(MaracRules.overdue(REFERRED, null, LocalDate.of(2026, 3, 25)))
                .isTrue();
        assertThat(MaracRules.overdue(REFERRED, MaracOutcome.HEARD_ACTIONS_AGREED, LocalDate.of(2026, 4, 25)))
                .isFalse();
    }

    @Test
    void aCaseHeardHasItsMeetingDateAndAnActionPlanHasOwnersAndDueDates() {
        LocalDate today = LocalDate.of(2026, 3, 30);
        assertThatThrownBy(() -> MaracRules.checkUpdate(
                        REFERRED, null, List.of(), MaracOutcome.HEARD_ACTIONS_AGREED, null, today))
                .isInstanceOfSatisfying(
                        RuleViolationException.class,
                        e -> assertThat(e.violations())
                                .extracting(v -> v.field() + " " + v.rule())
                                .containsExactly("meetingOn RequiredForOutcome", "actions RequiredForOutcome"));
        assertThatThrownBy(() -> MaracRules.checkUpdate(
                        REFERRED,
                        LocalDate.of(2026, 3, 20),
                        List.of(new MaracAction("flag the address", " ", null, false)),
                        MaracOutcome.HEARD_ACTIONS_AGREED,
                        null,
                        today))
                .isInstanceOfSatisfying(
                        RuleViolationException.class,
                        e -> assertThat(e.violations())
                                .extracting(v -> v.field() + " " + v.rule())
                                .containsExactly("actions[0].owner NotBlank", "actions[0].dueOn NotNull"));
        assertThatThrownBy(() -> MaracRules.checkUpdate(
                        REFERRED,
                        LocalDate.of(2026, 4, 2),
                        List.of(),
                        MaracOutcome.HEARD_NO_FURTHER_ACTION,
                        null,
                        today))
                .isInstanceOfSatisfying(
                        RuleViolationException.class,
                        e -> assertThat(e.violations().getFirst().rule()).isEqualTo("NotFuture"));
        assertThat(MaracRules.checkUpdate(
                        REFERRED,
                        LocalDate.of(2026, 3, 20),
                        List.of(new MaracAction(" flag the address ", "Police", LocalDate.of(2026, 3, 21), false)),
                        MaracOutcome.HEARD_ACTIONS_AGREED,
                        null,
                        today))
                .containsExactly(new MaracAction("flag the address", "Police", LocalDate.of(2026, 3, 21), false));
    }
}
