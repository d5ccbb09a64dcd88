package uk.dapp.programme.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.dapp.platform.problem.FieldViolation;
import uk.dapp.platform.problem.RuleViolationException;
import uk.dapp.platform.risk.RiskLevel;

class EligibilityTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final Eligibility MEN =
            new Eligibility(Set.of(Sex.MALE), 18, Set.of(RiskLevel.MEDIUM, RiskLevel.HIGH));

    @Test
    void anEligiblePersonPasses() {
        assertThat(MEN.check(Sex.MALE, LocalDate.of(1990, 1, 1), RiskLevel.HIGH, TODAY))
                .isEmpty();
    }

    @Test
    void aSingleSexProgrammeNeedsTheSexAndRefusesTheOther() {
        assertThat(MEN.check(null, null, RiskLevel.HIGH, TODAY))
                .extracting(FieldViolation::rule)
                .containsExactly("RequiredByProgramme");
        assertThat(MEN.check(Sex.FEMALE, null, RiskLevel.HIGH, TODAY))
                .extracting(FieldViolation::field)
                .containsExactly("sex");
        Eligibility anyone = new Eligibility(Set.of(Sex.MALE, Sex.FEMALE), 18, Set.of(RiskLevel.HIGH));
        assertThat(anyone.check(null, null, RiskLevel.HIGH, TODAY)).isEmpty();
    }

    @Test
    void checkingOnlyTheGivenFactsLetsAnUnknownSexThroughButStillRefusesWhatIsGiven() {
        assertThat(MEN.checkGiven(null, null, RiskLevel.HIGH, TODAY)).isEmpty();
        assertThat(MEN.checkGiven(Sex.FEMALE, null, RiskLevel.HIGH, TODAY))
                .extracting(FieldViolation::rule)
                .containsExactly("Eligibility");
        assertThat(MEN.checkGiven(null, TODAY.minusYears(17), RiskLevel.HIGH, TODAY))
                .extracting(FieldViolation::rule)
                .containsExactly("MinimumAge");
        assertThat(MEN.checkGiven(null, null, RiskLevel.STANDARD, TODAY))
                .extracting(FieldViolation::field)
                .containsExactly("riskLevel");
    }

    @Test
    void eachPathwayHasAProgrammeByDefaultTheSeededOnesAndAMissingOneStopsStartUp() {
        PathwayProgrammes defaults = new PathwayProgrammes(new org.springframework.mock.env.MockEnvironment());
        assertThat(defaults.programmeFor(Pathway.CHANGE_PROGRAMME)).isEqualTo(CatalogueSeed.CHANGE.code());
        assertThat(defaults.programmeFor(Pathway.DRIVE)).isEqualTo(CatalogueSeed.DRIVE.code());
        PathwayProgrammes local = new PathwayProgrammes(new org.springframework.mock.env.MockEnvironment()
                .withProperty("dapp.programme.pathway-programmes.DRIVE", " LOCAL-DRIVE "));
        assertThat(local.programmeFor(Pathway.DRIVE)).isEqualTo("LOCAL-DRIVE");
        assertThat(local.programmeFor(Pathway.CHANGE_PROGRAMME)).isEqualTo(CatalogueSeed.CHANGE.code());
        assertThatThrownBy(() -> new PathwayProgrammes(new org.springframework.mock.env.MockEnvironment()
                        .withProperty("dapp.programme.pathway-programmes.CHANGE_PROGRAMME", " ")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CHANGE_PROGRAMME");
    }

    @Test
    void theMinimumAgeHoldsOnTheBirthday() {
        assertThat(MEN.check(Sex.MALE, TODAY.minusYears(18), RiskLevel.HIGH, TODAY))
                .isEmpty();
        assertThat(MEN.check(Sex.MALE, TODAY.minusYears(18).plusDays(1), RiskLevel.HIGH, TODAY))
                .extracting(FieldViolation::rule)
                .containsExactly("MinimumAge");
        assertThat(MEN.check(Sex.MALE, TODAY.plusDays(1), RiskLevel.HIGH, TODAY))
                .extracting(FieldViolation::rule)
                .containsExactly("Past");
    }

    @Test
    void aRiskLevelTheProgrammeDoesNotWorkWithIsRefused() {
        assertThat(MEN.check(Sex.MALE, null, RiskLevel.STANDARD, TODAY))
                .extracting(FieldViolation::field)
                .containsExactly("riskLevel");
    }

    @Test
    void aGroupProgrammeStatesItsCapacity() {
        Programme noCapacity =
                new Programme("X-GROUP", "x", ProgrammeType.GROUP, 10, 60, 22, MEN, null, 10, 3, 2, null);
        assertThatThrownBy(noCapacity::checked)
                .isInstanceOf(RuleViolationException.class)
                .satisfies(e -> assertThat(((RuleViolationException) e)
                                .violations()
                                .getFirst()
                                .field())
                        .isEqualTo("groupCapacity"));
        assertThat(CatalogueSeed.DRIVE.checked()).isNotNull();
    }

    @Test
    void theSeedHasADriveLikeAChangeLikeOfAtLeast22WeeksAndAWomensProgramme() {
        assertThat(CatalogueSeed.DRIVE.type()).isEqualTo(ProgrammeType.ONE_TO_ONE);
        assertThat(CatalogueSeed.DRIVE.durationWeeks()).isBetween(40, 48);
        assertThat(CatalogueSeed.CHANGE.type()).isEqualTo(ProgrammeType.GROUP);
        assertThat(CatalogueSeed.CHANGE.durationWeeks()).isGreaterThanOrEqualTo(22);
        assertThat(CatalogueSeed.WOMEN.eligibility().sexes()).containsExactly(Sex.FEMALE);
        for (Programme p : new Programme[] {CatalogueSeed.DRIVE, CatalogueSeed.CHANGE, CatalogueSeed.WOMEN}) {
            assertThat(p.checked()).isSameAs(p);
        }
    }
}
