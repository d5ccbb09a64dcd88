package uk.dapp.partnersupport.marac;

import org.springframework.stereotype.Component;
import uk.dapp.partnersupport.api.model.PartnerSubjectAccessDto;
import uk.dapp.partnersupport.track.PartnerExportPart;
import uk.dapp.partnersupport.track.PartnerTrack;

/** A partner's MARAC referrals in her subject access export. */
@Component
class MaracExport implements PartnerExportPart {

    private final MaracReferralRepository referrals;

    MaracExport(MaracReferralRepository referrals) {
        this.referrals = referrals;
    }

    @Override
    public void addTo(PartnerTrack track, PartnerSubjectAccessDto export) {
        referrals
                .findByTrackIdOrderByReferredOnDescReferredAtDesc(track.trackId())
                .forEach(referral -> export.addMaracReferralsItem(MaracController.toDto(referral)));
    }
}
