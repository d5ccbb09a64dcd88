package uk.dapp.programme.caseload;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;
import uk.dapp.platform.audit.AuditAction;
import uk.dapp.platform.audit.AuditWriter;
import uk.dapp.platform.caseid.CaseId;
import uk.dapp.platform.security.CurrentUser;
import uk.dapp.platform.team.CaseScope;
import uk.dapp.programme.alert.Alert;
import uk.dapp.programme.alert.AlertService;
import uk.dapp.programme.enrolment.EnrolmentService;
import uk.dapp.programme.enrolment.Group;
import uk.dapp.programme.enrolment.GroupRepository;
import uk.dapp.programme.holding.TrackHoldings;
import uk.dapp.programme.referral.EngageReferrals;
import uk.dapp.programme.referral.Referral;
import uk.dapp.programme.referral.ReferralRepository;
import uk.dapp.programme.referral.ReferralService;
import uk.dapp.programme.referral.ReferralStatus;
import uk.dapp.programme.review.ReviewSchedule;
import uk.dapp.programme.review.ReviewService;
import uk.dapp.programme.session.Attendance;
import uk.dapp.programme.session.AttendanceOutcome;
import uk.dapp.programme.session.Session;
import uk.dapp.programme.session.SessionService;
import uk.dapp.programme.suitability.AssessmentRepository;
import uk.dapp.programme.suitability.MiSessionRepository;
import uk.dapp.programme.team.CaseTeams;

/** Read models: a facilitator's caseload, a group's register, a participant's timeline, a partner-safe status. */
@Service
public class ViewsService {

    static final String RESOURCE = "programme-view";

    public record CaseloadEntry(
            Referral referral,
            Optional<Instant> nextSessionAt,
            boolean reviewOverdue,
            int openAlerts,
            int overdueAlerts) {}

    public record Register(Group group, List<Session> sessions, List<Participant> participants) {}

    public record Participant(Referral referral, Map<String, AttendanceOutcome> marks) {}

    public record TimelineEntry(Instant at, String kind, String summary, String by) {}

    public record StatusEntry(String programmeCode, ReferralStatus status, Optional<Instant> nextSessionAt) {}

    private final MongoTemplate mongo;
    private final TrackHoldings trackHoldings;
    private final ReferralService referrals;
    private final ReferralRepository referralRepository;
    private final GroupRepository groups;
    private final EnrolmentService enrolment;
    private final SessionService sessions;
    private final AlertService alerts;
    private final ReviewService reviews;
    private final AssessmentRepository assessments;
    private final MiSessionRepository miSessions;
    private final EngageReferrals engageDecisions;
    private final AuditWriter audit;
    private final Clock clock;

    ViewsService(
            MongoTemplate mongo,
            ReferralService referrals,
            ReferralRepository referralRepository,
            GroupRepository groups,
            EnrolmentService enrolment,
            SessionService sessions,
            AlertService alerts,
            ReviewService reviews,
            AssessmentRepository assessments,
            MiSessionRepository miSessions,
            EngageReferrals engageDecisions,
            TrackHoldings trackHoldings,
            AuditWriter audit,
            Clock clock) {
        this.mongo = mongo;
        this.trackHoldings = trackHoldings;
        this.referrals = referrals;
        this.referralRepository = referralRepository;
        this.groups = groups;
        this.enrolment = enrolment;
        this.sessions = sessions;
        this.alerts = alerts;
        this.reviews = reviews;
        this.assessments = assessments;
        this.miSessions = miSessions;
        this.engageDecisions = engageDecisions;
        this.audit = audit;
        this.clock = clock;
    }

    /** The caller's participants: on their one-to-one caseload, or in (or waiting for) a group they facilitate. */
    public List<CaseloadEntry> caseload() {
        List<CaseloadEntry> entries = caseloadEntries();
        entries.forEach(e -> audit.record(
                AuditAction.SEARCH,
                e.referral().caseId(),
                RESOURCE,
                e.referral().referralId()));
        return entries;
    }

    /** {@link #caseload()}, unaudited: for "my work", which audits what it serves. */
    public List<CaseloadEntry> caseloadEntries() {
        String me = CurrentUser.get().username();
        List<String> myGroups = groups.findByFacilitatorsContaining(me).stream()
                .map(Group::groupId)
                .toList();
        List<Referral> mine = mongo.find(
                query(where("status")
                        .in(ReferralStatus.onACaseload())
                        .andOperator(
                                new Criteria()
                                        .orOperator(
                                                Criteria.where("caseManager").is(me),
                                                Criteria.where("groupId").in(myGroups)),
                                CaseTeams.scope().criteria("team"))),
                Referral.class);
        Instant now = clock.instant();
        List<CaseloadEntry> entries = new ArrayList<>();
        for (Referral r : mine) {
            List<Alert> open = alerts.of(r).stream().filter(Alert::isOpen).toList();
            entries.add(new CaseloadEntry(
                    r,
                    sessions.nextSessionAt(r),
                    r.status().isActive() && ReviewSchedule.isOverdue(r.nextReviewDue(), now),
                    open.size(),
                    (int) open.stream().filter(a -> a.isOverdue(now)).count()));
        }
        entries.sort(Comparator.comparing(e -> e.referral().caseId()));
        return entries;
    }

    public Register register(String groupId) {
        Group group = enrolment.find(groupId);
        List<Session> held = sessions.sessionsOfGroup(groupId);
        List<Participant> participants = new ArrayList<>();
        for (Referral r : referralRepository.findAllById(group.members())) {
            Map<String, AttendanceOutcome> marks = sessions.attendanceOf(r.referralId()).stream()
                    .collect(Collectors.toMap(Attendance::sessionId, Attendance::outcome, (a, b) -> b));
            participants.add(new Participant(r, marks));
            audit.record(AuditAction.READ, r.caseId(), RESOURCE, groupId);
        }
        participants.sort(Comparator.comparing(p -> p.referral().caseId()));
        audit.record(AuditAction.READ, null, RESOURCE, groupId);
        return new Register(group, held, participants);
    }

    public List<TimelineEntry> timeline(String referralId) {
        Referral r = referrals.load(referralId);
        List<TimelineEntry> entries = new ArrayList<>();
        r.history()
                .forEach(c -> entries.add(new TimelineEntry(
                        c.at(),
                        "STATUS",
                        (c.from() == null ? "" : c.from() + " -> ") + c.to() + " (" + c.move() + ")",
                        c.by())));
        assessments
                .findByReferralIdOrderByVersionAsc(referralId)
                .forEach(a -> entries.add(new TimelineEntry(
                        a.assessedAt(),
                        "ASSESSMENT",
                        "assessment v" + a.version() + ": " + a.outcome(),
                        a.assessedBy())));
        miSessions
                .findByReferralIdOrderByNumberAsc(referralId)
                .forEach(m -> entries.add(new TimelineEntry(
                        m.recordedAt(), "MI_SESSION", "MI session " + m.number() + " of " + m.cap(), m.recordedBy())));
        Map<String, Session> byId =
                sessions.sessionsOf(r).stream().collect(Collectors.toMap(Session::sessionId, Function.identity()));
        sessions.attendanceOf(referralId)
                .forEach(a -> entries.add(new TimelineEntry(
                        a.recordedAt(),
                        "ATTENDANCE",
                        a.outcome()
                                + (byId.containsKey(a.sessionId())
                                                && byId.get(a.sessionId()).catchUpFor() != null
                                        ? " (catch-up)"
                                        : ""),
                        a.recordedBy())));
        reviews.of(referralId)
                .forEach(v -> entries.add(new TimelineEntry(
                        v.reviewedAt(), "REVIEW", "case review, risk " + v.riskLevel(), v.reviewedBy())));
        for (Alert a : alerts.of(r)) {
            entries.add(new TimelineEntry(
                    a.raisedAt(),
                    "ALERT",
                    "risk alert (" + a.source() + ")"
                            + (a.disclosure() == null
                                    ? ""
                                    : ": " + a.disclosure().describe())
                            + (a.referralId() == null ? "; kept against the case (no referral open on arrival)" : ""),
                    a.raisedBy()));
            if (a.reviewedAt() != null) {
                entries.add(new TimelineEntry(
                        a.reviewedAt(),
                        "ALERT_REVIEW",
                        "risk alert reviewed" + (a.isOverdue(a.reviewedAt()) ? " after its deadline" : " in time"),
                        a.reviewedBy()));
            }
        }
        engageDecisions
                .recordedOn(referralId)
                .forEach(d -> entries.add(new TimelineEntry(
                        d.receivedAt(),
                        "ENGAGE_DECISION",
                        "risk matrix ENGAGE decision of " + d.decidedAt() + " (pathway " + d.pathway() + ", risk level "
                                + d.riskLevel() + ") while this referral was open: no second referral",
                        d.receivedBy())));
        // how many only: who they are went to partner support in the outbox entry and is not kept here
        r.partnersPassedOn()
                .forEach(p -> entries.add(new TimelineEntry(
                        p.at(),
                        "PARTNERS_PASSED_ON",
                        "partner details passed on to partner support: " + p.count()
                                + (p.count() == 1 ? " partner" : " partners"),
                        p.by())));
        entries.sort(Comparator.comparing(TimelineEntry::at));
        audit.record(AuditAction.READ, r.caseId(), RESOURCE, referralId);
        return entries;
    }

    /**
     * Only the programme status and next session date of each of the case's referrals; for a partner
     * support worker only of a case partner support supports (404 otherwise, audited as refused).
     */
    public List<StatusEntry> programmeStatus(CaseId caseId) {
        trackHoldings.requireReadable(caseId, RESOURCE);
        // of the caller's teams only (ADR 0012): a case of other teams looks like one this service never heard of
        CaseScope scope = CaseTeams.scope();
        List<Referral> all = referralRepository.findByCaseIdOrderByCreatedAtDesc(caseId.value());
        List<Referral> visible =
                all.stream().filter(r -> scope.covers(r.team())).toList();
        if (visible.size() < all.size()) {
            audit.record(AuditAction.READ, caseId.value(), RESOURCE, null, CaseScope.REFUSED);
        }
        List<StatusEntry> entries = visible.stream()
                .map(r -> new StatusEntry(r.programmeCode(), r.status(), sessions.nextSessionAt(r)))
                .toList();
        audit.record(AuditAction.READ, caseId.value(), RESOURCE, null);
        return entries;
    }
}
