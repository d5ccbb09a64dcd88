package uk.dapp.e2e.flows;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import uk.dapp.client.partnersupport.api.ConsentApi;
import uk.dapp.client.partnersupport.api.DisclosuresApi;
import uk.dapp.client.partnersupport.model.AbuseCategory;
import uk.dapp.client.partnersupport.model.ConsentNew;
import uk.dapp.client.partnersupport.model.ConsentType;
import uk.dapp.client.partnersupport.model.Disclosure;
import uk.dapp.client.partnersupport.model.DisclosureNew;
import uk.dapp.client.partnersupport.model.PartnerTrack;
import uk.dapp.client.partnersupport.model.SharingScope;
import uk.dapp.client.programme.model.Alert;
import uk.dapp.client.programme.model.AlertReviewCreate;
import uk.dapp.client.programme.model.PartnerDetails;
import uk.dapp.client.programme.model.PartnersPassOn;
import uk.dapp.client.programme.model.Referral;
import uk.dapp.client.programme.model.TimelineEntry;
import uk.dapp.client.riskmatrix.model.RoutingStatus;
import uk.dapp.e2e.programme.ProgrammeClients;
import uk.dapp.e2e.programme.ProgrammeSteps;
import uk.dapp.e2e.support.CaseView;
import uk.dapp.e2e.support.Clients;

/**
 * One case through all three services, every step through the gateway with the real token of the
 * role that does it, every cross-service effect through an outbox: nominal scored, engage decision,
 * referral appears, partner passed on, partner track opens, disclosure, risk alert in the programme
 * with its 24-hour deadline, review, exit for non-compliance, nominal back for re-routing, and the
 * partner track shows the exit. The composed case view is checked for each role at each step.
 */
class CrossServiceJourneyE2ETest {

    private static final String OM = "offender-manager";
    private static final String FACILITATOR = "facilitator";
    private static final String MANAGER = "service-manager";
    private static final String PSW = "partner-support-worker";
    private static final String PARTNER = "Fictional Journeypartner";

    @Test
    void aCaseTravelsFromTheRiskMatrixThroughAProgrammeAndBackWithItsPartnerSupported() {
        // 1. scored on the risk matrix
        String caseId = FlowFixtures.scoredNominal();
        JsonNode view = CaseView.of(caseId, OM);
        assertThat(CaseView.status(view, "riskMatrix")).isEqualTo("AVAILABLE");
        assertThat(view.at("/riskMatrix/summary/routingStatus").asString()).isEqualTo("AWAITING_DECISION");
        assertThat(CaseView.status(CaseView.of(caseId, PSW), "riskMatrix")).isEqualTo("NOT_PERMITTED");

        // 2. engage: the referral appears in the programme under the same case ID
        FlowFixtures.engage(caseId);
        Referral referral = Eventually.until(
                        "a referral from the risk matrix",
                        () -> Clients.referrals(FACILITATOR).listCaseReferrals(caseId),
                        list -> !list.isEmpty())
                .getFirst();
        assertThat(referral.getSource().getValue()).isEqualTo("RISK_MATRIX");
        assertThat(referral.getProgrammeCode()).isEqualTo("DRIVE-1TO1");
        view = CaseView.of(caseId, FACILITATOR);
        assertThat(view.at("/riskMatrix/summary/routingStatus").asString()).isEqualTo("ENGAGED");
        assertThat(CaseView.status(view, "programme")).isEqualTo("AVAILABLE");

        // 3. the facilitator learns of a partner: partner support opens a track
        Clients.referrals(FACILITATOR)
                .passOnPartners(
                        referral.getReferralId(),
                        new PartnersPassOn()
                                .partners(List.of(new PartnerDetails()
                                        .relationship(PartnerDetails.RelationshipEnum.CURRENT_PARTNER)
                                        .name(PARTNER)
                                        .phone("07700 900456"))));
        PartnerTrack track = Eventually.until(
                        "a partner track",
                        () -> Clients.partnerTracks(PSW).listPartnerTracks(caseId),
                        list -> !list.isEmpty())
                .getFirst();
        assertThat(track.getPartnerName()).isEqualTo(PARTNER);
        assertThat(track.getReferral()).isNotNull();
        for (String role : List.of(OM, FACILITATOR, MANAGER, PSW)) {
            assertThat(CaseView.of(caseId, role).toString())
                    .as(role)
                    .doesNotContain(PARTNER)
                    .doesNotContain("900456");
        }
        assertThat(CaseView.of(caseId, OM)
                        .at("/partnerSupport/summary/trackExists")
                        .asBoolean())
                .isTrue();
        // the programme holds the case, partner support supports it: each learns so through the other's outbox
        Eventually.until(
                "the partner support summary for the facilitator",
                () -> CaseView.of(caseId, FACILITATOR)
                        .at("/partnerSupport/summary/trackExists")
                        .asBoolean(),
                exists -> exists);
        Eventually.until(
                "the programme status for the partner's worker",
                () -> CaseView.status(CaseView.of(caseId, PSW), "programme"),
                "AVAILABLE"::equals);

        // 4. a disclosure under sharing consent: a risk alert in the programme, due for review in 24 hours
        new ConsentApi(FlowFixtures.partnerSupport(PSW))
                .recordConsent(
                        track.getTrackId(),
                        new ConsentNew()
                                .type(ConsentType.INFORMATION_SHARING)
                                .givenOn(LocalDate.now())
                                .scope(Set.of(SharingScope.PROGRAMME)));
        Disclosure disclosure = new DisclosuresApi(FlowFixtures.partnerSupport(PSW))
                .recordDisclosure(
                        track.getTrackId(),
                        new DisclosureNew()
                                .disclosedOn(LocalDate.now())
                                .category(AbuseCategory.COERCIVE_CONTROL)
                                .riskLevel(uk.dapp.client.partnersupport.model.RiskLevel.MEDIUM)
                                .account("synthetic: checks the partner's phone every evening"));
        List<TimelineEntry> alerts = Eventually.until(
                "the risk alert in the programme",
                () -> ProgrammeClients.views(FACILITATOR).getTimeline(referral.getReferralId()).stream()
                        .filter(e -> e.getKind() == TimelineEntry.KindEnum.ALERT)
                        .toList(),
                list -> !list.isEmpty());
        assertThat(alerts).hasSize(1);
        assertThat(alerts.getFirst().getSummary()).doesNotContain("checks the partner's phone");
        Alert reviewed = ProgrammeClients.alerts(MANAGER)
                .reviewAlert(
                        disclosure.getAlertId(),
                        new AlertReviewCreate().actionsTaken("discussed at the case manager's next session"));
        assertThat(ChronoUnit.MINUTES.between(reviewed.getRaisedAt(), reviewed.getReviewDueBy()))
                .isEqualTo(24 * 60);
        assertThat(reviewed.getReviewedBy()).isNotBlank();

        // 5. exit for non-compliance: back to the risk matrix for a new decision; the partner track shows it
        // voluntary (a risk-matrix referral): excluded after the compliance review, not breached
        ProgrammeSteps.toComplianceReview(referral.getReferralId(), "DRIVE-1TO1");
        ProgrammeSteps.exitForNonCompliance(referral.getReferralId(), "exclude");
        Eventually.until(
                "the nominal back for re-routing",
                () -> FlowFixtures.routing(caseId).getStatus(),
                status -> status == RoutingStatus.AWAITING_REROUTING);
        PartnerTrack exited = Eventually.until(
                "the exit on the partner track",
                () -> Clients.partnerTracks(PSW).getPartnerTrack(track.getTrackId()),
                t -> !t.getProgrammeExits().isEmpty());
        assertThat(exited.getProgrammeExits()).singleElement().satisfies(exit -> {
            assertThat(exit.getExitStatus().getValue()).isEqualTo("EXCLUDED");
            assertThat(exit.getNonCompliance()).isTrue();
            assertThat(exit.getContactPromptDone()).isFalse();
        });
        view = CaseView.of(caseId, OM);
        assertThat(view.at("/riskMatrix/summary/routingStatus").asString()).isEqualTo("AWAITING_REROUTING");
        // the track is still open: the partner's worker still follows the programme status
        assertThat(CaseView.status(CaseView.of(caseId, PSW), "programme")).isEqualTo("AVAILABLE");
        // the case's only referral has ended: the programme no longer holds it, and its staff no longer see
        // partner support's summary
        Eventually.until(
                "the summary withdrawn from the facilitator",
                () -> CaseView.status(CaseView.of(caseId, FACILITATOR), "partnerSupport"),
                "NOT_FOUND"::equals);
    }
}
