package uk.dapp.e2e.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import uk.dapp.client.partnersupport.model.PartnerTrack;
import uk.dapp.client.programme.model.PartnerDetails;
import uk.dapp.client.programme.model.ReferralCreate;
import uk.dapp.client.programme.model.ReferralSource;
import uk.dapp.client.programme.model.RiskLevel;
import uk.dapp.client.riskmatrix.model.Nominal;
import uk.dapp.client.riskmatrix.model.NominalCreate;
import uk.dapp.e2e.flows.Eventually;
import uk.dapp.e2e.support.Clients;

/**
 * A case with a partner, for the partner support worker's browser tests, made as it happens in use:
 * the north team's offender manager registers the nominal in Northshire, the north team's
 * facilitator refers him to Drive naming his ex-partner (with the number the referrer has), and the
 * programme's outbox opens her track at partner support, unallocated, in the north team. Every
 * partner value is unique to the case, so a page that shows one can be found by a plain search.
 */
record WebPartners(String caseId, UUID trackId, String partnerName, String referralPhone, String nominalFamilyName) {

    static WebPartners referredWithAPartner() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        Nominal nominal = Clients.nominals("offender-manager")
                .createNominal(new NominalCreate()
                        .givenName("Webby")
                        .familyName("Referington" + suffix)
                        .dateOfBirth(LocalDate.of(1984, 2, 11))
                        .policeId("24/" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999) + "P")
                        .area("Northshire"));
        String partnerName = "Parthena Fictitia" + suffix;
        String phone = "07700 900" + ThreadLocalRandom.current().nextInt(100, 1000);
        Clients.referrals("facilitator")
                .createReferral(new ReferralCreate()
                        .caseId(nominal.getCaseId())
                        .programmeCode("DRIVE-1TO1")
                        .source(ReferralSource.POLICE)
                        .mandated(false)
                        .riskLevel(RiskLevel.HIGH)
                        .partners(List.of(new PartnerDetails()
                                .relationship(PartnerDetails.RelationshipEnum.EX_PARTNER)
                                .name(partnerName)
                                .phone(phone))));
        PartnerTrack track = Eventually.until(
                        "her track opened from the referral",
                        () -> Clients.partnerTracks("partner-support-worker").listPartnerTracks(nominal.getCaseId()),
                        tracks -> !tracks.isEmpty())
                .getFirst();
        return new WebPartners(nominal.getCaseId(), track.getTrackId(), partnerName, phone, nominal.getFamilyName());
    }

    String trackPage() {
        return "/partner-support/tracks/" + trackId;
    }
}
