package uk.dapp.partnersupport.marac;

import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Service;

/** The open MARAC referrals (no outcome yet) of some tracks, for the worker's day; unaudited: the caller audits. */
@Service
public class OpenMaracReferrals {

    private final MaracReferralRepository referrals;

    OpenMaracReferrals(MaracReferralRepository referrals) {
        this.referrals = referrals;
    }

    public List<MaracReferral> of(Collection<String> trackIds) {
        return trackIds.isEmpty() ? List.of() : referrals.findByOpenSlotAndTrackIdIn(MaracReferral.OPEN, trackIds);
    }
}
