package uk.dapp.partnersupport.disclosure;

import org.springframework.stereotype.Component;
import uk.dapp.partnersupport.api.model.PartnerSubjectAccessDto;
import uk.dapp.partnersupport.track.PartnerExportPart;
import uk.dapp.partnersupport.track.PartnerTrack;

@Component
class DisclosureExport implements PartnerExportPart {

    private final DisclosureRepository disclosures;

    DisclosureExport(DisclosureRepository disclosures) {
        this.disclosures = disclosures;
    }

    @Override
    public void addTo(PartnerTrack track, PartnerSubjectAccessDto export) {
        disclosures
                .findByTrackIdOrderByRecordedAtAsc(track.trackId())
                .forEach(disclosure -> export.addDisclosuresItem(DisclosureController.toDto(disclosure)));
    }
}
