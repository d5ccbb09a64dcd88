package uk.dapp.riskmatrix.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import uk.dapp.platform.status.IllegalTransitionException;
import uk.dapp.platform.status.StatusMachine.Actor;
import uk.dapp.riskmatrix.values.RoutingStatus;

class RoutingMachineTest {

    private static final uk.dapp.platform.status.StatusMachine<RoutingStatus> M = RoutingMachine.MACHINE;

    @Test
    void aDecisionLeadsToItsRoute() {
        assertThat(M.next(RoutingStatus.AWAITING_DECISION, RoutingMachine.DECIDE_ENGAGE, Actor.PERSON))
                .isEqualTo(RoutingStatus.ENGAGED);
        assertThat(M.next(RoutingStatus.AWAITING_DECISION, RoutingMachine.DECIDE_CATCH_AND_CONVICT, Actor.PERSON))
                .isEqualTo(RoutingStatus.CATCH_AND_CONVICT);
        assertThat(M.next(RoutingStatus.AWAITING_REROUTING, RoutingMachine.DECIDE_ENGAGE, Actor.PERSON))
                .isEqualTo(RoutingStatus.ENGAGED);
    }

    @Test
    void bothRoutesCanBeRevisited() {
        assertThat(M.next(RoutingStatus.ENGAGED, RoutingMachine.ENGAGEMENT_FAILED, Actor.PERSON))
                .isEqualTo(RoutingStatus.AWAITING_REROUTING);
        assertThat(M.next(RoutingStatus.CATCH_AND_CONVICT, RoutingMachine.AGREES_TO_ENGAGE, Actor.PERSON))
                .isEqualTo(RoutingStatus.AWAITING_REROUTING);
    }

    @Test
    void anIllegalMoveNamesTheAllowedOnes() {
        assertThatThrownBy(() -> M.next(RoutingStatus.ENGAGED, RoutingMachine.DECIDE_CATCH_AND_CONVICT, Actor.PERSON))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("ENGAGED")
                .hasMessageContaining(RoutingMachine.ENGAGEMENT_FAILED);
        assertThatThrownBy(() -> M.next(RoutingStatus.AWAITING_DECISION, RoutingMachine.AGREES_TO_ENGAGE, Actor.PERSON))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void programmeExitIsTheSystemsMoveOnly() {
        assertThat(M.allowedMoves(RoutingStatus.ENGAGED, Actor.PERSON))
                .containsExactly(RoutingMachine.ENGAGEMENT_FAILED);
        assertThat(M.next(RoutingStatus.ENGAGED, RoutingMachine.PROGRAMME_EXIT, Actor.SYSTEM))
                .isEqualTo(RoutingStatus.AWAITING_REROUTING);
        assertThatThrownBy(() -> M.next(RoutingStatus.ENGAGED, RoutingMachine.PROGRAMME_EXIT, Actor.PERSON))
                .isInstanceOf(IllegalTransitionException.class);
    }
}
