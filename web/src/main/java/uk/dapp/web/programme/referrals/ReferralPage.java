package uk.dapp.web.programme.referrals;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import uk.dapp.client.programme.model.Assessment;
import uk.dapp.client.programme.model.Participant;
import uk.dapp.client.programme.model.Programme;
import uk.dapp.client.programme.model.Referral;
import uk.dapp.client.programme.model.ReferralStatus;
import uk.dapp.client.programme.model.StatusChange;
import uk.dapp.client.programme.model.TimelineEntry;
import uk.dapp.client.programme.model.Transition;
import uk.dapp.web.layout.Rows;
import uk.dapp.web.layout.Rows.Row;
import uk.dapp.web.programme.participants.ParticipantNames;

/**
 * The referral page's view model: the referral as the service returned it, its programme, who the
 * person is, its assessments and its timeline, and what may be done next. The moves offered are the
 * referral's {@code allowedMoves} (the service's answer for this reader); the other actions are
 * offered where the status machine ({@code GET /referral-status-machine}) has a system move from
 * the current status that recording them makes (an assessment, an enrolment), or where the
 * referral is open (it has moves to offer). Offering is convenience: the service decides.
 */
public record ReferralPage(
        Referral referral,
        Programme programme,
        Participant participant,
        List<Assessment> assessments,
        List<TimelineEntry> timeline,
        List<Transition> machine) {

    /** One event of the timeline: a status change (with its move and reason) or what else was recorded. */
    public record Event(OffsetDateTime at, String kind, String move, ReferralStatus to, String by, String detail) {

        public boolean statusChange() {
            return move != null;
        }
    }

    /** The moves that end the programme (the contract's description): they ask for the end-of-programme outcome. */
    static final Set<String> EXITS = Set.of("complete", "drop-out", "exclude", "transfer", "breach");

    public String title() {
        return participant == null ? referral.getCaseId() : ParticipantNames.name(participant.getIdentity());
    }

    public List<Row> details() {
        Rows rows = new Rows()
                .add("Case ID", referral.getCaseId())
                .add(
                        "Programme",
                        programme == null
                                ? referral.getProgrammeCode()
                                : programme.getName() + " (" + programme.getCode() + ")")
                .add("Source", referral.getSource())
                .add("Mandated", referral.getMandated())
                .add("Responsible probation officer", referral.getResponsibleProbationOfficer())
                .add("Risk level", referral.getRiskLevel())
                .add("Referred", referral.getCreatedAt())
                .add("Referred by", referral.getReferredBy())
                .add("Team", referral.getTeam())
                .add("Case manager", referral.getCaseManager())
                .add("Enrolled", referral.getEnrolledAt())
                .add("Next monthly review due", referral.getNextReviewDue());
        if (referral.getMiSessionsUsed() != null && referral.getMiSessionsUsed() > 0) {
            rows.add(
                    "Motivational sessions held",
                    referral.getMiSessionsUsed() + (programme == null ? "" : " of " + programme.getMiSessionCap()));
        }
        return rows.list();
    }

    public List<Row> exit() {
        var exit = referral.getExit();
        if (exit == null) {
            return List.of();
        }
        return new Rows()
                .add("Left the programme", exit.getStatus())
                .add("When", exit.getExitedAt())
                .add("By", exit.getExitedBy())
                .add("Reason", exit.getReason())
                .add("Outcome", exit.getSummary())
                .add("Risk level at exit", exit.getRiskLevelAtExit())
                .add(
                        "Sessions attended",
                        exit.getSessionsAttended() + " of " + exit.getSessionsRequired() + " required")
                .list();
    }

    public boolean reviewOverdue() {
        return flags().contains("REVIEW_OVERDUE");
    }

    public boolean alertOverdue() {
        return flags().contains("OVERDUE_RISK_ALERT");
    }

    private List<String> flags() {
        return referral.getFlags() == null ? List.of() : referral.getFlags();
    }

    /** The moves this reader may ask for now, as the service listed them. */
    public List<String> moves() {
        return referral.getAllowedMoves() == null ? List.of() : referral.getAllowedMoves();
    }

    /** Open: it has moves left (the closed statuses have none). */
    public boolean open() {
        return !moves().isEmpty();
    }

    public boolean mayAssess() {
        return systemMoveFromHere("assessed-suitable");
    }

    public boolean mayEnrol() {
        return systemMoveFromHere("enrolled");
    }

    public boolean needsMotivationalWork() {
        return referral.getStatus() == ReferralStatus.MOTIVATIONAL_WORK;
    }

    /** Enrolled on a group or a caseload and still open: reviews are due. */
    public boolean enrolled() {
        return open() && referral.getNextReviewDue() != null;
    }

    /** Enrolled on a case manager's one-to-one caseload and still open: the case may be reallocated. */
    public boolean onCaseload() {
        return enrolled() && referral.getCaseManager() != null;
    }

    private boolean systemMoveFromHere(String move) {
        return machine.stream()
                .anyMatch(
                        t -> t.getFrom() == referral.getStatus() && t.getMove().equals(move));
    }

    /** Everything recorded on the referral, newest first: its status changes (from its history) and the rest of its timeline. */
    public List<Event> events() {
        List<Event> events = new ArrayList<>();
        for (StatusChange change : referral.getHistory() == null ? List.<StatusChange>of() : referral.getHistory()) {
            events.add(new Event(
                    change.getAt(),
                    "STATUS",
                    change.getMove(),
                    status(change.getTo()),
                    change.getBy(),
                    change.getReason()));
        }
        for (TimelineEntry entry : timeline) {
            if (entry.getKind() != TimelineEntry.KindEnum.STATUS) {
                events.add(new Event(
                        entry.getAt(), entry.getKind().getValue(), null, null, entry.getBy(), entry.getSummary()));
            }
        }
        events.sort(Comparator.comparing(Event::at).reversed());
        return events;
    }

    private static ReferralStatus status(String name) {
        try {
            return ReferralStatus.fromValue(name);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    public Assessment latestAssessment() {
        return assessments.isEmpty() ? null : assessments.getLast();
    }

    public boolean hasGroup() {
        return Objects.nonNull(referral.getGroupId());
    }
}
