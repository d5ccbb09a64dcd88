package uk.dapp.partnersupport.household;

import org.springframework.stereotype.Component;
import uk.dapp.partnersupport.api.model.PartnerSubjectAccessDto;
import uk.dapp.partnersupport.track.PartnerExportPart;
import uk.dapp.partnersupport.track.PartnerTrack;

@Component
class HouseholdExport implements PartnerExportPart {

    private final HouseholdRepository households;

    HouseholdExport(HouseholdRepository households) {
        this.households = households;
    }

    @Override
    public void addTo(PartnerTrack track, PartnerSubjectAccessDto export) {
        households
                .findById(track.trackId())
                .ifPresent(household -> export.household(HouseholdController.toDto(household)));
    }
}
