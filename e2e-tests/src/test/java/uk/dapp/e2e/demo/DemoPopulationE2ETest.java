package uk.dapp.e2e.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import uk.dapp.client.programme.model.Alert;
import uk.dapp.client.programme.model.Referral;
import uk.dapp.client.riskmatrix.api.CohortApi;
import uk.dapp.client.riskmatrix.api.NominalsApi;
import uk.dapp.client.riskmatrix.model.CohortPage;
import uk.dapp.demo.DemoData;
import uk.dapp.demo.load.Loader;
import uk.dapp.demo.plan.PopulationPlanner;
import uk.dapp.e2e.programme.ProgrammeClients;
import uk.dapp.e2e.riskmatrix.RiskMatrixClients;
import uk.dapp.e2e.support.Clients;
import uk.dapp.e2e.support.TheSystem;

/**
 * The demo population generator against the running system: a small population loads through the
 * gateway with no failed step, every service then holds it (read back through the gateway, not
 * from the generator's own counts), an alert escalated by hand is on a service manager's escalation
 * list, and a second run adds nobody.
 */
class DemoPopulationE2ETest {

    private static final int CASES = 30;
    private static final long SEED = 424242L;

    /** The user-name suffix of the demo users of the team covering the area. */
    private static String team(String area) {
        return List.of("Northshire", "Midwick").contains(area) ? "" : "-south";
    }

    @Test
    void aSmallDemoPopulationFillsEveryServiceAndASecondRunAddsNothing() {
        TheSystem system = TheSystem.get();
        String[] args = {
            "--gateway=" + system.gatewayUrl(),
            "--keycloak=" + system.keycloak().url(),
            "--cases=" + CASES,
            "--seed=" + SEED
        };
        Loader.Result first = DemoData.run(args);
        assertThat(first.failures()).isEmpty();
        assertThat(first.counts().get("risk-matrix", "nominals")).isEqualTo(CASES);

        // the risk matrix: every demo nominal is there, in the invented areas, each seen by the offender
        // manager of the team covering his area (north: Northshire, Midwick; south: the rest) and by no other
        assertThat(new NominalsApi(RiskMatrixClients.as("offender-manager" + team("Northshire")))
                        .searchNominals(null, null, null, "Northshire", null, 0, 100)
                        .getItems())
                .isNotEmpty();
        CohortPage cohort = new CohortApi(RiskMatrixClients.as("offender-manager"))
                .getCohort(null, null, "Northshire", null, null, 0, 100);
        assertThat(cohort.getItems()).isNotEmpty();
        Map<String, String> teamOf = new HashMap<>();
        for (String area : PopulationPlanner.AREAS) {
            String ours = team(area);
            String theirs = ours.isEmpty() ? "-south" : "";
            new NominalsApi(RiskMatrixClients.as("offender-manager" + ours))
                    .searchNominals(null, null, null, area, null, 0, 200).getItems().stream()
                            .filter(n -> n.getPoliceId().startsWith("99/"))
                            .forEach(n -> teamOf.put(n.getCaseId(), ours));
            assertThat(new NominalsApi(RiskMatrixClients.as("offender-manager" + theirs))
                            .searchNominals(null, null, null, area, null, 0, 200)
                            .getItems())
                    .as(area + " to the other team")
                    .isEmpty();
        }
        List<String> caseIds = List.copyOf(teamOf.keySet());
        assertThat(caseIds).hasSize(CASES);
        assertThat(Set.copyOf(teamOf.values())).as("people in both teams").containsExactlyInAnyOrder("", "-south");

        // the programme: referrals from the risk matrix's outbox and from other sources, in varied statuses,
        // each held by the team of the person's area
        List<Referral> referrals = caseIds.stream()
                .flatMap(caseId ->
                        Clients.referrals("facilitator" + teamOf.get(caseId)).listCaseReferrals(caseId).stream())
                .toList();
        assertThat(referrals).extracting(r -> r.getSource().getValue()).contains("RISK_MATRIX");
        assertThat(referrals.stream().map(r -> r.getSource().getValue()).collect(Collectors.toSet()))
                .hasSizeGreaterThan(1);
        assertThat(referrals)
                .allSatisfy(r -> assertThat(r.getTeam())
                        .isEqualTo(teamOf.get(r.getCaseId()).isEmpty() ? "north" : "south"));
        // a one-to-one case is on the caseload of someone of its team who signs in: its facilitator or service manager
        assertThat(referrals.stream().filter(r -> r.getCaseManager() != null))
                .allSatisfy(r -> assertThat(r.getCaseManager())
                        .isIn(
                                "demo-facilitator" + teamOf.get(r.getCaseId()),
                                "demo-service-manager" + teamOf.get(r.getCaseId())));
        Set<String> statuses =
                referrals.stream().map(r -> r.getStatus().getValue()).collect(Collectors.toSet());
        assertThat(statuses).hasSizeGreaterThanOrEqualTo(4);

        // partner support: tracks opened through the programme's outbox, and worked
        long tracks = caseIds.stream()
                .mapToLong(caseId -> Clients.partnerTracks("partner-support-worker" + teamOf.get(caseId))
                        .listPartnerTracks(caseId)
                        .size())
                .sum();
        assertThat(tracks)
                .isGreaterThan(0)
                .isEqualTo(first.counts().get("partner-support", "partner tracks (opened through the outbox)"));
        assertThat(first.counts().get("partner-support", "DASH assessments")).isGreaterThan(0);
        // a few MARAC referrals, which the partner support workers' day lists (one heard, with actions agreed)
        assertThat(first.counts().get("partner-support", "MARAC referrals")).isGreaterThan(0);
        long demoMeetings = java.util.stream.Stream.of("", "-south")
                .flatMap(t -> Clients.partnerSupportWork("partner-support-worker" + t).listMaracMeetings().stream())
                .filter(meeting -> teamOf.containsKey(meeting.getCaseId()))
                .count();
        assertThat(demoMeetings).isGreaterThan(0);

        // an urgent risk alert escalated by hand (nothing is 24 hours old yet): on its team's service manager's
        // escalation list, saying who escalated it and why
        int byHand = first.counts().get("programme", "risk alerts escalated by hand");
        assertThat(byHand).isPositive();
        List<Alert> escalatedByHand = java.util.stream.Stream.of("", "-south")
                .flatMap(t ->
                        ProgrammeClients.alerts("service-manager" + t).listEscalatedAlerts(0, 100).getItems().stream())
                .filter(alert -> teamOf.containsKey(alert.getCaseId())
                        && alert.getEscalationWay() == Alert.EscalationWayEnum.BY_HAND)
                .toList();
        assertThat(escalatedByHand).hasSize(byHand).allSatisfy(alert -> {
            assertThat(alert.getEscalatedBy()).startsWith("demo-facilitator");
            assertThat(alert.getEscalationReason()).contains("cannot wait");
        });

        // idempotent enough: a second run recognises every nominal and adds nothing
        Loader.Result second = DemoData.run(args);
        assertThat(second.failures()).isEmpty();
        assertThat(second.counts().get("risk-matrix", "skipped (already loaded)"))
                .isEqualTo(CASES);
        assertThat(second.counts().get("risk-matrix", "nominals")).isZero();
    }
}
