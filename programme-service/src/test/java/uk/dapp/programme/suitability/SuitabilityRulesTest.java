package uk.dapp.programme.suitability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import uk.dapp.platform.risk.RiskLevel;
import uk.dapp.programme.catalogue.ProgrammeType;
import uk.dapp.programme.suitability.Scores.Concern;

class SuitabilityRulesTest {

    private static Scores scores(
            int motivation, int accountability, int awareness, Concern mental, Concern substance, boolean group) {
        return new Scores(motivation, accountability, awareness, mental, substance, RiskLevel.HIGH, group);
    }

    private static final Scores GOOD = scores(4, 3, 3, Concern.NO_CONCERN, Concern.MANAGED, true);

    @Test
    void enoughOnEveryScaleAndNoUnmanagedNeedIsSuitable() {
        SuitabilityRules.Decision d = SuitabilityRules.decide(GOOD, ProgrammeType.GROUP, 0, 3);
        assertThat(d.outcome()).isEqualTo(SuitabilityOutcome.SUITABLE);
        assertThat(d.reason()).isNull();
        assertThat(d.onwardRoute()).isNull();
    }

    @Test
    void unmanagedNeedsGoToASpecialistServiceFirst() {
        assertThat(SuitabilityRules.decide(
                        scores(5, 5, 5, Concern.UNMANAGED, Concern.NO_CONCERN, true), ProgrammeType.GROUP, 0, 3))
                .isEqualTo(new SuitabilityRules.Decision(
                        SuitabilityOutcome.NOT_SUITABLE, "UNMANAGED_MENTAL_HEALTH", OnwardRoute.SPECIALIST_SERVICE));
        assertThat(SuitabilityRules.decide(
                                scores(5, 5, 5, Concern.MANAGED, Concern.UNMANAGED, true),
                                ProgrammeType.ONE_TO_ONE,
                                0,
                                3)
                        .reason())
                .isEqualTo("UNMANAGED_SUBSTANCE_MISUSE");
    }

    @Test
    void someoneUnsuitedToGroupWorkGoesToOneToOneWorkButOnlyFromAGroupProgramme() {
        Scores noGroup = scores(4, 4, 4, Concern.NO_CONCERN, Concern.NO_CONCERN, false);
        assertThat(SuitabilityRules.decide(noGroup, ProgrammeType.GROUP, 0, 3))
                .isEqualTo(new SuitabilityRules.Decision(
                        SuitabilityOutcome.NOT_SUITABLE, "NOT_SUITED_TO_GROUP_WORK", OnwardRoute.ONE_TO_ONE_WORK));
        assertThat(SuitabilityRules.decide(noGroup, ProgrammeType.ONE_TO_ONE, 0, 3)
                        .outcome())
                .isEqualTo(SuitabilityOutcome.SUITABLE);
    }

    @Test
    void lowScoresNeedMotivationalWorkWhileTheCapAllowsThenAreNotSuitable() {
        Scores low = scores(2, 3, 2, Concern.NO_CONCERN, Concern.NO_CONCERN, true);
        assertThat(SuitabilityRules.decide(low, ProgrammeType.GROUP, 0, 3))
                .isEqualTo(new SuitabilityRules.Decision(
                        SuitabilityOutcome.NEEDS_MOTIVATIONAL_WORK, "LOW_MOTIVATION_AND_AWARENESS", null));
        assertThat(SuitabilityRules.decide(low, ProgrammeType.GROUP, 2, 3).outcome())
                .isEqualTo(SuitabilityOutcome.NEEDS_MOTIVATIONAL_WORK);
        assertThat(SuitabilityRules.decide(low, ProgrammeType.GROUP, 3, 3))
                .isEqualTo(new SuitabilityRules.Decision(
                        SuitabilityOutcome.NOT_SUITABLE,
                        "LOW_MOTIVATION_AND_AWARENESS_AFTER_MI_CAP",
                        OnwardRoute.RISK_MATRIX_DISRUPTION));
        assertThat(SuitabilityRules.decide(low, ProgrammeType.GROUP, 0, 0).outcome())
                .isEqualTo(SuitabilityOutcome.NOT_SUITABLE);
    }

    @Test
    void theThresholdOfEachScaleIsThree() {
        assertThat(SuitabilityRules.decide(
                                scores(3, 3, 3, Concern.NO_CONCERN, Concern.NO_CONCERN, true),
                                ProgrammeType.GROUP,
                                0,
                                3)
                        .outcome())
                .isEqualTo(SuitabilityOutcome.SUITABLE);
        assertThat(SuitabilityRules.decide(
                                scores(3, 2, 3, Concern.NO_CONCERN, Concern.NO_CONCERN, true),
                                ProgrammeType.GROUP,
                                0,
                                3)
                        .reason())
                .isEqualTo("LOW_ACCOUNTABILITY");
    }

    @Test
    void theMiCapAllowsExactlyCapSessions() {
        assertThat(SuitabilityRules.allowsAnotherMiSession(0, 3)).isTrue();
        assertThat(SuitabilityRules.allowsAnotherMiSession(2, 3)).isTrue();
        assertThat(SuitabilityRules.allowsAnotherMiSession(3, 3)).isFalse();
        assertThat(SuitabilityRules.allowsAnotherMiSession(0, 0)).isFalse();
    }

    @Test
    void scalesRunFromOneToFive() {
        assertThatThrownBy(() -> scores(0, 3, 3, Concern.NO_CONCERN, Concern.NO_CONCERN, true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> scores(3, 6, 3, Concern.NO_CONCERN, Concern.NO_CONCERN, true))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
