package uk.dapp.partnersupport.track;

import java.net.URI;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;
import uk.dapp.partnersupport.api.PartnerTracksApi;
import uk.dapp.partnersupport.api.model.PartnerRelationshipDto;
import uk.dapp.partnersupport.api.model.PartnerTrackDto;
import uk.dapp.partnersupport.api.model.PartnerTrackOpenDto;
import uk.dapp.partnersupport.api.model.PartnerTrackStatusDto;
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
        return ResponseEntity.ok(service.ofCase(CaseId.parse(caseId)).stream().map(PartnerTrackController::toDto).toList());
    }

    @Override
    @PreAuthorize("hasRole('partner-support-worker')")
    public ResponseEntity<PartnerTrackDto> getPartnerTrack(UUID trackId) {
        return ResponseEntity.ok(toDto(service.get(trackId)));
    }

    private static PartnerTrackDto toDto(PartnerTrack track) {
        return new PartnerTrackDto()
                .trackId(UUID.fromString(track.trackId()))
                .caseId(track.caseId())
                .relationship(PartnerRelationshipDto.valueOf(track.relationship().name()))
                .partnerName(track.partnerName())
                .allocatedWorker(track.allocatedWorker())
                .status(PartnerTrackStatusDto.valueOf(track.status().name()))
                .openedAt(track.openedAt().atOffset(ZoneOffset.UTC));
    }
}
