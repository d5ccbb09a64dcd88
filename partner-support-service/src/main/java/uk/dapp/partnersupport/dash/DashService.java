package uk.dapp.partnersupport.dash;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import uk.dapp.partnersupport.common.Times;
import uk.dapp.partnersupport.track.PartnerTrack;
import uk.dapp.partnersupport.track.PartnerTrackService;
import uk.dapp.partnersupport.track.TrackMarks;
import uk.dapp.platform.audit.AuditAction;
import uk.dapp.platform.audit.AuditWriter;
import uk.dapp.platform.outbox.OutboxEntry;
import uk.dapp.platform.problem.RuleViolationException;
import uk.dapp.platform.risk.RiskLevel;
import uk.dapp.platform.security.CurrentUser;

/** Scores and keeps each completed DASH checklist as the track's next version; the track takes the new level. */
@Service
class DashService {

    static final String RESOURCE = "dash-assessment";

    private final DashAssessmentRepository assessments;
    private final PartnerTrackService tracks;
    private final TrackMarks marks;
    private final AuditWriter audit;
    private final Clock clock;

    DashService(
            DashAssessmentRepository assessments,
            PartnerTrackService tracks,
            TrackMarks marks,
            AuditWriter audit,
            Clock clock) {
        this.assessments = assessments;
        this.tracks = tracks;
        this.marks = marks;
        this.audit = audit;
        this.clock = clock;
    }

    DashAssessment complete(
            UUID trackId,
            List<DashAnswer> answers,
            LocalDate completedOn,
            int incidents,
            LocalDate previousMaracReferralOn,
            ProfessionalJudgement judgement) {
        if (completedOn.isAfter(Times.today(clock))) {
            throw new RuleViolationException(
                    "completedOn", "NotFuture", "a checklist cannot be completed in the future");
        }
        DashScore score = DashScoring.score(answers, judgement, incidents, completedOn, previousMaracReferralOn);
        PartnerTrack track = tracks.findOpen(trackId);
        List<DashAssessment> earlier = assessments.findByTrackIdOrderByVersionNumberDesc(track.trackId());
        int version = earlier.isEmpty() ? 1 : earlier.getFirst().versionNumber() + 1;
        // a concurrent completion takes the same number: the unique index refuses the second (409)
        String id = UUID.randomUUID().toString();
        // at HIGH the programme is told in the same insert, under the disclosure's consent rule
        List<OutboxEntry> owed = score.riskLevel() == RiskLevel.HIGH
                ? List.of(DashRiskAlert.TYPE.entry(
                        id, new DashRiskAlert(track.caseId(), RiskLevel.HIGH, completedOn), clock.instant(), 0))
                : List.of();
        DashAssessment saved = assessments.insert(new DashAssessment(
                id,
                track.trackId(),
                track.caseId(),
                version,
                List.copyOf(answers),
                completedOn,
                incidents,
                previousMaracReferralOn,
                score.yesCount(),
                score.checklistLevel(),
                judgement == null
                        ? null
                        : new ProfessionalJudgement(
                                judgement.level(), judgement.reason().strip()),
                score.riskLevel(),
                score.maracCriteria(),
                CurrentUser.get().username(),
                clock.instant(),
                owed));
        marks.riskAssessed(track, score.riskLevel());
        audit.record(AuditAction.CREATE, track.caseId(), RESOURCE, saved.assessmentId());
        return saved;
    }

    List<DashAssessment> of(UUID trackId) {
        PartnerTrack track = tracks.find(trackId);
        List<DashAssessment> found = assessments.findByTrackIdOrderByVersionNumberDesc(track.trackId());
        audit.record(AuditAction.READ, track.caseId(), RESOURCE, null);
        return found;
    }
}
