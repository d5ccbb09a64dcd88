package uk.dapp.programme.subjectaccess;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import uk.dapp.platform.api.model.SubjectAccessExportDto;
import uk.dapp.platform.audit.views.CaseSubjectAccess;
import uk.dapp.platform.audit.views.SubjectAccess;
import uk.dapp.platform.caseid.CaseId;
import uk.dapp.platform.problem.NotFoundException;
import uk.dapp.platform.security.AccessReason;
import uk.dapp.programme.alert.Alert;
import uk.dapp.programme.alert.AlertController;
import uk.dapp.programme.alert.AlertRepository;
import uk.dapp.programme.api.model.AttendanceOutcomeDto;
import uk.dapp.programme.api.model.AttendanceRecordDto;
import uk.dapp.programme.api.model.ProgrammeSubjectAccessDto;
import uk.dapp.programme.holding.TrackHoldings;
import uk.dapp.programme.participant.Participant;
import uk.dapp.programme.participant.ParticipantController;
import uk.dapp.programme.participant.ParticipantService;
import uk.dapp.programme.referral.Referral;
import uk.dapp.programme.referral.ReferralRepository;
import uk.dapp.programme.referral.web.ReferralMapper;
import uk.dapp.programme.review.ReviewController;
import uk.dapp.programme.review.ReviewRepository;
import uk.dapp.programme.session.Attendance;
import uk.dapp.programme.session.AttendanceRepository;
import uk.dapp.programme.suitability.AssessmentRepository;
import uk.dapp.programme.suitability.MiSessionRepository;
import uk.dapp.programme.suitability.SuitabilityController;

/**
 * Everything programme-service holds about the person of a case, for a subject access request,
 * audited once with the admin's reason. What a partner told partner support is hers, not his: a
 * risk alert raised from her disclosure, and every audit record about it, stay out (partners named
 * with a referral are never stored here, only carried in an outbox entry until delivered, and the
 * referral's outbox is not part of the export).
 */
@Service
class SubjectAccessExports implements CaseSubjectAccess {

    private final SubjectAccess subjectAccess;
    private final ReferralRepository referrals;
    private final ReferralMapper referralMapper;
    private final AssessmentRepository assessments;
    private final MiSessionRepository miSessions;
    private final AttendanceRepository attendance;
    private final AlertRepository alerts;
    private final ReviewRepository reviews;
    private final ParticipantService participants;
    private final Clock clock;

    SubjectAccessExports(
            SubjectAccess subjectAccess,
            ReferralRepository referrals,
            ReferralMapper referralMapper,
            AssessmentRepository assessments,
            MiSessionRepository miSessions,
            AttendanceRepository attendance,
            AlertRepository alerts,
            ReviewRepository reviews,
            ParticipantService participants,
            Clock clock) {
        this.participants = participants;
        this.subjectAccess = subjectAccess;
        this.referrals = referrals;
        this.referralMapper = referralMapper;
        this.assessments = assessments;
        this.miSessions = miSessions;
        this.attendance = attendance;
        this.alerts = alerts;
        this.reviews = reviews;
        this.clock = clock;
    }

    @Override
    public ProgrammeSubjectAccessDto ofCase(CaseId caseId, String statedReason) {
        // refused before anything is read
        AccessReason.require(statedReason);
        List<Referral> ofCase = referrals.findByCaseIdOrderByCreatedAtDesc(caseId.value());
        List<Alert> allAlerts = new ArrayList<>(alerts.findByCaseIdAndReferralIdIsNull(caseId.value()));
        ofCase.forEach(referral -> allAlerts.addAll(alerts.findByReferralIdOrderByRaisedAtAsc(referral.referralId())));
        Set<String> withheldAlerts = allAlerts.stream()
                .filter(SubjectAccessExports::fromAPartner)
                .map(Alert::alertId)
                .collect(Collectors.toSet());
        SubjectAccessExportDto export = subjectAccess.ofCase(
                caseId,
                statedReason,
                record -> (record.resourceId() != null && withheldAlerts.contains(record.resourceId()))
                        // that partner support opened a track for a partner of his is hers too (ADR 0009)
                        || TrackHoldings.RESOURCE.equals(record.resourceType()));
        List<Alert> shownAlerts = allAlerts.stream()
                .filter(alert -> !fromAPartner(alert))
                .sorted(Comparator.comparing(Alert::raisedAt))
                .toList();
        Optional<Participant> participant = participants.forExport(caseId);
        if (ofCase.isEmpty() && shownAlerts.isEmpty() && participant.isEmpty()) {
            throw new NotFoundException("Programme-service holds nothing about case " + caseId.value());
        }
        Instant now = clock.instant();
        ProgrammeSubjectAccessDto dto = new ProgrammeSubjectAccessDto(
                caseId.value(),
                export,
                ofCase.stream()
                        .map(referral -> referralMapper.toDto(referral).flags(List.of()))
                        .toList(),
                new ArrayList<>(),
                new ArrayList<>(),
                new ArrayList<>(),
                shownAlerts.stream()
                        .map(alert -> AlertController.toDto(alert, now))
                        .toList(),
                new ArrayList<>());
        // who he is, now and in every earlier version: all his
        participant.ifPresent(p -> dto.participant(ParticipantController.toDto(p)));
        for (Referral referral : ofCase) {
            String id = referral.referralId();
            assessments
                    .findByReferralIdOrderByVersionAsc(id)
                    .forEach(a -> dto.addAssessmentsItem(SuitabilityController.toDto(a)));
            miSessions
                    .findByReferralIdOrderByNumberAsc(id)
                    .forEach(s -> dto.addMiSessionsItem(SuitabilityController.toDto(s)));
            attendance.findByReferralId(id).stream()
                    .sorted(Comparator.comparing(Attendance::sessionAt))
                    .forEach(a -> dto.addAttendanceItem(toDto(a)));
            reviews.findByReferralIdOrderByReviewedAtAsc(id)
                    .forEach(r -> dto.addReviewsItem(ReviewController.toDto(r)));
        }
        return dto;
    }

    /** An alert from a partner (her disclosure, her DASH) carries what she told partner support: hers to ask for, not his. */
    private static boolean fromAPartner(Alert alert) {
        return alert.source().fromAPartner();
    }

    private static AttendanceRecordDto toDto(Attendance a) {
        return new AttendanceRecordDto(
                UUID.fromString(a.sessionId()),
                UUID.fromString(a.referralId()),
                a.sessionAt().atOffset(ZoneOffset.UTC),
                AttendanceOutcomeDto.valueOf(a.outcome().name()),
                a.recordedBy(),
                a.recordedAt().atOffset(ZoneOffset.UTC));
    }
}
