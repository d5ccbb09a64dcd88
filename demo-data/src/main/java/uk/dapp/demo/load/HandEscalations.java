package uk.dapp.demo.load;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import uk.dapp.client.programme.api.AlertsApi;
import uk.dapp.client.programme.model.AlertEscalationCreate;

/**
 * The demo's urgent alerts: the first risk alert of each team left for the service manager to review is
 * escalated at once by the team's facilitator, with the reason, so that a freshly loaded demo shows an
 * escalation on each team's list (nothing in it is 24 hours old, so the clock escalates nothing yet).
 */
final class HandEscalations {

    static final String COUNTED = "risk alerts escalated by hand";

    private final Gateway gateway;
    private final Counts counts;
    private final Set<DemoTeam> escalated = EnumSet.noneOf(DemoTeam.class);

    HandEscalations(Gateway gateway, Counts counts) {
        this.gateway = gateway;
        this.counts = counts;
    }

    /** Escalates the alert when it is the first of its team left unreviewed; answers whether it did. */
    boolean firstOfTeam(UUID alertId, DemoTeam team, String reason) {
        if (escalated.contains(team)) {
            return false;
        }
        new AlertsApi(gateway.programme(team.facilitator())).escalateAlert(alertId,
                new AlertEscalationCreate().reason(reason));
        escalated.add(team);
        counts.add(Loader.PROGRAMME, COUNTED);
        return true;
    }
}
