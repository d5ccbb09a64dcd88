package uk.dapp.partnersupport.consent;

import org.springframework.stereotype.Component;
import uk.dapp.partnersupport.track.SupportConsents;

/** Whether consent to support is in force now, asked at each record (never a copy taken earlier). */
@Component
class SupportConsentLookup implements SupportConsents {

    private final ConsentRepository consents;

    SupportConsentLookup(ConsentRepository consents) {
        this.consents = consents;
    }

    @Override
    public boolean inForce(String trackId) {
        return consents.findByTrackIdAndTypeAndStatus(trackId, ConsentType.SUPPORT, ConsentStatus.GIVEN).stream()
                .anyMatch(Consent::inForce);
    }
}
