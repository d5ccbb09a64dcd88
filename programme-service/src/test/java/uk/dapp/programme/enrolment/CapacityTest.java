package uk.dapp.programme.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import uk.dapp.platform.problem.RuleViolationException;

class CapacityTest {

    @Test
    void thereIsRoomUntilEveryPlaceIsTaken() {
        Capacity capacity = new Capacity(10);
        assertThat(capacity.hasRoom(0)).isTrue();
        assertThat(capacity.hasRoom(9)).isTrue();
        assertThat(capacity.hasRoom(10)).isFalse();
        assertThat(capacity.hasRoom(11)).isFalse();
    }

    @Test
    void aGroupHasAtMostTheProgrammesCapacity() {
        assertThat(Capacity.ofGroup(null, 10).limit()).isEqualTo(10);
        assertThat(Capacity.ofGroup(6, 10).limit()).isEqualTo(6);
        assertThat(Capacity.ofGroup(10, 10).limit()).isEqualTo(10);
        assertThatThrownBy(() -> Capacity.ofGroup(11, 10))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("at most 10");
    }
}
