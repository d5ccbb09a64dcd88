package uk.dapp.riskmatrix.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import uk.dapp.riskmatrix.referencedata.Band;

class BandTest {

    private static final List<Band> BANDS = List.of(new Band(1, 5), new Band(2, 10), new Band(5, 20));

    @Test
    void belowTheFirstBandEarnsNothing() {
        assertThat(Band.pointsFor(BANDS, 0)).isZero();
        assertThat(Band.bandFor(BANDS, 0)).isNull();
    }

    @Test
    void eachBandStartsExactlyAtItsValue() {
        assertThat(Band.pointsFor(BANDS, 1)).isEqualTo(5);
        assertThat(Band.pointsFor(BANDS, 2)).isEqualTo(10);
        assertThat(Band.pointsFor(BANDS, 4)).isEqualTo(10);
        assertThat(Band.pointsFor(BANDS, 5)).isEqualTo(20);
        assertThat(Band.pointsFor(BANDS, 500)).isEqualTo(20);
    }
}
