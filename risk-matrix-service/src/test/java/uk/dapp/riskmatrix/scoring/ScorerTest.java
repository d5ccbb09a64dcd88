package uk.dapp.riskmatrix.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.dapp.riskmatrix.scoring.Incidents.da;
import static uk.dapp.riskmatrix.scoring.Incidents.of;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.dapp.riskmatrix.referencedata.ExampleReferenceData;
import uk.dapp.riskmatrix.referencedata.ReferenceData;
import uk.dapp.riskmatrix.values.Contribution;
import uk.dapp.riskmatrix.values.DashLevel;
import uk.dapp.riskmatrix.values.Incident;
import uk.dapp.riskmatrix.values.IncidentType;
import uk.dapp.riskmatrix.values.Score;
import uk.dapp.riskmatrix.values.ScoreComponent;

class ScorerTest {

    private static final ReferenceData WEIGHTS = ExampleReferenceData.version1(Instant.EPOCH);
    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 15);
    private static final LocalDate DOB = LocalDate.of(1985, 3, 3);

    private static Score score(Incident... incidents) {
        return Scorer.score(WEIGHTS, DOB, List.of(incidents), AS_OF, Instant.EPOCH);
    }

    @Test
    void noIncidentsScoresNothing() {
        Score score = score();
        assertThat(score.total()).isZero();
        assertThat(score.harmDays()).isZero();
        assertThat(score.serial()).isFalse();
        assertThat(score.referenceVersion()).isEqualTo(1);
        assertThat(score.windowMonths()).isEqualTo(36);
        assertThat(score.recency().basis()).contains("no domestic abuse incident");
    }

    @Test
    void oneHighRiskAssaultTodayIsExplainedComponentByComponent() {
        Incident abh = of(AS_OF, IncidentType.DOMESTIC_ABUSE, "EX-ABH", "V1", DashLevel.HIGH);
        Score score = score(abh);
        assertThat(score.recency().points()).isEqualTo(20);
        assertThat(score.frequency().points()).isEqualTo(5);
        assertThat(score.gravity().points()).isEqualTo(7 + 5);
        assertThat(score.victims().points()).isEqualTo(5);
        assertThat(score.total()).isEqualTo(20 + 5 + 12 + 5);
        assertThat(score.harmDays()).isEqualTo(180);
        Contribution c = score.incidents().getFirst();
        assertThat(c.incidentId()).isEqualTo(abh.incidentId());
        assertThat(c.inWindow()).isTrue();
        assertThat(c.gravityPoints()).isEqualTo(12);
        assertThat(c.harmDays()).isEqualTo(180);
        assertThat(c.mostRecent()).isTrue();
        assertThat(c.newVictim()).isTrue();
    }

    @Test
    void theWindowStartsExactlyThirtySixMonthsBeforeTheAsOfDate() {
        LocalDate start = AS_OF.minusMonths(36);
        assertThat(score(da(start, "V1")).frequency().value()).isEqualTo(1);
        assertThat(score(da(start.minusDays(1), "V1")).frequency().value()).isZero();
        Score outside = score(da(start.minusDays(1), "V1"));
        assertThat(outside.total()).isZero();
        assertThat(outside.harmDays()).isZero();
        assertThat(outside.incidents().getFirst().inWindow()).isFalse();
        assertThat(outside.incidents().getFirst().gravityPoints()).isZero();
    }

    @Test
    void aConfiguredWindowIsHonoured() {
        ReferenceData twelve = new ReferenceData(
                7,
                "t",
                false,
                12,
                WEIGHTS.recencyBands(),
                WEIGHTS.frequencyBands(),
                WEIGHTS.victimBands(),
                WEIGHTS.dashUplift(),
                WEIGHTS.offences(),
                Instant.EPOCH,
                "t");
        Incident old = da(AS_OF.minusMonths(13), "V1");
        Score score = Scorer.score(twelve, DOB, List.of(old), AS_OF, Instant.EPOCH);
        assertThat(score.frequency().value()).isZero();
        assertThat(score.referenceVersion()).isEqualTo(7);
        assertThat(score.windowMonths()).isEqualTo(12);
    }

    @Test
    void recencyBandEdges() {
        assertThat(score(da(AS_OF.minusMonths(3).plusDays(1), "V")).recency())
                .extracting(ScoreComponent::value, ScoreComponent::points)
                .containsExactly(2, 20);
        assertThat(score(da(AS_OF.minusMonths(3), "V")).recency().points()).isEqualTo(15);
        assertThat(score(da(AS_OF.minusMonths(6).plusDays(1), "V")).recency().points())
                .isEqualTo(15);
        assertThat(score(da(AS_OF.minusMonths(6), "V")).recency().points()).isEqualTo(10);
        assertThat(score(da(AS_OF.minusMonths(12), "V")).recency().points()).isEqualTo(5);
        assertThat(score(da(AS_OF.minusMonths(24).plusDays(1), "V")).recency().points())
                .isEqualTo(5);
        assertThat(score(da(AS_OF.minusMonths(24), "V")).recency().points()).isEqualTo(2);
        assertThat(score(da(AS_OF.minusMonths(36), "V")).recency().points()).isEqualTo(2);
    }

    @Test
    void recencyIsMeasuredFromTheLatestIncident() {
        Score score = score(da(AS_OF.minusMonths(20), "V1"), da(AS_OF.minusMonths(1), "V1"));
        assertThat(score.recency().value()).isEqualTo(1);
        assertThat(score.incidents())
                .filteredOn(Contribution::mostRecent)
                .hasSize(1)
                .first()
                .extracting(Contribution::date)
                .isEqualTo(AS_OF.minusMonths(1));
    }

    @Test
    void frequencyBandEdges() {
        int[] expected = {0, 5, 10, 15, 15, 20, 20, 20, 20, 20, 25, 25};
        for (int n = 0; n < expected.length; n++) {
            List<Incident> incidents = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                incidents.add(da(AS_OF.minusDays(i), "V1"));
            }
            Score score = Scorer.score(WEIGHTS, DOB, incidents, AS_OF, Instant.EPOCH);
            assertThat(score.frequency().value()).as("count %d", n).isEqualTo(n);
            assertThat(score.frequency().points()).as("count %d", n).isEqualTo(expected[n]);
        }
    }

    @Test
    void victimBandEdgesCountDistinctKeys() {
        assertThat(score(da(AS_OF, "A"), da(AS_OF, "A")).victims())
                .extracting(ScoreComponent::value, ScoreComponent::points)
                .containsExactly(1, 5);
        assertThat(score(da(AS_OF, "A"), da(AS_OF, "B")).victims().points()).isEqualTo(10);
        assertThat(score(da(AS_OF, "A"), da(AS_OF, "B"), da(AS_OF, "C"))
                        .victims()
                        .points())
                .isEqualTo(15);
        assertThat(score(da(AS_OF, "A"), da(AS_OF, "B"), da(AS_OF, "C"), da(AS_OF, "D"))
                        .victims()
                        .points())
                .isEqualTo(15);
    }

    @Test
    void gravityAddsTheDashUpliftForEachLevel() {
        assertThat(score(of(AS_OF, IncidentType.DOMESTIC_ABUSE, "EX-STALKING", "V", DashLevel.STANDARD))
                        .gravity()
                        .points())
                .isEqualTo(6);
        assertThat(score(of(AS_OF, IncidentType.DOMESTIC_ABUSE, "EX-STALKING", "V", DashLevel.MEDIUM))
                        .gravity()
                        .points())
                .isEqualTo(8);
        assertThat(score(of(AS_OF, IncidentType.DOMESTIC_ABUSE, "EX-STALKING", "V", DashLevel.HIGH))
                        .gravity()
                        .points())
                .isEqualTo(11);
        assertThat(score(of(AS_OF, IncidentType.DOMESTIC_ABUSE, "EX-STALKING", "V", DashLevel.NOT_ASSESSED))
                        .gravity()
                        .points())
                .isEqualTo(6);
    }

    @Test
    void harmSumsTheDaysOfCustodyOfInWindowIncidents() {
        Score score = score(
                of(AS_OF, IncidentType.DOMESTIC_ABUSE, "EX-ABH", "V", DashLevel.HIGH),
                of(AS_OF.minusMonths(5), IncidentType.DOMESTIC_ABUSE, "EX-COERCIVE-CONTROL", "V", DashLevel.HIGH),
                of(AS_OF.minusMonths(5), IncidentType.DOMESTIC_ABUSE, "EX-NC-DOMESTIC", "V", DashLevel.STANDARD),
                of(AS_OF.minusMonths(40), IncidentType.DOMESTIC_ABUSE, "EX-GBH", "V", DashLevel.HIGH));
        assertThat(score.harmDays()).isEqualTo(180 + 365);
    }

    @Test
    void anOffenceMissingFromTheVersionContributesNothingButStillCounts() {
        Score score = score(of(AS_OF, IncidentType.DOMESTIC_ABUSE, "GONE", "V", DashLevel.HIGH));
        assertThat(score.gravity().points()).isZero();
        assertThat(score.harmDays()).isZero();
        assertThat(score.frequency().value()).isEqualTo(1);
    }

    @Test
    void theSerialFlagIsPartOfTheScore() {
        Score score = score(da(AS_OF.minusDays(3), "A"), da(AS_OF.minusDays(2), "B"));
        assertThat(score.serial()).isTrue();
        assertThat(score.incidents()).allMatch(Contribution::countsForSerial);
        assertThat(score.serialBasis()).contains("serial perpetrator");
    }

    @Test
    void harmBetweenCountsBothEnds() {
        List<Incident> incidents = List.of(
                of(AS_OF, IncidentType.DOMESTIC_ABUSE, "EX-ABH", "V", DashLevel.HIGH),
                of(AS_OF.minusYears(1), IncidentType.DOMESTIC_ABUSE, "EX-ABH", "V", DashLevel.HIGH),
                of(AS_OF.minusYears(1).minusDays(1), IncidentType.DOMESTIC_ABUSE, "EX-ABH", "V", DashLevel.HIGH));
        assertThat(Scorer.harmBetween(WEIGHTS, incidents, AS_OF.minusYears(1), AS_OF))
                .isEqualTo(360);
    }

    @Test
    void rfgvCountsWhatMatacCounts_domesticAbuseOnly_otherIncidentsStayInTheHistoryLabelled() {
        Incident assault = of(AS_OF.minusMonths(2), IncidentType.DOMESTIC_ABUSE, "EX-ABH", "V1", DashLevel.HIGH);
        Incident burglary = of(AS_OF.minusDays(3), IncidentType.OTHER, "EX-ABH", "V2", DashLevel.HIGH);
        Score both = score(assault, burglary);
        Score domesticOnly = score(assault);
        // the other incident is newer, another victim, and grave: it still moves nothing
        assertThat(both.total()).isEqualTo(domesticOnly.total());
        assertThat(both.recency()).isEqualTo(domesticOnly.recency());
        assertThat(both.frequency().value()).isEqualTo(1);
        assertThat(both.victims().value()).isEqualTo(1);
        assertThat(both.harmDays()).isEqualTo(domesticOnly.harmDays());
        assertThat(both.incidents()).hasSize(2);
        Contribution other = both.incidents().stream()
                .filter(c -> c.incidentId().equals(burglary.incidentId()))
                .findFirst()
                .orElseThrow();
        assertThat(other.inWindow()).isTrue();
        assertThat(other.countsForFrequency()).isFalse();
        assertThat(other.gravityPoints()).isZero();
        assertThat(other.harmDays()).isZero();
        assertThat(other.newVictim()).isFalse();
        assertThat(other.mostRecent()).isFalse();
        assertThat(other.domesticAbuse()).isFalse();
        assertThat(other.notScoredBecause(36)).contains("not domestic abuse");
        assertThat(both.incidents().stream()
                        .filter(c -> c.incidentId().equals(assault.incidentId()))
                        .findFirst()
                        .orElseThrow()
                        .notScoredBecause(36))
                .isNull();
        // nor does it count towards the harm compared before and after a decision
        assertThat(Scorer.harmBetween(WEIGHTS, List.of(assault, burglary), AS_OF.minusYears(1), AS_OF))
                .isEqualTo(180);
    }
}
