package uk.dapp.partnersupport.safetyplan;

import org.springframework.stereotype.Component;
import uk.dapp.partnersupport.api.model.PartnerSubjectAccessDto;
import uk.dapp.partnersupport.track.PartnerExportPart;
import uk.dapp.partnersupport.track.PartnerTrack;

@Component
class SafetyPlanExport implements PartnerExportPart {

    private final SafetyPlanRepository plans;

    SafetyPlanExport(SafetyPlanRepository plans) {
        this.plans = plans;
    }

    @Override
    public void addTo(PartnerTrack track, PartnerSubjectAccessDto export) {
        plans.findByTrackIdOrderByCreatedAtAsc(track.trackId())
                .forEach(plan -> export.addSafetyPlansItem(SafetyPlanController.toDto(plan)));
    }
}
