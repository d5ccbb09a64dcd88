package uk.dapp.partnersupport.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutcomeMeasuresTest {

    private static OutcomeMeasures childrensFear(Integer score) {
        return new OutcomeMeasures(3, 3, 3, 3, score, 3, 3, 3, null, 3, null);
    }

    @Test
    void childrenAreReportedFrightenedFromVeryAfraidToSomewhatAfraidAndNotWhenMostlyOrNotAfraid() {
        assertThat(childrensFear(1).childrenFrightened()).isTrue();
        assertThat(childrensFear(3).childrenFrightened()).isTrue();
        assertThat(childrensFear(4).childrenFrightened()).isFalse();
        assertThat(childrensFear(5).childrenFrightened()).isFalse();
    }

    @Test
    void withoutChildrenTheQuestionIsNotAskedAndNobodyIsCountedEitherWay() {
        assertThat(childrensFear(null).childrenFrightened()).isNull();
    }
}
