package uk.dapp.riskmatrix.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.dapp.platform.risk.RiskLevel;
import uk.dapp.riskmatrix.values.Pathway;
import uk.dapp.riskmatrix.values.PathwayEligibility;
import uk.dapp.riskmatrix.values.Recommendation;
import uk.dapp.riskmatrix.values.Route;
import uk.dapp.riskmatrix.values.Sex;
import uk.dapp.riskmatrix.values.SuitabilityFacts;

class RoutingAdvisorTest {

    /** The shipped catalogue, as the programme tells it: Drive takes men and women at HIGH risk only. */
    static final Map<Pathway, PathwayEligibility> CATALOGUE = Map.of(
            Pathway.DRIVE,
                    new PathwayEligibility(
                            "DRIVE-1TO1", "Drive", Set.of(Sex.MALE, Sex.FEMALE), 18, Set.of(RiskLevel.HIGH)),
            Pathway.CHANGE_PROGRAMME,
                    new PathwayEligibility(
                            "CHANGE-GROUP",
                            "Change",
                            Set.of(Sex.MALE),
                            18,
                            Set.of(RiskLevel.STANDARD, RiskLevel.MEDIUM, RiskLevel.HIGH)),
            Pathway.WOMENS_GROUP,
                    new PathwayEligibility(
                            "WOMEN-GROUP",
                            "Women's group",
                            Set.of(Sex.FEMALE),
                            18,
                            Set.of(RiskLevel.STANDARD, RiskLevel.MEDIUM)));

    private static final RoutingAdvisor.Person MAN_AT_HIGH = new RoutingAdvisor.Person(Sex.MALE, 35, RiskLevel.HIGH);
    private static final RoutingAdvisor.Person MAN_AT_MEDIUM =
            new RoutingAdvisor.Person(Sex.MALE, 35, RiskLevel.MEDIUM);
    private static final RoutingAdvisor.Person WOMAN_AT_MEDIUM =
            new RoutingAdvisor.Person(Sex.FEMALE, 35, RiskLevel.MEDIUM);

    private static SuitabilityFacts facts(boolean willing) {
        return new SuitabilityFacts(willing, false, false, false, false, false, false, null);
    }

    private static Recommendation advise(boolean serial, int harm, RoutingAdvisor.Person person) {
        return RoutingAdvisor.recommend(facts(true), serial, harm, person, CATALOGUE);
    }

    @Test
    void declinedToEngageMeansCatchAndConvict() {
        Recommendation r = RoutingAdvisor.recommend(facts(false), true, 2000, MAN_AT_HIGH, CATALOGUE);
        assertThat(r.route()).isEqualTo(Route.CATCH_AND_CONVICT);
        assertThat(r.pathways()).isEmpty();
        assertThat(r.reasons()).anyMatch(s -> s.contains("declined to engage"));
    }

    @Test
    void willingAndNotSerialMeansEngageWithOffenderManagementAndTheChangeProgramme() {
        Recommendation r = advise(false, 0, MAN_AT_MEDIUM);
        assertThat(r.route()).isEqualTo(Route.ENGAGE);
        assertThat(r.pathways()).containsExactly(Pathway.OFFENDER_MANAGEMENT, Pathway.CHANGE_PROGRAMME);
        assertThat(r.reasons()).anyMatch(s -> s.contains("CHANGE-GROUP"));
    }

    @Test
    void aSerialPerpetratorOrHighHarmAtHighRiskIsAdvisedDrive() {
        assertThat(advise(true, 0, MAN_AT_HIGH).pathways())
                .contains(Pathway.DRIVE)
                .doesNotContain(Pathway.CHANGE_PROGRAMME);
        assertThat(advise(false, RoutingAdvisor.HIGH_HARM_DAYS, MAN_AT_HIGH).pathways())
                .contains(Pathway.DRIVE);
        assertThat(advise(false, RoutingAdvisor.HIGH_HARM_DAYS - 1, MAN_AT_HIGH).pathways())
                .contains(Pathway.CHANGE_PROGRAMME)
                .doesNotContain(Pathway.DRIVE);
    }

    @Test
    void driveIsNeverRecommendedForSomeoneItCannotTake_aSerialPerpetratorAtMediumRiskIsAdvisedTheChangeGroup() {
        Recommendation r = advise(true, 2000, MAN_AT_MEDIUM);
        assertThat(r.pathways()).containsExactly(Pathway.OFFENDER_MANAGEMENT, Pathway.CHANGE_PROGRAMME);
        assertThat(r.reasons())
                .anyMatch(s -> s.contains("Drive (DRIVE-1TO1) does not take this person")
                        && s.contains("[HIGH] only")
                        && s.contains("MEDIUM"));
        assertThat(r.reasons()).anyMatch(s -> s.startsWith("serial perpetrator, but Drive does not take this person"));
    }

    @Test
    void aWomanIsNeverRecommendedTheMenOnlyChangeGroup_theWomensGroupIsReachableFromTheMatrix() {
        Recommendation r = advise(false, 0, WOMAN_AT_MEDIUM);
        assertThat(r.pathways()).containsExactly(Pathway.OFFENDER_MANAGEMENT, Pathway.WOMENS_GROUP);
        assertThat(r.reasons())
                .anyMatch(s -> s.contains("Change group programme (CHANGE-GROUP) does not take this person")
                        && s.contains("takes men only"));
        // at high risk the women's group cannot take her either: Drive takes women at high risk
        Recommendation high = advise(false, 0, new RoutingAdvisor.Person(Sex.FEMALE, 35, RiskLevel.HIGH));
        assertThat(high.pathways()).containsExactly(Pathway.OFFENDER_MANAGEMENT, Pathway.DRIVE);
        assertThat(high.reasons()).anyMatch(s -> s.startsWith("risk level HIGH: Drive"));
    }

    @Test
    void anUnrecordedSexRefusesNothing_theProgrammeChecksItAtAssessment() {
        Recommendation r = advise(false, 0, new RoutingAdvisor.Person(null, 35, RiskLevel.MEDIUM));
        assertThat(r.pathways()).contains(Pathway.CHANGE_PROGRAMME);
        assertThat(r.reasons()).anyMatch(s -> s.startsWith("sex not recorded: CHANGE-GROUP takes men only"));
    }

    @Test
    void aProgrammeWhoseEligibilityIsNotKnownIsNotOffered_andWhenNoneTakesThePersonNoProgrammeIs() {
        Recommendation unknown = RoutingAdvisor.recommend(facts(true), false, 0, MAN_AT_MEDIUM, Map.of());
        assertThat(unknown.pathways()).containsExactly(Pathway.OFFENDER_MANAGEMENT);
        assertThat(unknown.reasons())
                .anyMatch(s -> s.contains("has not told the matrix who it takes"))
                .anyMatch(s -> s.contains("no programme in the catalogue takes this person"));
        Recommendation tooYoung = advise(false, 0, new RoutingAdvisor.Person(Sex.MALE, 17, RiskLevel.MEDIUM));
        assertThat(tooYoung.pathways()).containsExactly(Pathway.OFFENDER_MANAGEMENT);
        assertThat(tooYoung.reasons()).anyMatch(s -> s.contains("takes people aged 18 or over"));
    }

    @Test
    void needsAndConsentAddTheirPathwaysEachWithAReason() {
        Recommendation r = RoutingAdvisor.recommend(
                new SuitabilityFacts(true, true, true, true, true, true, true, null),
                false,
                0,
                MAN_AT_MEDIUM,
                CATALOGUE);
        assertThat(r.pathways())
                .containsExactly(
                        Pathway.OFFENDER_MANAGEMENT,
                        Pathway.CHANGE_PROGRAMME,
                        Pathway.DRUG_REHABILITATION,
                        Pathway.ALCOHOL_GROUP,
                        Pathway.GPS_TAG,
                        Pathway.HOUSING,
                        Pathway.PROBATION);
        assertThat(r.reasons())
                .anyMatch(s -> s.contains("drug"))
                .anyMatch(s -> s.contains("alcohol"))
                .anyMatch(s -> s.contains("GPS"))
                .anyMatch(s -> s.contains("housing"))
                .anyMatch(s -> s.contains("probation"))
                .anyMatch(s -> s.contains("custody"));
    }
}
