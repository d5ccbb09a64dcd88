package uk.dapp.web.partnersupport;

import java.util.List;
import uk.dapp.client.partnersupport.model.PartnerTrack;
import uk.dapp.client.partnersupport.model.TrackRecordKind;

/**
 * Whether partner support says the track will not record this now for want of her consent to support
 * (the track's {@code unavailableWithoutConsentToSupport}): the service decides, the page only says why
 * a form is not offered and links to recording the consent, rather than showing a form that would be refused.
 */
public final class ConsentToSupport {

    private ConsentToSupport() {}

    public static boolean neededFor(PartnerTrack track, TrackRecordKind kind) {
        List<TrackRecordKind> unavailable = track.getUnavailableWithoutConsentToSupport();
        return unavailable != null && unavailable.contains(kind);
    }
}
