package uk.dapp.demo.load;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import uk.dapp.client.programme.api.AlertsApi;
import uk.dapp.client.programme.model.AlertEscalationCreate;

/**
 * The demo's urgent alerts: of the risk alerts left for the service manager to review, the first of
 * each team (facilitators' concerns before disclosures' alerts, then in the people's order, so the same
 * seed escalates the same alerts with one thread or many) is escalated at once by the team's
 * facilitator, with the reason, so that a freshly loaded demo shows an escalation on each team's list
 * (nothing in it is 24 hours old, so the clock escalates nothing yet). The phases offer the alerts from
 * any thread; the choice is made once they are done.
 */
final class HandEscalations {

    static final String COUNTED = "risk alerts escalated by hand";
    /** Added to a person's index for a disclosure's alert, so every concern comes first. */
    static final int AFTER_CONCERNS = 1_000_000;

    /** An unreviewed alert that could be escalated; {@code order} decides which of a team's comes first. */
    record Candidate(int order, UUID alertId, DemoTeam team, String reason) {}

    private final Gateway gateway;
    private final Counts counts;
    private final List<Candidate> offered = new ArrayList<>();

    HandEscalations(Gateway gateway, Counts counts) {
        this.gateway = gateway;
        this.counts = counts;
    }

    synchronized void offer(int order, UUID alertId, DemoTeam team, String reason) {
        offered.add(new Candidate(order, alertId, team, reason));
    }

    /** The first alert offered of each team, in the teams' order. */
    synchronized List<Candidate> firstOfEachTeam() {
        List<Candidate> chosen = new ArrayList<>();
        for (DemoTeam team : DemoTeam.values()) {
            offered.stream()
                    .filter(c -> c.team() == team)
                    .min(Comparator.comparingInt(Candidate::order))
                    .ifPresent(chosen::add);
        }
        return chosen;
    }

    /** Escalates the alert by hand, as its team's facilitator. */
    Object escalate(Candidate candidate) {
        new AlertsApi(gateway.programme(candidate.team().facilitator()))
                .escalateAlert(candidate.alertId(), new AlertEscalationCreate().reason(candidate.reason()));
        counts.add(Loader.PROGRAMME, COUNTED);
        return null;
    }
}
