package uk.dapp.partnersupport.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutcomeChangesTest {

    private static OutcomeMeasures all(int score, Integer children) {
        return new OutcomeMeasures(
                score, score, score, score, children, score, score, score, children, score, children);
    }

    @Test
    void changeIsLaterMinusEarlierAndSkipsMeasuresMissingAtEitherPoint() {
        Map<String, Integer> change = OutcomeChanges.between(all(2, null), all(4, 3));
        assertThat(change)
                .hasSize(8)
                .containsEntry("feelingSafe", 2)
                .containsEntry("cessationOfAbuse", 2)
                .doesNotContainKey("childrensFear");
    }

    @Test
    void pairsOnlyThePointsRecorded() {
        Map<OutcomePoint, OutcomeMeasures> points = new EnumMap<>(OutcomePoint.class);
        points.put(OutcomePoint.INTAKE, all(1, 1));
        assertThat(OutcomeChanges.of(points)).isEmpty();
        points.put(OutcomePoint.EXIT, all(5, 2));
        assertThat(OutcomeChanges.of(points)).singleElement().satisfies(c -> {
            assertThat(c.from()).isEqualTo(OutcomePoint.INTAKE);
            assertThat(c.to()).isEqualTo(OutcomePoint.EXIT);
            assertThat(c.changes()).containsEntry("qualityOfLife", 4).containsEntry("childrensFear", 1);
        });
        points.put(OutcomePoint.MIDWAY, all(3, 1));
        assertThat(OutcomeChanges.of(points))
                .extracting(OutcomeChanges.Change::to)
                .containsExactly(OutcomePoint.MIDWAY, OutcomePoint.EXIT, OutcomePoint.EXIT);
    }
}
