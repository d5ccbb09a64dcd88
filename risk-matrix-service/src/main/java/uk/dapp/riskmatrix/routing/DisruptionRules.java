package uk.dapp.riskmatrix.routing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import uk.dapp.platform.risk.RiskLevel;
import uk.dapp.riskmatrix.values.DisruptionTask;
import uk.dapp.riskmatrix.values.DisruptionTaskKind;
import uk.dapp.riskmatrix.values.RoutingStatus;

/**
 * Who disruption tasks are for. A catch-and-convict nominal, as the matrix has always said; and, as Drive
 * works, an engaged nominal at HIGH risk: Drive's case managers work with the police on disruption alongside
 * the one-to-one work for high-risk cases, so engaging him does not take the disruption levers away.
 */
public final class DisruptionRules {

    private DisruptionRules() {}

    /** Whether disruption tasks may be opened for a nominal so routed, at the risk a referral would carry. */
    public static boolean mayOpen(RoutingStatus status, RiskLevel referralRiskLevel) {
        return status == RoutingStatus.CATCH_AND_CONVICT
                || (status == RoutingStatus.ENGAGED && referralRiskLevel == RiskLevel.HIGH);
    }

    /**
     * The tasks with each kind asked for opened unless one of it is open already: owned by {@code owner}, due
     * after the kind's default period.
     */
    public static List<DisruptionTask> opened(
            List<DisruptionTask> tasks,
            Collection<DisruptionTaskKind> kinds,
            String owner,
            LocalDate today,
            Instant now) {
        Set<DisruptionTaskKind> open = EnumSet.noneOf(DisruptionTaskKind.class);
        tasks.stream().filter(t -> !t.done()).forEach(t -> open.add(t.kind()));
        List<DisruptionTask> all = new ArrayList<>(tasks);
        for (DisruptionTaskKind kind : EnumSet.copyOf(kinds)) {
            if (open.add(kind)) {
                all.add(new DisruptionTask(
                        UUID.randomUUID().toString(),
                        kind,
                        owner,
                        today.plusDays(kind.daysToComplete()),
                        false,
                        null,
                        now));
            }
        }
        return all;
    }
}
