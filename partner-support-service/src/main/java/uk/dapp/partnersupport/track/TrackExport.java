package uk.dapp.partnersupport.track;

import org.springframework.stereotype.Component;
import uk.dapp.partnersupport.api.model.PartnerSubjectAccessDto;

/** The track itself, as a partner support worker sees it (the number given at referral in the clear: it is hers). */
@Component
class TrackExport implements PartnerExportPart {

    private final PartnerTrackService service;

    TrackExport(PartnerTrackService service) {
        this.service = service;
    }

    @Override
    public void addTo(PartnerTrack track, PartnerSubjectAccessDto export) {
        export.track(PartnerTrackController.toDto(track, service));
    }
}
