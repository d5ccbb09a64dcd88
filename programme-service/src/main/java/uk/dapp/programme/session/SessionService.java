package uk.dapp.programme.session;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import uk.dapp.platform.audit.AuditAction;
import uk.dapp.platform.audit.AuditWriter;
import uk.dapp.platform.notification.Notice;
import uk.dapp.platform.notification.NotificationKind;
import uk.dapp.platform.notification.Recipient;
import uk.dapp.platform.problem.ConflictException;
import uk.dapp.platform.problem.FieldViolation;
import uk.dapp.platform.problem.NotFoundException;
import uk.dapp.platform.problem.RuleViolationException;
import uk.dapp.platform.security.CurrentUser;
import uk.dapp.platform.security.Roles;
import uk.dapp.programme.catalogue.Catalogue;
import uk.dapp.programme.catalogue.Programme;
import uk.dapp.programme.enrolment.EnrolmentService;
import uk.dapp.programme.enrolment.Group;
import uk.dapp.programme.referral.Referral;
import uk.dapp.programme.referral.ReferralMachine;
import uk.dapp.programme.referral.ReferralService;
import uk.dapp.programme.referral.ReferralStatus;

/**
 * Sessions, attendance, and what attendance sets off: on-programme, and compliance reviews, which
 * notify whoever works the case and a mandated referral's responsible probation officer.
 */
@Service
public class SessionService {

    static final String SESSION_RESOURCE = "session";
    static final String ATTENDANCE_RESOURCE = "attendance";
    // a referral changed by another attendance at the same moment is read again this many times at most
    private static final int CONCURRENT_ATTEMPTS = 3;

    /** What recording an attendance led to. */
    public record Recorded(
            Attendance attendance,
            ReferralStatus referralStatus,
            int sessionsAttended,
            int unacceptableAbsences,
            int nonCompliantSessions) {}

    private final SessionRepository sessions;
    private final AttendanceRepository attendance;
    private final ReferralService referrals;
    private final EnrolmentService enrolment;
    private final Catalogue catalogue;
    private final AuditWriter audit;
    private final Clock clock;

    SessionService(
            SessionRepository sessions,
            AttendanceRepository attendance,
            ReferralService referrals,
            EnrolmentService enrolment,
            Catalogue catalogue,
            AuditWriter audit,
            Clock clock) {
        this.sessions = sessions;
        this.attendance = attendance;
        this.referrals = referrals;
        this.enrolment = enrolment;
        this.catalogue = catalogue;
        this.audit = audit;
        this.clock = clock;
    }

    /** A group session (groupId), a one-to-one session (referralId) or a catch-up (referralId and catchUpFor). */
    public Session schedule(String groupId, String referralId, String catchUpFor, Instant scheduledAt) {
        if ((groupId == null) == (referralId == null)) {
            throw new RuleViolationException(
                    "groupId",
                    "GroupOrReferral",
                    "name either a group (group session) or a referral (one-to-one or catch-up session)");
        }
        Session session;
        String caseId = null;
        if (groupId != null) {
            if (catchUpFor != null) {
                throw new RuleViolationException(
                        "catchUpFor",
                        "CatchUpIsOneToOne",
                        "a catch-up session is for one participant: name the referral, not the group");
            }
            Group group;
            try {
                group = enrolment.find(groupId);
            } catch (NotFoundException e) {
                throw new RuleViolationException("groupId", "KnownGroup", "no group " + groupId);
            }
            session = new Session(
                    UUID.randomUUID().toString(),
                    group.programmeCode(),
                    groupId,
                    null,
                    null,
                    scheduledAt,
                    CurrentUser.get().username());
        } else {
            Referral referral;
            try {
                referral = referrals.load(referralId);
            } catch (NotFoundException e) {
                throw new RuleViolationException("referralId", "KnownReferral", "no referral " + referralId);
            }
            if (!referral.status().isActive()) {
                throw new ConflictException(
                        "Sessions are scheduled for enrolled participants; this referral is " + referral.status(),
                        Map.of("currentStatus", referral.status().name()));
            }
            if (catchUpFor != null) {
                Session missed = sessions.findById(catchUpFor)
                        .orElseThrow(() ->
                                new RuleViolationException("catchUpFor", "KnownSession", "no session " + catchUpFor));
                if (!isFor(missed, referral)) {
                    throw new RuleViolationException(
                            "catchUpFor", "OwnSession", "a catch-up replaces one of the participant's own sessions");
                }
            }
            caseId = referral.caseId();
            session = new Session(
                    UUID.randomUUID().toString(),
                    referral.programmeCode(),
                    null,
                    referralId,
                    catchUpFor,
                    scheduledAt,
                    CurrentUser.get().username());
        }
        Session stored = sessions.insert(session);
        audit.record(AuditAction.CREATE, caseId, SESSION_RESOURCE, stored.sessionId());
        return stored;
    }

    /** One line of a register: a participant and their outcome. */
    public record Entry(String referralId, AttendanceOutcome outcome) {}

    /**
     * Records (or corrects) an attendance. The first attendance puts an enrolled participant on the
     * programme; reaching the programme's threshold of non-compliant sessions (unacceptable absences and
     * sessions attended without complying) opens a compliance
     * review and, for a mandated referral, notifies the responsible probation officer.
     */
    public Recorded record(String sessionId, String referralId, AttendanceOutcome outcome) {
        Session session = session(sessionId);
        Referral referral = referrals.load(referralId);
        if (!isFor(session, referral)) {
            throw new ConflictException(
                    "This referral is not a participant of this session", Map.of("sessionId", sessionId));
        }
        if (!referral.status().isActive()) {
            throw new ConflictException(
                    "Attendance is recorded for enrolled participants; this referral is " + referral.status(),
                    Map.of("currentStatus", referral.status().name()));
        }
        requireBegun(session);
        return apply(session, referral, outcome);
    }

    /**
     * Records (or corrects) a session's register, all or nothing: every entry is checked against the
     * rules {@link #record} applies to one before any is recorded, and a broken rule is a 400 naming
     * {@code attendances[i].referralId}; then each entry is recorded exactly as {@link #record} records
     * one. Answers what each entry led to, in the order given.
     */
    public List<Recorded> recordRegister(String sessionId, List<Entry> entries) {
        Session session = session(sessionId);
        requireBegun(session);
        List<FieldViolation> violations = new ArrayList<>();
        List<Referral> participants = new ArrayList<>();
        Set<String> named = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            String field = "attendances[" + i + "].referralId";
            String referralId = entries.get(i).referralId();
            if (!named.add(referralId)) {
                violations.add(new FieldViolation(field, "UniqueReferral", "this participant is named twice"));
                continue;
            }
            Referral referral;
            try {
                referral = referrals.load(referralId);
            } catch (NotFoundException e) {
                violations.add(new FieldViolation(field, "KnownReferral", "no referral " + referralId));
                continue;
            }
            if (!isFor(session, referral)) {
                violations.add(new FieldViolation(
                        field, "SessionParticipant", "this referral is not a participant of this session"));
            } else if (!referral.status().isActive()) {
                violations.add(new FieldViolation(
                        field,
                        "EnrolledParticipant",
                        "attendance is recorded for enrolled participants; this referral is " + referral.status()));
            }
            participants.add(referral);
        }
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
        List<Recorded> recorded = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            recorded.add(apply(session, participants.get(i), entries.get(i).outcome()));
        }
        return recorded;
    }

    private Session session(String sessionId) {
        return sessions.findById(sessionId).orElseThrow(() -> new NotFoundException("No session " + sessionId));
    }

    private void requireBegun(Session session) {
        if (!session.hasBegunBy(clock.instant())) {
            throw new ConflictException(
                    "Attendance is recorded once a session has begun; this one is scheduled for "
                            + session.scheduledAt(),
                    Map.of("scheduledAt", session.scheduledAt().toString()));
        }
    }

    /**
     * Stores the attendance (unless that outcome is already recorded: a repeat changes nothing and is
     * audited as the read it is) and then what the participant's counts set off.
     */
    private Recorded apply(Session session, Referral referral, AttendanceOutcome outcome) {
        String id = Attendance.idOf(session.sessionId(), referral.referralId());
        Attendance stored =
                attendance.findById(id).filter(a -> a.outcome() == outcome).orElse(null);
        if (stored == null) {
            stored = attendance.save(new Attendance(
                    id,
                    session.sessionId(),
                    referral.referralId(),
                    referral.caseId(),
                    outcome,
                    session.scheduledAt(),
                    CurrentUser.get().username(),
                    clock.instant()));
            audit.record(AuditAction.CREATE, referral.caseId(), ATTENDANCE_RESOURCE, stored.id());
        } else {
            audit.record(AuditAction.READ, referral.caseId(), ATTENDANCE_RESOURCE, stored.id());
        }
        // the referral's moves are saved under optimistic locking: a concurrent change of the referral
        // (another attendance of the same participant) is read again and the counts taken afresh
        for (int attempt = 1; ; attempt++) {
            try {
                return counted(stored, referral);
            } catch (OptimisticLockingFailureException e) {
                if (attempt == CONCURRENT_ATTEMPTS) {
                    throw e;
                }
                referral = referrals.load(referral.referralId());
            }
        }
    }

    private Recorded counted(Attendance stored, Referral referral) {
        String referralId = referral.referralId();
        Programme programme = catalogue.get(referral.programmeCode());
        List<Attendance> all = attendance.findByReferralId(referralId);
        int attended = (int) all.stream().filter(a -> a.outcome().attended()).count();
        int unacceptable = (int) all.stream()
                .filter(a -> a.outcome() == AttendanceOutcome.UNACCEPTABLE_ABSENCE)
                .count();
        int nonCompliant =
                (int) all.stream().filter(a -> a.outcome().nonCompliant()).count();
        if (stored.outcome().attended() && referral.status() == ReferralStatus.ENROLLED) {
            referral = referrals.systemMove(referral, ReferralMachine.FIRST_ATTENDANCE, "first attended session");
        }
        if (referral.status() != ReferralStatus.COMPLIANCE_REVIEW
                && NonCompliancePolicy.opensReview(
                        nonCompliant, programme.nonComplianceThreshold(), referral.complianceReviewsOpened())) {
            referral.complianceReviewOpened();
            // the review is due: whoever works the case (and a mandated referral's probation officer) is
            // notified in the same save as the move
            referral.notify(
                    new Notice(
                            referral.caseId(),
                            NotificationKind.COMPLIANCE_REVIEW_DUE,
                            referralId,
                            complianceReviewers(referral)),
                    clock.instant());
            referral = referrals.systemMove(
                    referral,
                    ReferralMachine.NON_COMPLIANCE,
                    nonCompliant + " non-compliant sessions, " + unacceptable + " of them unacceptable absences"
                            + " (threshold " + programme.nonComplianceThreshold() + ")");
        }
        return new Recorded(stored, referral.status(), attended, unacceptable, nonCompliant);
    }

    /**
     * Who holds a compliance review: the case manager, or the group's facilitators (the team's service
     * managers when it has none named), and the responsible probation officer of a mandated referral.
     */
    private List<Recipient> complianceReviewers(Referral referral) {
        List<Recipient> reviewers = new java.util.ArrayList<>();
        if (referral.caseManager() != null) {
            reviewers.add(Recipient.user(referral.caseManager()));
        } else if (referral.groupId() != null) {
            enrolment.find(referral.groupId()).facilitators().forEach(f -> reviewers.add(Recipient.user(f)));
        }
        if (reviewers.isEmpty()) {
            reviewers.add(Recipient.role(Roles.SERVICE_MANAGER, referral.team()));
        }
        if (referral.mandated() && referral.responsibleProbationOfficer() != null) {
            reviewers.add(Recipient.user(referral.responsibleProbationOfficer()));
        }
        return reviewers.stream().distinct().toList();
    }

    /**
     * The sessions of these groups and these one-to-one participants scheduled in [{@code from},
     * {@code to}), soonest first (unaudited: the caller audits what it serves).
     */
    public List<Session> scheduledBetween(
            Instant from, Instant to, java.util.Collection<String> groupIds, java.util.Collection<String> referralIds) {
        return Stream.concat(
                        groupIds.stream().flatMap(g -> sessions.findByGroupIdOrderByScheduledAtAsc(g).stream()),
                        referralIds.stream().flatMap(r -> sessions.findByReferralIdOrderByScheduledAtAsc(r).stream()))
                .filter(s -> !s.scheduledAt().isBefore(from) && s.scheduledAt().isBefore(to))
                .distinct()
                .sorted(Comparator.comparing(Session::scheduledAt))
                .toList();
    }

    /** How many attendances are recorded for each of these sessions. */
    public Map<String, Integer> markedCounts(java.util.Collection<String> sessionIds) {
        Map<String, Integer> counts = new java.util.HashMap<>();
        attendance.findBySessionIdIn(sessionIds).forEach(a -> counts.merge(a.sessionId(), 1, Integer::sum));
        return counts;
    }

    /** Sessions attended (complied or not), for completion. */
    public int sessionsAttended(String referralId) {
        return (int) attendance.findByReferralId(referralId).stream()
                .filter(a -> a.outcome().attended())
                .count();
    }

    public List<Attendance> attendanceOf(String referralId) {
        return attendance.findByReferralId(referralId);
    }

    public List<Session> sessionsOfGroup(String groupId) {
        return sessions.findByGroupIdOrderByScheduledAtAsc(groupId);
    }

    /** The participant's sessions: their group's and their own one-to-one and catch-up sessions. */
    public List<Session> sessionsOf(Referral referral) {
        Stream<Session> group = referral.groupId() == null
                ? Stream.empty()
                : sessions.findByGroupIdOrderByScheduledAtAsc(referral.groupId()).stream();
        return Stream.concat(group, sessions.findByReferralIdOrderByScheduledAtAsc(referral.referralId()).stream())
                .sorted(Comparator.comparing(Session::scheduledAt))
                .toList();
    }

    public Optional<Instant> nextSessionAt(Referral referral) {
        if (!referral.status().isActive()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return sessionsOf(referral).stream()
                .map(Session::scheduledAt)
                .filter(at -> !at.isBefore(now))
                .findFirst();
    }

    private static boolean isFor(Session session, Referral referral) {
        if (session.groupId() != null) {
            return session.groupId().equals(referral.groupId());
        }
        return referral.referralId().equals(session.referralId());
    }
}
