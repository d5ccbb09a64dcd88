package uk.dapp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import uk.dapp.client.partnersupport.model.PartnerRelationship;
import uk.dapp.client.partnersupport.model.PartnerTrack;
import uk.dapp.client.partnersupport.model.PartnerTrackOpen;
import uk.dapp.client.programme.model.Referral;
import uk.dapp.client.programme.model.ReferralCreate;
import uk.dapp.client.programme.model.ReferralSource;
import uk.dapp.client.programme.model.RiskLevel;
import uk.dapp.client.riskmatrix.model.Nominal;
import uk.dapp.client.riskmatrix.model.NominalCreate;
import uk.dapp.e2e.support.Clients;

/** One case through the three services, each reached through the gateway by the role that works it. */
class SliceJourneyE2ETest {

    @Test
    void aNominalIsReferredAndItsPartnerGetsATrackAllUnderOneCaseId() {
        Nominal nominal = Clients.nominals("offender-manager")
                .createNominal(new NominalCreate()
                        .givenName("Fictional")
                        .familyName("Examplesson")
                        .dateOfBirth(LocalDate.of(1988, 2, 29))
                        .policeId("20/" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999) + "E")
                        .probationId("E123456")
                        .area("Northshire"));
        String caseId = nominal.getCaseId();
        assertThat(caseId).matches("[0-9A-Z]{6}-[0-9A-Z]{6}-[0-9A-Z]{6}");
        assertThat(Clients.nominals("offender-manager").getNominal(caseId).getFamilyName())
                .isEqualTo("Examplesson");

        Referral referral = Clients.referrals("offender-manager")
                .createReferral(new ReferralCreate()
                        .caseId(caseId)
                        .programmeCode("DRIVE-1TO1")
                        .source(ReferralSource.RISK_MATRIX)
                        .mandated(false)
                        .riskLevel(RiskLevel.HIGH));
        assertThat(referral.getCaseId()).isEqualTo(caseId);
        assertThat(referral.getReferredBy()).isEqualTo("demo-offender-manager");
        assertThat(Clients.referrals("facilitator")
                        .getReferral(referral.getReferralId())
                        .getStatus()
                        .getValue())
                .isEqualTo("REFERRED");
        assertThat(Clients.referrals("offender-manager")
                        .getReferral(referral.getReferralId())
                        .getCaseId())
                .isEqualTo(caseId);
        assertThat(Clients.referrals("service-manager").listCaseReferrals(caseId))
                .extracting(Referral::getReferralId)
                .containsExactly(referral.getReferralId());

        PartnerTrack track = Clients.partnerTracks("partner-support-worker")
                .openPartnerTrack(
                        caseId,
                        new PartnerTrackOpen()
                                .relationship(PartnerRelationship.EX_PARTNER)
                                .partnerName("Made-up Person"));
        assertThat(track.getAllocatedWorker()).isEqualTo("demo-partner-support-worker");
        assertThat(Clients.partnerTracks("partner-support-worker")
                        .getPartnerTrack(track.getTrackId())
                        .getCaseId())
                .isEqualTo(caseId);
        List<PartnerTrack> tracks =
                Clients.partnerTracks("partner-support-worker").listPartnerTracks(caseId);
        assertThat(tracks).extracting(PartnerTrack::getTrackId).containsExactly(track.getTrackId());
    }
}
