package uk.dapp.partnersupport.mywork;

import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;
import uk.dapp.partnersupport.api.WorkApi;
import uk.dapp.partnersupport.api.model.ExitContactSectionDto;
import uk.dapp.partnersupport.api.model.FirstContactDueDto;
import uk.dapp.partnersupport.api.model.FirstContactSectionDto;
import uk.dapp.partnersupport.api.model.MaracMeetingDueDto;
import uk.dapp.partnersupport.api.model.MaracMeetingSectionDto;
import uk.dapp.partnersupport.api.model.PartnerRelationshipDto;
import uk.dapp.partnersupport.api.model.PartnerSupportWorkDto;
import uk.dapp.partnersupport.api.model.RiskLevelDto;
import uk.dapp.partnersupport.api.model.SafetyPlanReviewDueDto;
import uk.dapp.partnersupport.api.model.SafetyPlanReviewSectionDto;
import uk.dapp.partnersupport.api.model.TrackDueKindDto;
import uk.dapp.partnersupport.api.model.TrackWorkItemDto;
import uk.dapp.partnersupport.api.model.TrackWorkPageDto;
import uk.dapp.partnersupport.api.model.TrackWorkSectionDto;
import uk.dapp.partnersupport.api.model.UnallocatedSectionDto;
import uk.dapp.partnersupport.common.Times;
import uk.dapp.partnersupport.mywork.PartnerSupportWork.MaracMeeting;
import uk.dapp.partnersupport.mywork.PartnerSupportWork.TrackDue;
import uk.dapp.partnersupport.track.PartnerTrack;
import uk.dapp.partnersupport.track.TrackDtos;

@RestController
class WorkController implements WorkApi {

    private final PartnerSupportWorkService work;

    WorkController(PartnerSupportWorkService work) {
        this.work = work;
    }

    @Override
    @PreAuthorize("hasRole('partner-support-worker')")
    public ResponseEntity<PartnerSupportWorkDto> getMyPartnerSupportWork(Integer limit) {
        PartnerSupportWork w = work.work(limit);
        return ResponseEntity.ok(new PartnerSupportWorkDto(
                Times.utc(w.asOf()),
                new TrackWorkSectionDto(
                        w.myTracks().total(),
                        w.myTracks().items().stream().map(WorkController::item).toList()),
                new UnallocatedSectionDto(
                        w.unallocated().total(),
                        w.unallocated().items().stream()
                                .map(TrackDtos::unallocated)
                                .toList()),
                new FirstContactSectionDto(
                        w.firstContacts().total(),
                        w.firstContacts().overdue(),
                        w.firstContacts().items().stream()
                                .map(f -> new FirstContactDueDto(
                                                UUID.fromString(f.track().trackId()),
                                                f.track().caseId(),
                                                f.track().firstContactDueOn(),
                                                f.overdue(),
                                                f.workingDays())
                                        .allocatedWorker(f.track().allocatedWorker()))
                                .toList()),
                new ExitContactSectionDto(
                        w.exitContactPrompts().total(),
                        w.exitContactPrompts().overdue(),
                        w.exitContactPrompts().items().stream()
                                .map(TrackDtos::exitContactPrompt)
                                .toList()),
                new SafetyPlanReviewSectionDto(
                        w.safetyPlanReviews().total(),
                        w.safetyPlanReviews().overdue(),
                        w.safetyPlanReviews().items().stream()
                                .map(r -> new SafetyPlanReviewDueDto(
                                                UUID.fromString(r.plan().planId()),
                                                UUID.fromString(r.track().trackId()),
                                                r.track().caseId(),
                                                r.plan().reviewOn(),
                                                r.overdue())
                                        .allocatedWorker(r.track().allocatedWorker()))
                                .toList()),
                new MaracMeetingSectionDto(
                        w.maracMeetings().total(),
                        w.maracMeetings().overdue(),
                        w.maracMeetings().items().stream()
                                .map(WorkController::meeting)
                                .toList())));
    }

    @Override
    @PreAuthorize("hasRole('partner-support-worker')")
    public ResponseEntity<List<MaracMeetingDueDto>> listMaracMeetings() {
        return ResponseEntity.ok(
                work.maracMeetings().stream().map(WorkController::meeting).toList());
    }

    private static MaracMeetingDueDto meeting(MaracMeeting m) {
        return new MaracMeetingDueDto(
                        UUID.fromString(m.referral().maracReferralId()),
                        UUID.fromString(m.track().trackId()),
                        m.track().caseId(),
                        m.referral().referredOn(),
                        m.meetingDueBy(),
                        m.overdue(),
                        m.near())
                .meetingOn(m.referral().meetingOn())
                .allocatedWorker(m.track().allocatedWorker());
    }

    @Override
    @PreAuthorize("hasRole('partner-support-worker')")
    public ResponseEntity<TrackWorkPageDto> listTeamTracks(String worker, Integer page, Integer size) {
        PartnerSupportWorkService.Page found = work.tracks(worker, page, size);
        return ResponseEntity.ok(new TrackWorkPageDto(
                found.items().stream().map(WorkController::item).toList(),
                found.page(),
                found.size(),
                found.totalItems(),
                found.totalPages()));
    }

    private static TrackWorkItemDto item(TrackDue due) {
        PartnerTrack track = due.track();
        TrackWorkItemDto item = new TrackWorkItemDto(
                        UUID.fromString(track.trackId()),
                        track.caseId(),
                        PartnerRelationshipDto.valueOf(track.relationship().name()),
                        Times.utc(track.openedAt()),
                        track.contactMade())
                .allocatedWorker(track.allocatedWorker())
                .lastContactAttemptAt(Times.utc(track.lastContactAttemptAt()))
                .currentRiskLevel(
                        track.currentRiskLevel() == null
                                ? null
                                : RiskLevelDto.valueOf(track.currentRiskLevel().name()))
                .overdue(due.overdue())
                .version(track.version());
        due.due()
                .ifPresent(d -> item.nextDue(TrackDueKindDto.valueOf(d.kind().name()))
                        .nextDueOn(d.on())
                        .workingDays(due.workingDays()));
        return item;
    }
}
