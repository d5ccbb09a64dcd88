package uk.dapp.programme.mywork;

import java.time.Instant;
import java.util.Optional;
import uk.dapp.programme.alert.Alert;
import uk.dapp.programme.enrolment.FacilitatorLoad;
import uk.dapp.programme.enrolment.Group;
import uk.dapp.programme.participant.Identity;
import uk.dapp.programme.referral.Referral;
import uk.dapp.programme.session.Session;

/**
 * A facilitator's or service manager's work as of {@code asOf}: each list's count and first items.
 * The service manager's lists are null for a facilitator.
 */
public record ProgrammeWork(
        Instant asOf,
        Section<CaseloadItem> caseload,
        Section<SessionItem> sessionsThisWeek,
        Section<Waiting> awaitingAssessment,
        Section<ReviewItem> reviews,
        Section<Alert> alerts,
        Section<Alert> alertsToReview,
        Section<Alert> escalations,
        Section<ReviewItem> overdueReviews,
        Section<GroupLoad> groups,
        Section<FacilitatorLoad> facilitatorCaseloads) {

    /** A participant on the caller's caseload; {@code identity} null where the programme holds none. */
    public record CaseloadItem(
            Referral referral,
            Identity identity,
            Optional<Instant> nextContactAt,
            boolean reviewOverdue,
            int openAlerts,
            int overdueAlerts) {}

    /** A session this week, with how many the register lists and how many have their attendance recorded. */
    public record SessionItem(Session session, String groupName, String caseId, int participants, int marked) {}

    /** A referral waiting for its assessment since {@code since}. */
    public record Waiting(Referral referral, Identity identity, Instant since) {}

    /** A monthly review due (or overdue). */
    public record ReviewItem(Referral referral, Identity identity, boolean overdue) {}

    /** A group with its places and waiting list counted. */
    public record GroupLoad(Group group, int freePlaces, int waiting) {}
}
