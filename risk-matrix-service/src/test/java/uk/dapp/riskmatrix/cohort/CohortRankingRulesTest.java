package uk.dapp.riskmatrix.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import uk.dapp.riskmatrix.referencedata.ExampleReferenceData;
import uk.dapp.riskmatrix.referencedata.OffenceWeight;
import uk.dapp.riskmatrix.referencedata.ReferenceData;
import uk.dapp.riskmatrix.scoring.Scorer;
import uk.dapp.riskmatrix.values.DashLevel;
import uk.dapp.riskmatrix.values.Incident;
import uk.dapp.riskmatrix.values.IncidentType;
import uk.dapp.riskmatrix.values.Outcome;
import uk.dapp.riskmatrix.values.RoutingStatus;
import uk.dapp.riskmatrix.values.Score;

class CohortRankingRulesTest {

    private static final ReferenceData WEIGHTS = ExampleReferenceData.version1(Instant.parse("2026-01-01T00:00:00Z"));
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);
    private static final LocalDate BIRTH = LocalDate.of(1980, 3, 1);

    @Test
    void aLineCarriesTheScoreSummaryTheCohortRanksAndShows() {
        List<Incident> history =
                List.of(da(TODAY.minusMonths(2), "EX-ABH", "V1"), da(TODAY.minusDays(3), "EX-GBH", "V2"));
        Score score = Scorer.score(WEIGHTS, BIRTH, history, TODAY, Instant.parse("2026-12-06T10:00:00Z"));

        RankedNominal line =
                CohortRankingRules.line(source(history, score, RoutingStatus.ENGAGED, "  North Yorks "), null, TODAY);

        assertThat(line.ranked()).isTrue();
        assertThat(line.total()).isEqualTo(score.total());
        assertThat(line.harmDays()).isEqualTo(score.harmDays());
        assertThat(line.serial()).isEqualTo(score.serial());
        assertThat(List.of(line.recency(), line.frequency(), line.gravity(), line.victims()))
                .containsExactly(
                        score.recency().points(),
                        score.frequency().points(),
                        score.gravity().points(),
                        score.victims().points());
        assertThat(line.calculatedAt()).isEqualTo(score.calculatedAt());
        assertThat(line.routingStatus()).isEqualTo(RoutingStatus.ENGAGED);
        assertThat(line.areaKey()).isEqualTo("north yorks");
        assertThat(line.firstDecided()).isNull();
        assertThat(line.harmFigures())
                .as("no decision: no trend to keep figures for")
                .isEmpty();
        assertThat(line.sourceVersion()).isEqualTo(3L);
        assertThat(line.version()).isNull();
    }

    @Test
    void aLineIsBehindWhenItsNominalChangedInAnyWayThatTells() {
        Score score = Scorer.score(WEIGHTS, BIRTH, List.of(), TODAY, Instant.parse("2026-12-06T10:00:00Z"));
        RankedNominal line = CohortRankingRules.line(source(List.of(), score, null, "A"), TODAY.minusDays(2), TODAY);

        assertThat(CohortRankingRules.behind(line, 3L, score.calculatedAt(), null, TODAY.minusDays(2)))
                .isFalse();
        assertThat(CohortRankingRules.behind(line, 4L, score.calculatedAt(), null, TODAY.minusDays(2)))
                .isTrue();
        assertThat(CohortRankingRules.behind(line, 3L, score.calculatedAt().plusSeconds(1), null, TODAY.minusDays(2)))
                .as("rescored in bulk")
                .isTrue();
        assertThat(CohortRankingRules.behind(line, 3L, score.calculatedAt(), RoutingStatus.ENGAGED, TODAY.minusDays(2)))
                .isTrue();
        assertThat(CohortRankingRules.behind(line, 3L, score.calculatedAt(), null, null))
                .isTrue();
    }

    @Test
    void aNominalWithoutAScoreOrStatusIsUnrankedAndAwaitingDecision() {
        RankedNominal line = CohortRankingRules.line(source(List.of(), null, null, "Leeds"), null, TODAY);

        assertThat(line.ranked()).isFalse();
        assertThat(line.routingStatus()).isEqualTo(RoutingStatus.AWAITING_DECISION);
    }

    @Test
    void keepsOnlyTheScoredIncidentsEitherWindowCanStillCount() {
        LocalDate decided = TODAY.minusMonths(20);
        Incident tooOld = da(decided.minusMonths(12).minusDays(1), "EX-ABH", "V1");
        Incident firstDayBefore = da(decided.minusMonths(12), "EX-HARASSMENT", "V1");
        Incident lastDayBefore = da(decided.minusDays(1), "EX-STALKING", "V1");
        Incident betweenWindows = da(decided.plusMonths(1), "EX-GBH", "V1");
        Incident firstDayNow = da(TODAY.minusMonths(12), "EX-COMMON-ASSAULT", "V2");
        Incident today = da(TODAY, "EX-RAPE", "V2");
        Incident notDomestic = new Incident(
                "x",
                TODAY.minusDays(1),
                IncidentType.OTHER,
                "EX-GBH",
                "V3",
                DashLevel.HIGH,
                true,
                Outcome.CHARGED,
                Instant.EPOCH,
                "om");

        List<HarmFigure> kept = CohortRankingRules.harmFigures(
                List.of(today, notDomestic, betweenWindows, tooOld, firstDayNow, lastDayBefore, firstDayBefore),
                decided,
                TODAY);

        assertThat(kept)
                .containsExactly(
                        new HarmFigure(firstDayBefore.date(), "EX-HARASSMENT"),
                        new HarmFigure(lastDayBefore.date(), "EX-STALKING"),
                        new HarmFigure(firstDayNow.date(), "EX-COMMON-ASSAULT"),
                        new HarmFigure(TODAY, "EX-RAPE"));
    }

    @Test
    void theTrendFromTheKeptFiguresIsTheTrendFromTheWholeHistory() {
        Random random = new Random(20);
        List<String> offences =
                WEIGHTS.offences().stream().map(OffenceWeight::code).toList();
        for (int run = 0; run < 500; run++) {
            List<Incident> history = new ArrayList<>();
            for (int i = random.nextInt(12); i > 0; i--) {
                LocalDate date = TODAY.minusDays(random.nextInt(365 * 4));
                history.add(
                        random.nextInt(5) == 0
                                ? new Incident(
                                        "o" + i,
                                        date,
                                        IncidentType.OTHER,
                                        "EX-ABH",
                                        "V",
                                        DashLevel.STANDARD,
                                        true,
                                        Outcome.NO_FURTHER_ACTION,
                                        Instant.EPOCH,
                                        "om")
                                : da(date, offences.get(random.nextInt(offences.size())), "V" + random.nextInt(3)));
            }
            LocalDate decided = TODAY.minusDays(random.nextInt(365 * 3));
            LocalDate written = decided.plusDays(random.nextInt((int) (TODAY.toEpochDay() - decided.toEpochDay()) + 1));
            // written on one day, read on a later one: the "now" window has moved on since
            RankedNominal line =
                    CohortRankingRules.line(source(history, null, RoutingStatus.ENGAGED, "A"), decided, written);

            assertThat(CohortRankingRules.harmBefore(WEIGHTS, decided, line.harmFigures()))
                    .isEqualTo(Scorer.harmBetween(WEIGHTS, history, decided.minusMonths(12), decided.minusDays(1)));
            assertThat(CohortRankingRules.harmNow(WEIGHTS, line.harmFigures(), TODAY))
                    .isEqualTo(Scorer.harmBetween(WEIGHTS, history, TODAY.minusMonths(12), TODAY));
        }
    }

    @Test
    void areasCompareAsScopesCompareThem() {
        assertThat(CohortRankingRules.areaKey(" West MIDLANDS")).isEqualTo(CohortRankingRules.areaKey("west midlands"));
        assertThat(CohortRankingRules.areaKey(null)).isNull();
    }

    private static RankingSource source(List<Incident> incidents, Score score, RoutingStatus status, String area) {
        return new RankingSource("DAPP-1", "Given", "Family", area, incidents, score, status, 3L);
    }

    private static Incident da(LocalDate date, String offence, String victim) {
        return new Incident(
                offence + date,
                date,
                IncidentType.DOMESTIC_ABUSE,
                offence,
                victim,
                DashLevel.HIGH,
                true,
                Outcome.CHARGED,
                Instant.EPOCH,
                "om");
    }
}
