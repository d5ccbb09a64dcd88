package uk.dapp.e2e.flows;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.dapp.client.partnersupport.api.ConsentApi;
import uk.dapp.client.partnersupport.api.DisclosuresApi;
import uk.dapp.client.partnersupport.model.AbuseCategory;
import uk.dapp.client.partnersupport.model.ConsentNew;
import uk.dapp.client.partnersupport.model.ConsentType;
import uk.dapp.client.partnersupport.model.DisclosureNew;
import uk.dapp.client.partnersupport.model.PartnerRelationship;
import uk.dapp.client.partnersupport.model.PartnerTrack;
import uk.dapp.client.partnersupport.model.PartnerTrackOpen;
import uk.dapp.client.partnersupport.model.SharingScope;
import uk.dapp.client.programme.model.EngageReferralEvent;
import uk.dapp.client.programme.model.PartnerDetails;
import uk.dapp.client.programme.model.PartnersPassOn;
import uk.dapp.client.programme.model.Referral;
import uk.dapp.client.programme.model.RiskLevel;
import uk.dapp.client.programme.model.TimelineEntry;
import uk.dapp.client.riskmatrix.model.RoutingStatus;
import uk.dapp.e2e.programme.ProgrammeClients;
import uk.dapp.e2e.programme.ProgrammeSteps;
import uk.dapp.e2e.support.Clients;
import uk.dapp.e2e.support.ServiceProcess;
import uk.dapp.e2e.support.TheSystem;
import uk.dapp.platform.caseid.CaseId;

/**
 * Nothing lost, nothing doubled: each flow begun while its receiver is killed (-9) arrives once
 * the receiver is back; each flow whose sender is killed straight after its acknowledged write
 * arrives once the sender is back.
 */
class OutboxFaultE2ETest {

    private static final String PSW = "partner-support-worker";

    @Test
    void anEngageDecisionReachesAProgrammeKilledBeforeDeliveryOnceItIsBack() {
        String caseId = FlowFixtures.scoredNominal();
        ServiceProcess programme = TheSystem.get().service("programme-service");
        programme.kill();
        try {
            FlowFixtures.engage(caseId);
        } finally {
            programme.restart();
        }
        assertOneReferralFromTheRiskMatrix(caseId);
    }

    @Test
    void anEngageDecisionWhoseSenderIsKilledJustAfterItsWriteArrivesOnceTheSenderIsBack() {
        String caseId = FlowFixtures.scoredNominal();
        ServiceProcess riskMatrix = TheSystem.get().service("risk-matrix-service");
        FlowFixtures.engage(caseId);
        riskMatrix.kill();
        riskMatrix.restart();
        assertOneReferralFromTheRiskMatrix(caseId);
    }

    @Test
    void aDisclosureReachesAProgrammeKilledBeforeDeliveryAndOnceMoreWithItsSenderKilled() {
        String caseId = CaseId.generate(new SecureRandom()).value();
        // an open referral for the case, straight from the risk matrix's receiver, taken by the demo
        // users' team (north) as a real decision's is, so that the demo facilitator sees it (ADR 0012)
        ServiceAccounts.programmeAs("svc-risk-matrix")
                .receiveEngageReferral(
                        UUID.randomUUID(),
                        new EngageReferralEvent()
                                .caseId(caseId)
                                .pathway(EngageReferralEvent.PathwayEnum.DRIVE)
                                .riskLevel(RiskLevel.HIGH)
                                .decidedAt(OffsetDateTime.now(ZoneOffset.UTC))
                                .team("north"));
        UUID referralId = Clients.referrals("facilitator")
                .listCaseReferrals(caseId)
                .getFirst()
                .getReferralId();
        UUID trackId = Clients.partnerTracks(PSW)
                .openPartnerTrack(
                        caseId,
                        new PartnerTrackOpen()
                                .relationship(PartnerRelationship.CURRENT_PARTNER)
                                .partnerName("Fictional Partner"))
                .getTrackId();
        new ConsentApi(FlowFixtures.partnerSupport(PSW))
                .recordConsent(
                        trackId,
                        new ConsentNew()
                                .type(ConsentType.INFORMATION_SHARING)
                                .givenOn(LocalDate.now())
                                .scope(Set.of(SharingScope.PROGRAMME)));

        ServiceProcess programme = TheSystem.get().service("programme-service");
        programme.kill();
        try {
            disclose(trackId);
        } finally {
            programme.restart();
        }
        Eventually.until("the first risk alert in the programme", () -> alerts(referralId), a -> a.size() == 1);

        ServiceProcess partnerSupport = TheSystem.get().service("partner-support-service");
        disclose(trackId);
        partnerSupport.kill();
        partnerSupport.restart();
        Eventually.until("the second risk alert in the programme", () -> alerts(referralId), a -> a.size() == 2);
        Eventually.settle();
        assertThat(alerts(referralId)).hasSize(2);
    }

    @Test
    void partnersAndAnExitReachReceiversKilledBeforeDeliveryAndOnceMoreWithTheirSenderKilled() {
        String caseId = FlowFixtures.engagedNominal();
        UUID referralId = referralOf(caseId);
        ServiceProcess programme = TheSystem.get().service("programme-service");
        ServiceProcess partnerSupport = TheSystem.get().service("partner-support-service");
        ServiceProcess riskMatrix = TheSystem.get().service("risk-matrix-service");

        partnerSupport.kill();
        try {
            passOn(referralId, "Fictional Faultpartner A");
        } finally {
            partnerSupport.restart();
        }
        Eventually.until("the first track", () -> tracks(caseId), t -> t.size() == 1);

        passOn(referralId, "Fictional Faultpartner B");
        programme.kill();
        programme.restart();
        Eventually.until("the second track", () -> tracks(caseId), t -> t.size() == 2);

        ProgrammeSteps.toComplianceReview(referralId, "DRIVE-1TO1");
        partnerSupport.kill();
        riskMatrix.kill();
        try {
            ProgrammeSteps.exitForNonCompliance(referralId, "exclude");
        } finally {
            partnerSupport.restart();
            riskMatrix.restart();
        }
        assertExitArrivedOnce(caseId);
    }

    @Test
    void anExitWhoseSenderIsKilledJustAfterItsWriteArrivesOnceTheSenderIsBack() {
        String caseId = FlowFixtures.engagedNominal();
        UUID referralId = referralOf(caseId);
        Clients.partnerTracks(PSW)
                .openPartnerTrack(
                        caseId,
                        new PartnerTrackOpen()
                                .relationship(PartnerRelationship.EX_PARTNER)
                                .partnerName("Fictional Faultpartner C"));
        ProgrammeSteps.toComplianceReview(referralId, "DRIVE-1TO1");
        ServiceProcess programme = TheSystem.get().service("programme-service");
        ProgrammeSteps.exitForNonCompliance(referralId, "exclude");
        programme.kill();
        programme.restart();
        assertExitArrivedOnce(caseId);
    }

    private static void assertExitArrivedOnce(String caseId) {
        Eventually.until(
                "the nominal back for re-routing",
                () -> FlowFixtures.routing(caseId).getStatus(),
                status -> status == RoutingStatus.AWAITING_REROUTING);
        Eventually.until(
                "the exit on every track",
                () -> tracks(caseId),
                t -> t.stream().allMatch(track -> !track.getProgrammeExits().isEmpty()));
        Eventually.settle();
        assertThat(tracks(caseId))
                .allSatisfy(track -> assertThat(track.getProgrammeExits()).hasSize(1));
        assertThat(FlowFixtures.routing(caseId).getHistory())
                .filteredOn(change -> "programme-exit".equals(change.getMove()))
                .hasSize(1);
    }

    private static UUID referralOf(String caseId) {
        return Eventually.until(
                        "a referral from the risk matrix",
                        () -> Clients.referrals("facilitator").listCaseReferrals(caseId),
                        referrals -> !referrals.isEmpty())
                .getFirst()
                .getReferralId();
    }

    private static void passOn(UUID referralId, String name) {
        Clients.referrals("facilitator")
                .passOnPartners(
                        referralId,
                        new PartnersPassOn()
                                .partners(List.of(new PartnerDetails()
                                        .relationship(PartnerDetails.RelationshipEnum.CURRENT_PARTNER)
                                        .name(name))));
    }

    /** The case's tracks, each read whole (the list leaves out the exits). */
    private static List<PartnerTrack> tracks(String caseId) {
        var api = Clients.partnerTracks(PSW);
        return api.listPartnerTracks(caseId).stream()
                .map(t -> api.getPartnerTrack(t.getTrackId()))
                .toList();
    }

    private static void assertOneReferralFromTheRiskMatrix(String caseId) {
        Eventually.until(
                "a referral from the risk matrix",
                () -> Clients.referrals("facilitator").listCaseReferrals(caseId),
                referrals -> !referrals.isEmpty());
        Eventually.settle();
        List<Referral> referrals = Clients.referrals("facilitator").listCaseReferrals(caseId);
        assertThat(referrals)
                .singleElement()
                .satisfies(r -> assertThat(r.getSource().getValue()).isEqualTo("RISK_MATRIX"));
    }

    private static void disclose(UUID trackId) {
        new DisclosuresApi(FlowFixtures.partnerSupport(PSW))
                .recordDisclosure(
                        trackId,
                        new DisclosureNew()
                                .disclosedOn(LocalDate.now())
                                .category(AbuseCategory.THREATS)
                                .riskLevel(uk.dapp.client.partnersupport.model.RiskLevel.MEDIUM)
                                .account("synthetic account of threats by text message"));
    }

    private static List<TimelineEntry> alerts(UUID referralId) {
        return ProgrammeClients.views("facilitator").getTimeline(referralId).stream()
                .filter(e -> e.getKind() == TimelineEntry.KindEnum.ALERT)
                .toList();
    }
}
