package uk.dapp.riskmatrix.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.dapp.platform.risk.RiskLevel;
import uk.dapp.riskmatrix.values.DisruptionTask;
import uk.dapp.riskmatrix.values.DisruptionTaskKind;
import uk.dapp.riskmatrix.values.RoutingStatus;

class DisruptionRulesTest {

    @Test
    void drivesCaseManagersWorkWithThePoliceOnDisruptionAlongsideTheOneToOneWorkForHighRiskCases() {
        assertThat(DisruptionRules.mayOpen(RoutingStatus.ENGAGED, RiskLevel.HIGH))
                .isTrue();
        assertThat(DisruptionRules.mayOpen(RoutingStatus.CATCH_AND_CONVICT, RiskLevel.STANDARD))
                .isTrue();
    }

    @Test
    void anEngagedNominalBelowHighRiskAndAnUndecidedOneHaveNoDisruptionTasks() {
        assertThat(DisruptionRules.mayOpen(RoutingStatus.ENGAGED, RiskLevel.MEDIUM))
                .isFalse();
        assertThat(DisruptionRules.mayOpen(RoutingStatus.ENGAGED, RiskLevel.STANDARD))
                .isFalse();
        assertThat(DisruptionRules.mayOpen(RoutingStatus.AWAITING_DECISION, RiskLevel.HIGH))
                .isFalse();
        assertThat(DisruptionRules.mayOpen(RoutingStatus.AWAITING_REROUTING, RiskLevel.HIGH))
                .isFalse();
    }

    @Test
    void aKindAlreadyOpenIsNotOpenedTwiceAndADoneOneMayBeOpenedAgain() {
        LocalDate today = LocalDate.of(2026, 12, 6);
        Instant now = Instant.parse("2026-12-06T10:00:00Z");
        List<DisruptionTask> existing = List.of(
                new DisruptionTask("a", DisruptionTaskKind.OUTSTANDING_WARRANTS, "om", today, false, null, now),
                new DisruptionTask("b", DisruptionTaskKind.REMAND_CONDITIONS, "om", today, true, now, now));
        List<DisruptionTask> opened = DisruptionRules.opened(
                existing,
                EnumSet.of(
                        DisruptionTaskKind.OUTSTANDING_WARRANTS,
                        DisruptionTaskKind.REMAND_CONDITIONS,
                        DisruptionTaskKind.PROTECTION_ORDER_APPLICATION),
                "om2",
                today,
                now);
        assertThat(opened).hasSize(4);
        assertThat(opened.subList(2, 4))
                .extracting(DisruptionTask::kind)
                .containsExactlyInAnyOrder(
                        DisruptionTaskKind.REMAND_CONDITIONS, DisruptionTaskKind.PROTECTION_ORDER_APPLICATION);
        assertThat(opened.subList(2, 4)).allSatisfy(t -> {
            assertThat(t.owner()).isEqualTo("om2");
            assertThat(t.dueDate()).isEqualTo(today.plusDays(t.kind().daysToComplete()));
        });
    }
}
