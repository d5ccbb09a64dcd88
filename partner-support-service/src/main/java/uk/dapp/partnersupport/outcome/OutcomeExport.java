package uk.dapp.partnersupport.outcome;

import org.springframework.stereotype.Component;
import uk.dapp.partnersupport.api.model.PartnerSubjectAccessDto;
import uk.dapp.partnersupport.track.PartnerExportPart;
import uk.dapp.partnersupport.track.PartnerTrack;

@Component
class OutcomeExport implements PartnerExportPart {

    private final OutcomeService outcomes;

    OutcomeExport(OutcomeService outcomes) {
        this.outcomes = outcomes;
    }

    @Override
    public void addTo(PartnerTrack track, PartnerSubjectAccessDto export) {
        export.outcomes(OutcomeController.toDto(outcomes.summaryOf(track)));
    }
}
