package uk.dapp.platform.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import uk.dapp.platform.status.StatusMachine.Actor;

class StatusMachineTest {

    enum Light {
        RED,
        GREEN,
        AMBER,
        BROKEN
    }

    private final StatusMachine<Light> machine = StatusMachine.of("light", Light.class)
            .allow(Light.RED, "go", Light.GREEN)
            .allow(Light.GREEN, "slow", Light.AMBER)
            .allow(Light.AMBER, "stop", Light.RED)
            .system(Light.GREEN, "fail", Light.BROKEN)
            .build();

    @Test
    void declaredMovesLeadWhereDeclared() {
        assertThat(machine.next(Light.RED, "go", Actor.PERSON)).isEqualTo(Light.GREEN);
        assertThat(machine.next(Light.GREEN, "fail", Actor.SYSTEM)).isEqualTo(Light.BROKEN);
    }

    @Test
    void anUndeclaredMoveIsRefusedNamingTheStatusAndTheAllowedMoves() {
        assertThatThrownBy(() -> machine.next(Light.RED, "slow", Actor.PERSON))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("RED")
                .hasMessageContaining("go")
                .extracting(e -> ((IllegalTransitionException) e).facts().get("allowedMoves"))
                .isEqualTo(java.util.List.of("go"));
        assertThatThrownBy(() -> machine.next(Light.BROKEN, "go", Actor.SYSTEM))
                .hasMessageContaining("no move is allowed");
    }

    @Test
    void aPersonCannotMakeTheSystemsMoves() {
        assertThat(machine.allowedMoves(Light.GREEN, Actor.PERSON)).containsExactly("slow");
        assertThat(machine.allowedMoves(Light.GREEN, Actor.SYSTEM)).containsExactly("fail", "slow");
        assertThatThrownBy(() -> machine.next(Light.GREEN, "fail", Actor.PERSON))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void aMoveDeclaredTwiceFromOneStatusIsAMistakeCaughtAtStartUp() {
        assertThatThrownBy(() -> StatusMachine.of("x", Light.class)
                        .allow(Light.RED, "go", Light.GREEN)
                        .allow(Light.RED, "go", Light.AMBER))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void transitionsAreListedInDeclarationOrder() {
        assertThat(machine.transitions())
                .extracting(StatusMachine.Transition::move)
                .containsExactly("go", "slow", "stop", "fail");
    }
}
