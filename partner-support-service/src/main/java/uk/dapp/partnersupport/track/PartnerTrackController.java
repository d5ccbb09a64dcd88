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
import uk.dapp.partnersupport.api.model.ExitContactPromptDto;
import uk.dapp.partnersupport.api.model.ExitStatusDto;
import uk.dapp.partnersupport.api.model.OverdueFirstContactDto;
import uk.dapp.partnersupport.api.model.PartnerRelationshipDto;
import uk.dapp.partnersupport.api.model.PartnerTrackDto;
import uk.dapp.partnersupport.api.model.PartnerTrackOpenDto;
import uk.dapp.partnersupport.api.model.PartnerTrackStatusDto;
import uk.dapp.partnersupport.api.model.ProgrammeExitNoticeDto;
import uk.dapp.partnersupport.api.model.ReferralOriginDto;
import uk.dapp.partnersupport.api.model.RiskLevelDto;
import uk.dapp.partnersupport.api.model.StatusChangeDto;
import uk.dapp.partnersupport.api.model.TrackClosureDto;
import uk.dapp.partnersupport.api.model.TrackRecordKindDto;
import uk.dapp.partnersupport.api.model.UnallocatedTrackDto;
import uk.dapp.partnersupport.common.Times;
import uk.dapp.platform.caseid.CaseId;

@RestController
class PartnerTrackController implements PartnerTracksApi {

    private final PartnerTrackService service;
    private final PartnerTrackWorklists worklists;
    private final ProgrammeExitNotices exits;

    PartnerTrackController(PartnerTrackService service, PartnerTrackWorklists worklists, ProgrammeExitNotices exits) {
        this.service = service;
        this.worklists = worklists;
        this.exits = exits;
    }

    @Override
    @PreAuthorize("hasRole('partner-support-worker')")
    public ResponseEntity<PartnerTrackDto> openPartnerTrack(String caseId, PartnerTrackOpenDto body) {
        PartnerTrack track = service.open(
                CaseId.parse(caseId),
                PartnerRelationship.valueOf(body.getRelationship().name()),
                body.getPartnerName(),
                body.getAllocatedWorker(),
                body.getTeam());
        return ResponseEntity.created(URI.create("/partner-tracks/" + track.trackId()))
                .body(toDto(track, service));
    }

    @Override
    @PreAuthorize("hasRole('partner-support-worker')")
    public ResponseEntity<List<PartnerTrackDto>> listPartnerTracks(String caseId) {
        return ResponseEntity.ok(service.ofCase(CaseId.parse(caseId)).stream()
                .map(track -> toDto(track, service))
                .toList());
    }

    @Override
    @PreAuthorize("hasRole('partner-support-worker')")
    public ResponseEntity<PartnerTrackDto> getPartnerTrack(UUID trackId) {
        return ResponseEntity.ok(toDto(service.get(trackId), service));
    }

    @Override
    @PreAuthorize("hasRole('partner-support-worker')")
    public ResponseEntity<PartnerTrackDto> allocatePartnerTrack(UUID trackId, AllocationDto body) {
        return ResponseEntity.ok(
                toDto(service.allocate(trackId, body.getAllocatedWorker(), body.getVersion()), service));
    }

    @Override
    @PreAuthorize("hasRole('partner-support-worker')")
    public ResponseEntity<PartnerTrackDto> closePartnerTrack(UUID trackId, TrackClosureDto body) {
        return ResponseEntity.ok(toDto(
                service.close(trackId, CloseReason.valueOf(body.getReason().name()), body.getNote(), body.getVersion()),
                service));
    }

    @Override
    @PreAuthorize("hasRole('partner-support-worker')")
    public ResponseEntity<List<OverdueFirstContactDto>> listOverdueFirstContacts() {
        return ResponseEntity.ok(worklists.overdueFirstContacts().stream()
                .map(o -> new OverdueFirstContactDto(
                                UUID.fromString(o.trackId()), o.caseId(), o.firstContactDueOn(), o.workingDaysOverdue())
                        .allocatedWorker(o.allocatedWorker()))
                .toList());
    }

    @Override
    @PreAuthorize("hasRole('partner-support-worker')")
    public ResponseEntity<List<UnallocatedTrackDto>> listUnallocatedTracks() {
        return ResponseEntity.ok(
                worklists.unallocated().stream().map(TrackDtos::unallocated).toList());
    }

    @Override
    @PreAuthorize("hasRole('partner-support-worker')")
    public ResponseEntity<List<ExitContactPromptDto>> listExitContactPrompts() {
        return ResponseEntity.ok(
                exits.outstanding().stream().map(TrackDtos::exitContactPrompt).toList());
    }

    /** The track as the contract shows it to a partner support worker; also for the partner's own export. */
    static PartnerTrackDto toDto(PartnerTrack track, PartnerTrackService service) {
        boolean consentToSupport = service.consentToSupportInForce(track);
        return new PartnerTrackDto()
                .trackId(UUID.fromString(track.trackId()))
                .caseId(track.caseId())
                .relationship(
                        PartnerRelationshipDto.valueOf(track.relationship().name()))
                .partnerName(service.partnerName(track))
                .allocatedWorker(track.allocatedWorker())
                .team(track.team())
                .status(PartnerTrackStatusDto.valueOf(track.status().name()))
                .openedAt(Times.utc(track.openedAt()))
                .firstContactDueOn(track.firstContactDueOn())
                .firstContactAttemptAt(Times.utc(track.firstContactAttemptAt()))
                .lastContactAttemptAt(Times.utc(track.lastContactAttemptAt()))
                .contactMade(track.contactMade())
                .referral(
                        track.referral() == null
                                ? null
                                : new ReferralOriginDto(
                                                UUID.fromString(track.referral().referralId()),
                                                track.referral().programmeCode(),
                                                Times.utc(track.referral().referredAt()))
                                        .phoneGivenAtReferral(service.referralPhone(track)))
                .programmeExits(track.programmeExits().stream()
                        .map(e -> new ProgrammeExitNoticeDto(
                                UUID.fromString(e.referralId()),
                                e.programmeCode(),
                                ExitStatusDto.valueOf(e.exitStatus().name()),
                                e.nonCompliance(),
                                Times.utc(e.exitedAt()),
                                Times.utc(e.receivedAt()),
                                e.contactDueOn(),
                                e.contactPromptDone(track.lastContactAttemptAt())))
                        .toList())
                .currentRiskLevel(
                        track.currentRiskLevel() == null
                                ? null
                                : RiskLevelDto.valueOf(track.currentRiskLevel().name()))
                .closeReason(
                        track.closeReason() == null
                                ? null
                                : CloseReasonDto.valueOf(track.closeReason().name()))
                .consentToSupport(consentToSupport)
                .unavailableWithoutConsentToSupport(ConsentToSupportRules.unavailable(consentToSupport).stream()
                        .map(kind -> TrackRecordKindDto.valueOf(kind.name()))
                        .toList())
                .allowedMoves(service.allowedMoves(track))
                .history(track.history().stream()
                        .map(h -> new StatusChangeDto(h.to(), h.move(), h.by(), Times.utc(h.at()))
                                .from(h.from())
                                .reason(h.reason()))
                        .toList())
                .version(track.version());
    }
}
