package uk.dapp.riskmatrix.mywork;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.dapp.riskmatrix.mywork.CohortChangeRules.Kind;
import uk.dapp.riskmatrix.values.ScoreHistoryEntry;

class CohortChangeRulesTest {

    private static final Instant VISIT = Instant.parse("2026-11-20T09:00:00Z");

    private static ScoreHistoryEntry score(int total, boolean serial, String at) {
        return new ScoreHistoryEntry(
                total, 0, serial, 1, LocalDate.of(2026, 11, 20), Instant.parse(at), "INCIDENT_ADDED");
    }

    @Test
    void aScoreThatRoseSinceTheVisitIsAChangeFromTheScoreAtTheVisit() {
        var change = CohortChangeRules.since(
                        List.of(
                                score(10, false, "2026-11-01T00:00:00Z"),
                                score(14, false, "2026-11-21T00:00:00Z"),
                                score(18, false, "2026-11-22T00:00:00Z")),
                        VISIT)
                .orElseThrow();
        assertThat(change.kinds()).containsExactly(Kind.SCORE_ROSE);
        assertThat(change.scoreFrom()).isEqualTo(10);
        assertThat(change.scoreTo()).isEqualTo(18);
        assertThat(change.changedAt()).isEqualTo(Instant.parse("2026-11-22T00:00:00Z"));
    }

    @Test
    void theSerialFlagRaisedSinceTheVisitIsAChangeEvenWithoutARise() {
        var change = CohortChangeRules.since(
                        List.of(score(20, false, "2026-11-01T00:00:00Z"), score(20, true, "2026-11-21T00:00:00Z")),
                        VISIT)
                .orElseThrow();
        assertThat(change.kinds()).containsExactly(Kind.NEW_SERIAL_FLAG);
    }

    @Test
    void aScoreThatRoseAndFellBackOrNothingSinceTheVisitIsNoChange() {
        assertThat(CohortChangeRules.since(
                        List.of(
                                score(10, false, "2026-11-01T00:00:00Z"),
                                score(14, false, "2026-11-21T00:00:00Z"),
                                score(10, false, "2026-11-22T00:00:00Z")),
                        VISIT))
                .isEmpty();
        assertThat(CohortChangeRules.since(List.of(score(10, true, "2026-11-01T00:00:00Z")), VISIT))
                .isEmpty();
        assertThat(CohortChangeRules.since(List.of(), VISIT)).isEmpty();
    }

    @Test
    void aNominalRegisteredSinceTheVisitRoseFromNothing() {
        var change = CohortChangeRules.since(List.of(score(12, true, "2026-11-21T00:00:00Z")), VISIT)
                .orElseThrow();
        assertThat(change.kinds()).containsExactlyInAnyOrder(Kind.SCORE_ROSE, Kind.NEW_SERIAL_FLAG);
        assertThat(change.scoreFrom()).isZero();
    }
}
