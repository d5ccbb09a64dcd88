package uk.dapp.partnersupport.dash;

import org.springframework.stereotype.Component;
import uk.dapp.partnersupport.api.model.PartnerSubjectAccessDto;
import uk.dapp.partnersupport.track.PartnerExportPart;
import uk.dapp.partnersupport.track.PartnerTrack;

@Component
class DashExport implements PartnerExportPart {

    private final DashAssessmentRepository assessments;

    DashExport(DashAssessmentRepository assessments) {
        this.assessments = assessments;
    }

    @Override
    public void addTo(PartnerTrack track, PartnerSubjectAccessDto export) {
        assessments
                .findByTrackIdOrderByVersionNumberDesc(track.trackId())
                .forEach(assessment -> export.addDashAssessmentsItem(DashController.toDto(assessment)));
    }
}
