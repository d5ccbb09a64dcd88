package uk.dapp.platform.holding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class HoldingsTest {

    private static Holdings after(Holdings from, String key, boolean held, long sequence) {
        return from.apply(key, held, sequence).orElseThrow(() -> new AssertionError("change not taken"));
    }

    @Test
    void nothingKnownHoldsNothing() {
        assertThat(Holdings.none().holds()).isFalse();
    }

    @Test
    void openingHoldsAndClosingReleases() {
        Holdings open = after(Holdings.none(), "r1", true, 1);
        assertThat(open.holds()).isTrue();
        Holdings closed = after(open, "r1", false, 3);
        assertThat(closed.holds()).isFalse();
        assertThat(closed.marks()).isEqualTo(Map.of("r1", new Holdings.Mark(false, 3)));
    }

    @Test
    void aDuplicateChangesNothing() {
        Holdings open = after(Holdings.none(), "r1", true, 1);
        assertThat(open.apply("r1", true, 1)).isEmpty();
        Holdings closed = after(open, "r1", false, 2);
        assertThat(closed.apply("r1", false, 2)).isEmpty();
    }

    @Test
    void aLateOpeningCannotUndoAClosing() {
        // the close arrived first (a redelivery after a stalled relay): the older open is ignored
        Holdings closed = after(Holdings.none(), "r1", false, 4);
        assertThat(closed.holds()).isFalse();
        assertThat(closed.apply("r1", true, 1)).isEmpty();
        assertThat(closed.apply("r1", true, 4)).as("same sequence is not newer").isEmpty();
    }

    @Test
    void aCaseIsHeldWhileAnyOfItsThingsIs() {
        Holdings two = after(after(Holdings.none(), "r1", true, 1), "r2", true, 1);
        Holdings oneClosed = after(two, "r1", false, 5);
        assertThat(oneClosed.holds()).isTrue();
        Holdings bothClosed = after(oneClosed, "r2", false, 2);
        assertThat(bothClosed.holds()).isFalse();
        assertThat(bothClosed.marks()).containsOnlyKeys("r1", "r2");
    }

    @Test
    void aChangeNeedsAKey() {
        assertThatThrownBy(() -> Holdings.none().apply(" ", true, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
