package uk.dapp.programme.mywork;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.data.domain.Page;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;
import uk.dapp.programme.alert.Alert;
import uk.dapp.programme.alert.AlertController;
import uk.dapp.programme.api.WorkApi;
import uk.dapp.programme.api.model.AlertSectionDto;
import uk.dapp.programme.api.model.AwaitingAssessmentDto;
import uk.dapp.programme.api.model.AwaitingAssessmentPageDto;
import uk.dapp.programme.api.model.AwaitingAssessmentSectionDto;
import uk.dapp.programme.api.model.CaseloadSectionDto;
import uk.dapp.programme.api.model.FacilitatorCaseloadSectionDto;
import uk.dapp.programme.api.model.GroupSectionDto;
import uk.dapp.programme.api.model.ProgrammeWorkDto;
import uk.dapp.programme.api.model.ReferralSourceDto;
import uk.dapp.programme.api.model.ReferralStatusDto;
import uk.dapp.programme.api.model.ReviewSectionDto;
import uk.dapp.programme.api.model.RiskLevelDto;
import uk.dapp.programme.api.model.SessionSectionDto;
import uk.dapp.programme.api.model.WorkCaseloadItemDto;
import uk.dapp.programme.api.model.WorkReviewDto;
import uk.dapp.programme.api.model.WorkSessionDto;
import uk.dapp.programme.enrolment.web.FacilitatorLoadMapper;
import uk.dapp.programme.enrolment.web.GroupMapper;
import uk.dapp.programme.mywork.ProgrammeWork.CaseloadItem;
import uk.dapp.programme.mywork.ProgrammeWork.ReviewItem;
import uk.dapp.programme.mywork.ProgrammeWork.SessionItem;
import uk.dapp.programme.mywork.ProgrammeWork.Waiting;
import uk.dapp.programme.participant.Identity;

@RestController
class WorkController implements WorkApi {

    private final ProgrammeWorkService work;

    WorkController(ProgrammeWorkService work) {
        this.work = work;
    }

    @Override
    @PreAuthorize("hasAnyRole('facilitator', 'service-manager')")
    public ResponseEntity<ProgrammeWorkDto> getMyProgrammeWork(Integer limit) {
        ProgrammeWork w = work.work(limit);
        Instant now = w.asOf();
        ProgrammeWorkDto dto = new ProgrammeWorkDto()
                .asOf(now.atOffset(ZoneOffset.UTC))
                .caseload(new CaseloadSectionDto()
                        .total(w.caseload().total())
                        .items(map(w.caseload().items(), WorkController::caseloadItem)))
                .sessionsThisWeek(new SessionSectionDto()
                        .total(w.sessionsThisWeek().total())
                        .items(map(w.sessionsThisWeek().items(), WorkController::session)))
                .awaitingAssessment(new AwaitingAssessmentSectionDto()
                        .total(w.awaitingAssessment().total())
                        .items(map(w.awaitingAssessment().items(), waiting -> awaiting(waiting, now))))
                .reviews(reviews(w.reviews()))
                .alerts(alerts(w.alerts(), now));
        if (w.alertsToReview() != null) {
            dto.alertsToReview(alerts(w.alertsToReview(), now))
                    .escalations(alerts(w.escalations(), now))
                    .overdueReviews(reviews(w.overdueReviews()))
                    .groups(new GroupSectionDto()
                            .total(w.groups().total())
                            .items(map(w.groups().items(), g -> GroupMapper.toSummary(g.group()))))
                    .facilitatorCaseloads(new FacilitatorCaseloadSectionDto()
                            .total(w.facilitatorCaseloads().total())
                            .items(map(w.facilitatorCaseloads().items(), FacilitatorLoadMapper::toDto)));
        }
        return ResponseEntity.ok(dto);
    }

    @Override
    @PreAuthorize("hasAnyRole('facilitator', 'service-manager')")
    public ResponseEntity<AwaitingAssessmentPageDto> listReferralsAwaitingAssessment(Integer page, Integer size) {
        Page<Waiting> found = work.awaitingAssessment(page, size);
        Instant now = work.now();
        return ResponseEntity.ok(new AwaitingAssessmentPageDto()
                .items(map(found.getContent(), waiting -> awaiting(waiting, now)))
                .page(found.getNumber())
                .size(found.getSize())
                .totalItems(found.getTotalElements())
                .totalPages(found.getTotalPages()));
    }

    private static WorkCaseloadItemDto caseloadItem(CaseloadItem item) {
        var r = item.referral();
        return new WorkCaseloadItemDto()
                .referralId(UUID.fromString(r.referralId()))
                .caseId(r.caseId())
                .givenName(given(item.identity()))
                .familyName(family(item.identity()))
                .programmeCode(r.programmeCode())
                .status(ReferralStatusDto.valueOf(r.status().name()))
                .groupId(r.groupId() == null ? null : UUID.fromString(r.groupId()))
                .nextContactAt(item.nextContactAt()
                        .map(at -> at.atOffset(ZoneOffset.UTC))
                        .orElse(null))
                .reviewDueAt(
                        r.status().isActive() && r.nextReviewDue() != null
                                ? r.nextReviewDue().atOffset(ZoneOffset.UTC)
                                : null)
                .reviewOverdue(item.reviewOverdue())
                .openAlerts(item.openAlerts())
                .overdueAlerts(item.overdueAlerts());
    }

    private static WorkSessionDto session(SessionItem item) {
        var s = item.session();
        return new WorkSessionDto()
                .sessionId(UUID.fromString(s.sessionId()))
                .programmeCode(s.programmeCode())
                .scheduledAt(s.scheduledAt().atOffset(ZoneOffset.UTC))
                .groupId(s.groupId() == null ? null : UUID.fromString(s.groupId()))
                .groupName(item.groupName())
                .referralId(s.referralId() == null ? null : UUID.fromString(s.referralId()))
                .caseId(item.caseId())
                .participants(item.participants())
                .marked(item.marked());
    }

    private static AwaitingAssessmentDto awaiting(Waiting waiting, Instant now) {
        var r = waiting.referral();
        return new AwaitingAssessmentDto()
                .referralId(UUID.fromString(r.referralId()))
                .caseId(r.caseId())
                .givenName(given(waiting.identity()))
                .familyName(family(waiting.identity()))
                .programmeCode(r.programmeCode())
                .status(ReferralStatusDto.valueOf(r.status().name()))
                .source(ReferralSourceDto.valueOf(r.source().name()))
                .mandated(r.mandated())
                .riskLevel(RiskLevelDto.valueOf(r.riskLevel().name()))
                .referredAt(r.createdAt().atOffset(ZoneOffset.UTC))
                .daysWaiting((int) Math.max(
                        0, java.time.Duration.between(waiting.since(), now).toDays()));
    }

    private static ReviewSectionDto reviews(Section<ReviewItem> section) {
        return new ReviewSectionDto()
                .total(section.total())
                .overdue(section.overdue())
                .items(map(
                        section.items(),
                        item -> new WorkReviewDto()
                                .referralId(UUID.fromString(item.referral().referralId()))
                                .caseId(item.referral().caseId())
                                .givenName(given(item.identity()))
                                .familyName(family(item.identity()))
                                .programmeCode(item.referral().programmeCode())
                                .caseManager(item.referral().caseManager())
                                .dueAt(item.referral().nextReviewDue().atOffset(ZoneOffset.UTC))
                                .overdue(item.overdue())));
    }

    private static AlertSectionDto alerts(Section<Alert> section, Instant now) {
        return new AlertSectionDto()
                .total(section.total())
                .overdue(section.overdue())
                .items(map(section.items(), a -> AlertController.toDto(a, now)));
    }

    private static String given(Identity identity) {
        return identity == null ? null : identity.givenName();
    }

    private static String family(Identity identity) {
        return identity == null ? null : identity.familyName();
    }

    private static <T, D> List<D> map(List<T> items, Function<T, D> toDto) {
        return items.stream().map(toDto).toList();
    }
}
