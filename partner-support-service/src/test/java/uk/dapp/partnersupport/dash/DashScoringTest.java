package uk.dapp.partnersupport.dash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.dapp.platform.problem.RuleViolationException;
import uk.dapp.platform.risk.RiskLevel;

public class DashScoringTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    public static List<DashAnswer> yes(int count) {
        List<DashAnswer> answers = new ArrayList<>(Collections.nCopies(24, DashAnswer.NO));
        for (int i = 0; i < count; i++) {
            answers.set(i, DashAnswer.YES);
        }
        return answers;
    }

    private static DashScore score(int yes) {
        return DashScoring.score(yes(yes), null, 0, TODAY, null);
    }

    @ParameterizedTest
    @CsvSource({"0,STANDARD", "1,STANDARD", "9,STANDARD", "10,MEDIUM", "13,MEDIUM", "14,HIGH", "24,HIGH"})
    void levelAtEveryEdge(int yes, RiskLevel level) {
        DashScore score = score(yes);
        assertThat(score.yesCount()).isEqualTo(yes);
        assertThat(score.checklistLevel()).isEqualTo(level);
        assertThat(score.riskLevel()).isEqualTo(level);
    }

    @Test
    void notKnownIsNotYes() {
        List<DashAnswer> answers = new ArrayList<>(Collections.nCopies(24, DashAnswer.NOT_KNOWN));
        answers.set(0, DashAnswer.YES);
        assertThat(DashScoring.score(answers, null, 0, TODAY, null).yesCount()).isEqualTo(1);
    }

    @Test
    void zeroYesIsStandardWithNoMarac() {
        DashScore score = score(0);
        assertThat(score.riskLevel()).isEqualTo(RiskLevel.STANDARD);
        assertThat(score.maracRecommended()).isFalse();
    }

    @Test
    void judgementRaisesTheLevelWithAReason() {
        DashScore score = DashScoring.score(
                yes(5), new ProfessionalJudgement(RiskLevel.MEDIUM, "escalating pattern"), 0, TODAY, null);
        assertThat(score.checklistLevel()).isEqualTo(RiskLevel.STANDARD);
        assertThat(score.riskLevel()).isEqualTo(RiskLevel.MEDIUM);
        assertThat(score.maracCriteria()).isEmpty();
    }

    @Test
    void judgementNeverLowers() {
        assertThatThrownBy(() -> DashScoring.score(
                        yes(14), new ProfessionalJudgement(RiskLevel.MEDIUM, "seems calmer"), 0, TODAY, null))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    assertThat(e.violations().getFirst().field()).isEqualTo("professionalJudgement.level");
                    assertThat(e.violations().getFirst().rule()).isEqualTo("NeverLower");
                });
        assertThatThrownBy(() ->
                        DashScoring.score(yes(10), new ProfessionalJudgement(RiskLevel.STANDARD, "x"), 0, TODAY, null))
                .isInstanceOf(RuleViolationException.class);
    }

    @Test
    void judgementAtTheSameLevelChangesNothing() {
        DashScore score =
                DashScoring.score(yes(10), new ProfessionalJudgement(RiskLevel.MEDIUM, "agree"), 0, TODAY, null);
        assertThat(score.riskLevel()).isEqualTo(RiskLevel.MEDIUM);
    }

    @Test
    void judgementNeedsAReason() {
        assertThatThrownBy(
                        () -> DashScoring.score(yes(1), new ProfessionalJudgement(RiskLevel.HIGH, " "), 0, TODAY, null))
                .isInstanceOfSatisfying(
                        RuleViolationException.class,
                        e -> assertThat(e.violations().getFirst().field()).isEqualTo("professionalJudgement.reason"));
    }

    @Test
    void maracOnVisibleHighRiskOnly() {
        assertThat(score(14).maracCriteria()).containsExactly(MaracCriterion.VISIBLE_HIGH_RISK);
        assertThat(score(13).maracRecommended()).isFalse();
    }

    @Test
    void maracOnProfessionalJudgementOfHigh() {
        DashScore score = DashScoring.score(
                yes(8), new ProfessionalJudgement(RiskLevel.HIGH, "threats to the children"), 0, TODAY, null);
        assertThat(score.riskLevel()).isEqualTo(RiskLevel.HIGH);
        assertThat(score.maracCriteria()).containsExactly(MaracCriterion.PROFESSIONAL_JUDGEMENT);
        assertThat(DashScoring.score(yes(8), new ProfessionalJudgement(RiskLevel.MEDIUM, "r"), 0, TODAY, null)
                        .maracRecommended())
                .isFalse();
    }

    @Test
    void maracOnPotentialEscalationFromThreeIncidents() {
        assertThat(DashScoring.score(yes(2), null, 3, TODAY, null).maracCriteria())
                .containsExactly(MaracCriterion.POTENTIAL_ESCALATION);
        assertThat(DashScoring.score(yes(2), null, 2, TODAY, null).maracRecommended())
                .isFalse();
    }

    @Test
    void maracOnARepeatWithinTwelveMonthsOfAPreviousReferral() {
        assertThat(DashScoring.score(yes(2), null, 0, TODAY, TODAY.minusMonths(12))
                        .maracCriteria())
                .containsExactly(MaracCriterion.REPEAT_REFERRAL);
        assertThat(DashScoring.score(yes(2), null, 0, TODAY, TODAY).maracCriteria())
                .containsExactly(MaracCriterion.REPEAT_REFERRAL);
        assertThat(DashScoring.score(
                                yes(2), null, 0, TODAY, TODAY.minusMonths(12).minusDays(1))
                        .maracRecommended())
                .isFalse();
    }

    @Test
    void criteriaCombine() {
        DashScore score = DashScoring.score(yes(20), null, 5, TODAY, TODAY.minusMonths(2));
        assertThat(score.maracCriteria())
                .containsExactlyInAnyOrder(
                        MaracCriterion.VISIBLE_HIGH_RISK,
                        MaracCriterion.POTENTIAL_ESCALATION,
                        MaracCriterion.REPEAT_REFERRAL);
    }

    @Test
    void refusesAnIncompleteChecklistOrAReferralAfterIt() {
        assertThatThrownBy(() -> DashScoring.score(yes(0).subList(0, 23), null, 0, TODAY, null))
                .isInstanceOfSatisfying(
                        RuleViolationException.class,
                        e -> assertThat(e.violations().getFirst().field()).isEqualTo("answers"));
        assertThatThrownBy(() -> DashScoring.score(yes(0), null, 0, TODAY, TODAY.plusDays(1)))
                .isInstanceOfSatisfying(
                        RuleViolationException.class,
                        e -> assertThat(e.violations().getFirst().field()).isEqualTo("previousMaracReferralOn"));
    }

    @Test
    void thereAreTwentyFourQuestionsInOrder() {
        assertThat(DashQuestion.values()).hasSize(DashQuestion.COUNT);
        assertThat(DashQuestion.values()[0].number()).isEqualTo(1);
        assertThat(DashQuestion.values()[23].number()).isEqualTo(24);
    }
}
