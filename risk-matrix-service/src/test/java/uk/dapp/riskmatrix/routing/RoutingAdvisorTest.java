package uk.dapp.riskmatrix.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import uk.dapp.riskmatrix.values.Pathway;
import uk.dapp.riskmatrix.values.Recommendation;
import uk.dapp.riskmatrix.values.Route;
import uk.dapp.riskmatrix.values.SuitabilityFacts;

class RoutingAdvisorTest {

    private static SuitabilityFacts facts(boolean willing) {
        return new SuitabilityFacts(willing, false, false, false, false, false, false, null);
    }

    @Test
    void declinedToEngageMeansCatchAndConvict() {
        Recommendation r = RoutingAdvisor.recommend(facts(false), true, 2000);
        assertThat(r.route()).isEqualTo(Route.CATCH_AND_CONVICT);
        assertThat(r.pathways()).isEmpty();
        assertThat(r.reasons()).anyMatch(s -> s.contains("declined to engage"));
    }

    @Test
    void willingAndNotSerialMeansEngageWithOffenderManagementAndTheChangeProgramme() {
        Recommendation r = RoutingAdvisor.recommend(facts(true), false, 0);
        assertThat(r.route()).isEqualTo(Route.ENGAGE);
        assertThat(r.pathways()).containsExactly(Pathway.OFFENDER_MANAGEMENT, Pathway.CHANGE_PROGRAMME);
        assertThat(r.reasons()).isNotEmpty();
    }

    @Test
    void aSerialPerpetratorOrHighHarmIsAdvisedDrive() {
        assertThat(RoutingAdvisor.recommend(facts(true), true, 0).pathways()).contains(Pathway.DRIVE)
                .doesNotContain(Pathway.CHANGE_PROGRAMME);
        assertThat(RoutingAdvisor.recommend(facts(true), false, RoutingAdvisor.HIGH_HARM_DAYS).pathways())
                .contains(Pathway.DRIVE);
        assertThat(RoutingAdvisor.recommend(facts(true), false, RoutingAdvisor.HIGH_HARM_DAYS - 1).pathways())
                .contains(Pathway.CHANGE_PROGRAMME);
    }

    @Test
    void needsAndConsentAddTheirPathwaysEachWithAReason() {
        Recommendation r = RoutingAdvisor.recommend(new SuitabilityFacts(true, true, true, true, true, true, true, null),
                false, 0);
        assertThat(r.pathways()).containsExactly(Pathway.OFFENDER_MANAGEMENT, Pathway.CHANGE_PROGRAMME,
                Pathway.DRUG_REHABILITATION, Pathway.ALCOHOL_GROUP, Pathway.GPS_TAG, Pathway.HOUSING, Pathway.PROBATION);
        assertThat(r.reasons()).anyMatch(s -> s.contains("drug")).anyMatch(s -> s.contains("alcohol"))
                .anyMatch(s -> s.contains("GPS")).anyMatch(s -> s.contains("housing"))
                .anyMatch(s -> s.contains("probation")).anyMatch(s -> s.contains("custody"));
    }
}
