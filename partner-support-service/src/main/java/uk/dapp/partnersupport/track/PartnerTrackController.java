package uk.dapp.partnersupport.track;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;
import uk.dapp.partnersupport.api.PartnerTracksApi;
import uk.dapp.partnersupport.api.model.AllocationDto;
import uk.dapp.partnersupport.api.model.CloseReasonDto;
import uk.dapp.partnersupport.api.model.OverdueFirstContactDto;
import uk.dapp.partnersupport.api.model.PartnerRelationshipDto;
import uk.dapp.partnersupport.api.model.PartnerTrackDto;
import uk.dapp.partnersupport.api.model.PartnerTrackOpenDto;
import uk.dapp.partnersupport.api.model.PartnerTrackStatusDto;
import uk.dapp.partnersupport.api.model.RiskLevelDto;
import uk.dapp.partnersupport.api.model.StatusChangeDto;
import uk.dapp.partnersupport.api.model.TrackClosureDto;
import uk.dapp.partnersupport.common.Times;
import uk.dapp.platform.caseid.CaseId;

@RestController
class PartnerTrackController implements PartnerTracksApi {

    private final PartnerTrackService service;

    PartnerTrackController(PartnerTrackService service) {
        this.service = service;
    }

    @Override
    @PreAuthorize("hasRole('partner-support-worker')")
    public ResponseEntity<PartnerTrackDto> openPartnerTrack(String caseId, PartnerTrackOpenDto body) {
        PartnerTrack track = service.open(CaseId.parse(caseId),
                PartnerRelationship.valueOf(body.getRelationship().name()), body.getPartnerName(),
                body.getAllocatedWorker());
        return ResponseEntity.created(URI.create("/partner-tracks/" + track.trackId())).body(toDto(track));
    }

    @Override
    @PreAuthorize("hasRole('partner-support-worker')")
    public ResponseEntity<List<PartnerTrackDto>> listPartnerTracks(String caseId) {
        return ResponseEntity.ok(service.ofCase(CaseId.parse(caseId)).stream().map(this::toDto).toList());
    }

    @Override
    @PreAuthorize("hasRole('partner-support-worker')")
    public ResponseEntity<PartnerTrackDto> getPartnerTrack(UUID trackId) {
        return ResponseEntity.ok(toDto(service.get(trackId)));
    }

    @Override
    @PreAuthorize("hasRole('partner-support-worker')")
    public ResponseEntity<PartnerTrackDto> allocatePartnerTrack(UUID trackId, AllocationDto body) {
        return ResponseEntity.ok(toDto(service.allocate(trackId, body.getAllocatedWorker(), body.getVersion())));
    }

    @Override
    @PreAuthorize("hasRole('partner-support-worker')")
    public ResponseEntity<PartnerTrackDto> closePartnerTrack(UUID trackId, TrackClosureDto body) {
        return ResponseEntity.ok(toDto(service.close(trackId, CloseReason.valueOf(body.getReason().name()),
                body.getNote(), body.getVersion())));
    }

    @Override
    @PreAuthorize("hasRole('partner-support-worker')")
    public ResponseEntity<List<OverdueFirstContactDto>> listOverdueFirstContacts() {
        return ResponseEntity.ok(service.overdueFirstContacts().stream()
                .map(o -> new OverdueFirstContactDto(UUID.fromString(o.trackId()), o.caseId(), o.allocatedWorker(),
                        o.firstContactDueOn(), o.workingDaysOverdue()))
                .toList());
    }

    private PartnerTrackDto toDto(PartnerTrack track) {
        return new PartnerTrackDto()
                .trackId(UUID.fromString(track.trackId()))
                .caseId(track.caseId())
                .relationship(PartnerRelationshipDto.valueOf(track.relationship().name()))
                .partnerName(track.partnerName())
                .allocatedWorker(track.allocatedWorker())
                .status(PartnerTrackStatusDto.valueOf(track.status().name()))
                .openedAt(Times.utc(track.openedAt()))
                .firstContactDueOn(track.firstContactDueOn())
                .firstContactAttemptAt(Times.utc(track.firstContactAttemptAt()))
                .contactMade(track.contactMade())
                .currentRiskLevel(track.currentRiskLevel() == null ? null
                        : RiskLevelDto.valueOf(track.currentRiskLevel().name()))
                .closeReason(track.closeReason() == null ? null : CloseReasonDto.valueOf(track.closeReason().name()))
                .allowedMoves(service.allowedMoves(track))
                .history(track.history().stream()
                        .map(h -> new StatusChangeDto(h.to(), h.move(), h.by(), Times.utc(h.at()))
                                .from(h.from()).reason(h.reason()))
                        .toList())
                .version(track.version());
    }
}
