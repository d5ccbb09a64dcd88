package uk.dapp.programme.session;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import uk.dapp.platform.audit.AuditAction;
import uk.dapp.platform.audit.AuditWriter;
import uk.dapp.platform.problem.ConflictException;
import uk.dapp.platform.problem.NotFoundException;
import uk.dapp.platform.problem.RuleViolationException;
import uk.dapp.platform.security.CurrentUser;
import uk.dapp.programme.catalogue.Catalogue;
import uk.dapp.programme.catalogue.Programme;
import uk.dapp.programme.enrolment.EnrolmentService;
import uk.dapp.programme.enrolment.Group;
import uk.dapp.programme.referral.Referral;
import uk.dapp.programme.referral.ReferralMachine;
import uk.dapp.programme.referral.ReferralService;
import uk.dapp.programme.referral.ReferralStatus;

/** Sessions, attendance, and what attendance sets off: on-programme, compliance reviews, notifications. */
@Service
public class SessionService {

    static final String SESSION_RESOURCE = "session";
    static final String ATTENDANCE_RESOURCE = "attendance";
    static final String NOTIFICATION_RESOURCE = "notification";
    public static final String NON_COMPLIANCE = "NON_COMPLIANCE";

    /** What recording an attendance led to. */
    public record Recorded(Attendance attendance, ReferralStatus referralStatus, int sessionsAttended,
            int unacceptableAbsences, int nonCompliantSessions) {
    }

    private final SessionRepository sessions;
    private final AttendanceRepository attendance;
    private final NotificationRepository notifications;
    private final ReferralService referrals;
    private final EnrolmentService enrolment;
    private final Catalogue catalogue;
    private final AuditWriter audit;
    private final Clock clock;

    SessionService(SessionRepository sessions, AttendanceRepository attendance, NotificationRepository notifications,
            ReferralService referrals, EnrolmentService enrolment, Catalogue catalogue, AuditWriter audit, Clock clock) {
        this.sessions = sessions;
        this.attendance = attendance;
        this.notifications = notifications;
        this.referrals = referrals;
        this.enrolment = enrolment;
        this.catalogue = catalogue;
        this.audit = audit;
        this.clock = clock;
    }

    /** A group session (groupId), a one-to-one session (referralId) or a catch-up (referralId and catchUpFor). */
    public Session schedule(String groupId, String referralId, String catchUpFor, Instant scheduledAt) {
        if ((groupId == null) == (referralId == null)) {
            throw new RuleViolationException("groupId", "GroupOrReferral",
                    "name either a group (group session) or a referral (one-to-one or catch-up session)");
        }
        Session session;
        String caseId = null;
        if (groupId != null) {
            if (catchUpFor != null) {
                throw new RuleViolationException("catchUpFor", "CatchUpIsOneToOne",
                        "a catch-up session is for one participant: name the referral, not the group");
            }
            Group group;
            try {
                group = enrolment.find(groupId);
            } catch (NotFoundException e) {
                throw new RuleViolationException("groupId", "KnownGroup", "no group " + groupId);
            }
            session = new Session(UUID.randomUUID().toString(), group.programmeCode(), groupId, null, null,
                    scheduledAt, CurrentUser.get().username());
        } else {
            Referral referral;
            try {
                referral = referrals.load(referralId);
            } catch (NotFoundException e) {
                throw new RuleViolationException("referralId", "KnownReferral", "no referral " + referralId);
            }
            if (!referral.status().isActive()) {
                throw new ConflictException("Sessions are scheduled for enrolled participants; this referral is "
                        + referral.status(), Map.of("currentStatus", referral.status().name()));
            }
            if (catchUpFor != null) {
                Session missed = sessions.findById(catchUpFor).orElseThrow(() -> new RuleViolationException(
                        "catchUpFor", "KnownSession", "no session " + catchUpFor));
                if (!isFor(missed, referral)) {
                    throw new RuleViolationException("catchUpFor", "OwnSession",
                            "a catch-up replaces one of the participant's own sessions");
                }
            }
            caseId = referral.caseId();
            session = new Session(UUID.randomUUID().toString(), referral.programmeCode(), null, referralId,
                    catchUpFor, scheduledAt, CurrentUser.get().username());
        }
        Session stored = sessions.insert(session);
        audit.record(AuditAction.CREATE, caseId, SESSION_RESOURCE, stored.sessionId());
        return stored;
    }

    /**
     * Records (or corrects) an attendance. The first attendance puts an enrolled participant on the
     * programme; reaching the programme's threshold of non-compliant sessions (unacceptable absences and
     * sessions attended without complying) opens a compliance
     * review and, for a mandated referral, notifies the responsible probation officer.
     */
    public Recorded record(String sessionId, String referralId, AttendanceOutcome outcome) {
        Session session = sessions.findById(sessionId).orElseThrow(() -> new NotFoundException("No session " + sessionId));
        Referral referral = referrals.load(referralId);
        if (!isFor(session, referral)) {
            throw new ConflictException("This referral is not a participant of this session",
                    Map.of("sessionId", sessionId));
        }
        if (!referral.status().isActive()) {
            throw new ConflictException("Attendance is recorded for enrolled participants; this referral is "
                    + referral.status(), Map.of("currentStatus", referral.status().name()));
        }
        if (!session.hasBegunBy(clock.instant())) {
            throw new ConflictException("Attendance is recorded once a session has begun; this one is scheduled for "
                    + session.scheduledAt(), Map.of("scheduledAt", session.scheduledAt().toString()));
        }
        Programme programme = catalogue.get(referral.programmeCode());
        Attendance stored = attendance.save(new Attendance(Attendance.idOf(sessionId, referralId), sessionId,
                referralId, referral.caseId(), outcome, session.scheduledAt(), CurrentUser.get().username(),
                clock.instant()));
        audit.record(AuditAction.CREATE, referral.caseId(), ATTENDANCE_RESOURCE, stored.id());
        List<Attendance> all = attendance.findByReferralId(referralId);
        int attended = (int) all.stream().filter(a -> a.outcome().attended()).count();
        int unacceptable = (int) all.stream().filter(a -> a.outcome() == AttendanceOutcome.UNACCEPTABLE_ABSENCE).count();
        int nonCompliant = (int) all.stream().filter(a -> a.outcome().nonCompliant()).count();
        if (outcome.attended() && referral.status() == ReferralStatus.ENROLLED) {
            referral = referrals.systemMove(referral, ReferralMachine.FIRST_ATTENDANCE, "first attended session");
        }
        if (referral.status() != ReferralStatus.COMPLIANCE_REVIEW
                && NonCompliancePolicy.opensReview(nonCompliant, programme.nonComplianceThreshold(),
                        referral.complianceReviewsOpened())) {
            referral.complianceReviewOpened();
            referral = referrals.systemMove(referral, ReferralMachine.NON_COMPLIANCE,
                    nonCompliant + " non-compliant sessions, " + unacceptable + " of them unacceptable absences"
                            + " (threshold " + programme.nonComplianceThreshold() + ")");
            if (referral.mandated() && referral.responsibleProbationOfficer() != null) {
                Notification notice = notifications.insert(new Notification(UUID.randomUUID().toString(),
                        referral.responsibleProbationOfficer(), referral.caseId(), referralId, NON_COMPLIANCE,
                        "Case " + referral.caseId() + " reached " + nonCompliant + " non-compliant sessions ("
                                + unacceptable + " unacceptable absences) on " + referral.programmeCode()
                                + ": compliance review opened",
                        clock.instant()));
                audit.record(AuditAction.CREATE, referral.caseId(), NOTIFICATION_RESOURCE, notice.notificationId());
            }
        }
        return new Recorded(stored, referral.status(), attended, unacceptable, nonCompliant);
    }

    public List<Notification> notificationsForCaller() {
        List<Notification> found = notifications.findByRecipientOrderByCreatedAtDesc(CurrentUser.get().username());
        found.forEach(n -> audit.record(AuditAction.READ, n.caseId(), NOTIFICATION_RESOURCE, n.notificationId()));
        return found;
    }

    /** Sessions attended (complied or not), for completion. */
    public int sessionsAttended(String referralId) {
        return (int) attendance.findByReferralId(referralId).stream().filter(a -> a.outcome().attended()).count();
    }

    public List<Attendance> attendanceOf(String referralId) {
        return attendance.findByReferralId(referralId);
    }

    public List<Notification> notificationsAbout(String referralId) {
        return notifications.findByReferralId(referralId);
    }

    public List<Session> sessionsOfGroup(String groupId) {
        return sessions.findByGroupIdOrderByScheduledAtAsc(groupId);
    }

    /** The participant's sessions: their group's and their own one-to-one and catch-up sessions. */
    public List<Session> sessionsOf(Referral referral) {
        Stream<Session> group = referral.groupId() == null ? Stream.empty()
                : sessions.findByGroupIdOrderByScheduledAtAsc(referral.groupId()).stream();
        return Stream.concat(group, sessions.findByReferralIdOrderByScheduledAtAsc(referral.referralId()).stream())
                .sorted(Comparator.comparing(Session::scheduledAt)).toList();
    }

    public Optional<Instant> nextSessionAt(Referral referral) {
        if (!referral.status().isActive()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return sessionsOf(referral).stream().map(Session::scheduledAt).filter(at -> !at.isBefore(now)).findFirst();
    }

    private static boolean isFor(Session session, Referral referral) {
        if (session.groupId() != null) {
            return session.groupId().equals(referral.groupId());
        }
        return referral.referralId().equals(session.referralId());
    }
}
