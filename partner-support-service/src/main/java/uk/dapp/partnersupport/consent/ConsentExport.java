package uk.dapp.partnersupport.consent;

import org.springframework.stereotype.Component;
import uk.dapp.partnersupport.api.model.PartnerSubjectAccessDto;
import uk.dapp.partnersupport.track.PartnerExportPart;
import uk.dapp.partnersupport.track.PartnerTrack;

@Component
class ConsentExport implements PartnerExportPart {

    private final ConsentRepository consents;

    ConsentExport(ConsentRepository consents) {
        this.consents = consents;
    }

    @Override
    public void addTo(PartnerTrack track, PartnerSubjectAccessDto export) {
        consents.findByTrackIdOrderByRecordedAtAsc(track.trackId())
                .forEach(consent -> export.addConsentsItem(ConsentController.toDto(consent)));
    }
}
