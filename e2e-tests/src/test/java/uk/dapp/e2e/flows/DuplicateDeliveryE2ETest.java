package uk.dapp.e2e.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClientResponseException;
import uk.dapp.client.partnersupport.model.PartnerReferralEvent;
import uk.dapp.client.partnersupport.model.PartnerRelationship;
import uk.dapp.client.partnersupport.model.ReferralHeldEvent;
import uk.dapp.client.partnersupport.model.ReferredPartner;
import uk.dapp.client.programme.model.EngageReferralEvent;
import uk.dapp.client.programme.model.Referral;
import uk.dapp.client.programme.model.RiskAlertEvent;
import uk.dapp.client.programme.model.RiskLevel;
import uk.dapp.client.programme.model.TimelineEntry;
import uk.dapp.client.programme.model.TrackHeldEvent;
import uk.dapp.client.riskmatrix.model.ProgrammeExitEvent;
import uk.dapp.client.riskmatrix.model.Routing;
import uk.dapp.client.riskmatrix.model.RoutingStatus;
import uk.dapp.e2e.programme.ProgrammeClients;
import uk.dapp.e2e.support.Clients;
import uk.dapp.e2e.support.Http;
import uk.dapp.e2e.support.TheSystem;
import uk.dapp.platform.caseid.CaseId;

/**
 * Every receiver, given the same message twice with the sender's real service-account token, has
 * one effect; a service that is not the sender is refused.
 */
class DuplicateDeliveryE2ETest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void anEngageReferralAndARiskAlertDeliveredTwiceEachHaveOneEffect() {
        String caseId = CaseId.generate(RANDOM).value();
        UUID engage = UUID.randomUUID();
        // taken by the demo users' team (north), as a real decision's is, so the demo facilitator sees it
        EngageReferralEvent event = new EngageReferralEvent()
                .caseId(caseId)
                .pathway(EngageReferralEvent.PathwayEnum.DRIVE)
                .riskLevel(RiskLevel.HIGH)
                .decidedAt(OffsetDateTime.now(ZoneOffset.UTC))
                .dateOfBirth(LocalDate.of(1985, 3, 3))
                .team("north");
        var programme = ServiceAccounts.programmeAs("svc-risk-matrix");
        programme.receiveEngageReferral(engage, event);
        programme.receiveEngageReferral(engage, event);
        List<Referral> referrals = Clients.referrals("facilitator").listCaseReferrals(caseId);
        assertThat(referrals)
                .singleElement()
                .satisfies(r -> assertThat(r.getSource().getValue()).isEqualTo("RISK_MATRIX"));

        UUID alert = UUID.randomUUID();
        RiskAlertEvent risk = new RiskAlertEvent()
                .caseId(caseId)
                .level(RiskLevel.MEDIUM)
                .category(RiskAlertEvent.CategoryEnum.COERCIVE_CONTROL)
                .disclosedOn(LocalDate.now().minusDays(1));
        var fromPartnerSupport = ServiceAccounts.programmeAs("svc-partner-support");
        fromPartnerSupport.receiveRiskAlert(alert, risk);
        fromPartnerSupport.receiveRiskAlert(alert, risk);
        List<TimelineEntry> timeline = ProgrammeClients.views("facilitator")
                .getTimeline(referrals.getFirst().getReferralId());
        assertThat(timeline)
                .filteredOn(e -> e.getKind() == TimelineEntry.KindEnum.ALERT)
                .hasSize(1);

        // only the sender the contract names may deliver it
        assertThatThrownBy(() -> ServiceAccounts.programmeAs("svc-partner-support")
                        .receiveEngageReferral(UUID.randomUUID(), event))
                .isInstanceOfSatisfying(
                        RestClientResponseException.class,
                        e -> assertThat(e.getStatusCode().value()).isEqualTo(403));
    }

    @Test
    void aPartnerReferralAndAnExitDeliveredTwiceOpenEachTrackOnceAndShowTheExitOnce() {
        String caseId = CaseId.generate(RANDOM).value();
        UUID message = UUID.randomUUID();
        // held by the referral's team (north), as a real referral's tracks are, so the demo worker sees them
        PartnerReferralEvent event = new PartnerReferralEvent()
                .caseId(caseId)
                .referralId(UUID.randomUUID())
                .programmeCode("CHANGE-GROUP")
                .referredAt(OffsetDateTime.now(ZoneOffset.UTC))
                .team("north")
                .partners(List.of(
                        new ReferredPartner()
                                .relationship(PartnerRelationship.CURRENT_PARTNER)
                                .name("Fictional Partner A")
                                .phone("07700 900123"),
                        new ReferredPartner()
                                .relationship(PartnerRelationship.EX_PARTNER)
                                .name("Fictional Partner B")));
        var partnerSupport = ServiceAccounts.partnerSupportAs("svc-programme");
        partnerSupport.receivePartnerReferral(message, event);
        partnerSupport.receivePartnerReferral(message, event);
        var tracks = Clients.partnerTracks("partner-support-worker");
        assertThat(tracks.listPartnerTracks(caseId)).hasSize(2);

        UUID exitMessage = UUID.randomUUID();
        uk.dapp.client.partnersupport.model.ProgrammeExitEvent exit =
                new uk.dapp.client.partnersupport.model.ProgrammeExitEvent()
                        .caseId(caseId)
                        .referralId(event.getReferralId())
                        .programmeCode("CHANGE-GROUP")
                        .exitStatus(uk.dapp.client.partnersupport.model.ProgrammeExitEvent.ExitStatusEnum.DROPPED_OUT)
                        .nonCompliance(true)
                        .exitedAt(OffsetDateTime.now(ZoneOffset.UTC));
        partnerSupport.receiveProgrammeExit(exitMessage, exit);
        partnerSupport.receiveProgrammeExit(exitMessage, exit);
        assertThat(tracks.listPartnerTracks(caseId))
                .allSatisfy(track -> assertThat(
                                tracks.getPartnerTrack(track.getTrackId()).getProgrammeExits())
                        .hasSize(1));
    }

    @Test
    void holdingsDeliveredTwiceOrLateLeaveTheNewestStateOfEachReferralAndTrack() {
        String caseId = CaseId.generate(RANDOM).value();
        String summary = TheSystem.get().api("partner-support") + "/cases/" + caseId + "/partner-support-summary";
        String programmeStatus = TheSystem.get().api("programme") + "/cases/" + caseId + "/programme-status";

        var partnerSupport = ServiceAccounts.partnerSupportAs("svc-programme");
        UUID referralId = UUID.randomUUID();
        UUID opened = UUID.randomUUID();
        ReferralHeldEvent open = new ReferralHeldEvent()
                .caseId(caseId)
                .referralId(referralId)
                .held(true)
                .sequence(1L);
        partnerSupport.receiveReferralHolding(opened, open);
        partnerSupport.receiveReferralHolding(opened, open);
        assertThat(statusFor("facilitator", summary)).isEqualTo(200);
        partnerSupport.receiveReferralHolding(
                UUID.randomUUID(),
                new ReferralHeldEvent()
                        .caseId(caseId)
                        .referralId(referralId)
                        .held(false)
                        .sequence(4L));
        // the opening again, late: older than the closing, it changes nothing
        partnerSupport.receiveReferralHolding(opened, open);
        assertThat(statusFor("facilitator", summary)).isEqualTo(404);

        var programme = ServiceAccounts.programmeAs("svc-partner-support");
        UUID trackRef = UUID.randomUUID();
        UUID trackOpened = UUID.randomUUID();
        TrackHeldEvent track = new TrackHeldEvent()
                .caseId(caseId)
                .trackRef(trackRef)
                .held(true)
                .sequence(1L);
        programme.receiveTrackHolding(trackOpened, track);
        programme.receiveTrackHolding(trackOpened, track);
        assertThat(statusFor("partner-support-worker", programmeStatus)).isEqualTo(200);
        programme.receiveTrackHolding(
                UUID.randomUUID(),
                new TrackHeldEvent()
                        .caseId(caseId)
                        .trackRef(trackRef)
                        .held(false)
                        .sequence(2L));
        programme.receiveTrackHolding(trackOpened, track);
        assertThat(statusFor("partner-support-worker", programmeStatus)).isEqualTo(404);

        // only the sender the contract names may deliver it
        assertThatThrownBy(() ->
                        ServiceAccounts.programmeAs("svc-programme").receiveTrackHolding(UUID.randomUUID(), track))
                .isInstanceOfSatisfying(
                        RestClientResponseException.class,
                        e -> assertThat(e.getStatusCode().value()).isEqualTo(403));
        assertThatThrownBy(() -> ServiceAccounts.partnerSupportAs("svc-partner-support")
                        .receiveReferralHolding(UUID.randomUUID(), open))
                .isInstanceOfSatisfying(
                        RestClientResponseException.class,
                        e -> assertThat(e.getStatusCode().value()).isEqualTo(403));
    }

    private static int statusFor(String role, String url) {
        return Http.get(url, TheSystem.get().keycloak().tokenFor(role)).statusCode();
    }

    @Test
    void aProgrammeExitDeliveredTwiceReturnsTheNominalForReroutingOnce() {
        String caseId = FlowFixtures.engagedNominal();
        int before = FlowFixtures.routing(caseId).getHistory().size();
        UUID message = UUID.randomUUID();
        ProgrammeExitEvent exit = new ProgrammeExitEvent()
                .caseId(caseId)
                .referralId(UUID.randomUUID())
                .programmeCode("DRIVE-1TO1")
                .exitStatus(ProgrammeExitEvent.ExitStatusEnum.BREACHED)
                .nonCompliance(true)
                .exitedAt(OffsetDateTime.now(ZoneOffset.UTC));
        var riskMatrix = ServiceAccounts.riskMatrixAs("svc-programme");
        riskMatrix.receiveProgrammeExit(message, exit);
        riskMatrix.receiveProgrammeExit(message, exit);
        Routing routing = FlowFixtures.routing(caseId);
        assertThat(routing.getStatus()).isEqualTo(RoutingStatus.AWAITING_REROUTING);
        assertThat(routing.getHistory()).hasSize(before + 1);
    }
}
