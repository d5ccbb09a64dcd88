package uk.dapp.web.home;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import uk.dapp.client.partnersupport.model.PartnerSupportWork;
import uk.dapp.client.programme.model.ProgrammeWork;
import uk.dapp.client.riskmatrix.model.RiskMatrixWork;
import uk.dapp.web.security.Role;
import uk.dapp.web.security.SignedInUser;

/**
 * The home page's "your work": for each of the user's roles, how much of each list is waiting and how
 * much of it is overdue, from the services' my-work operations (issue 16, ADR 0016), each count linking to
 * the page that lists it; and the unread notifications. A service that cannot answer is said to be
 * unavailable, never shown as nothing to do.
 */
@Component
public class MyWork {

    private static final Logger log = LoggerFactory.getLogger(MyWork.class);
    /**
     * Only the counts are shown here, so no list's items are asked for: a case served is a case
     * recorded as read by the caller, and this page shows none.
     */
    private static final int COUNTS_ONLY = 0;

    /** One line of work: how many, how many overdue (null where nothing can be), and where they are listed. */
    public record Line(String label, int total, Integer overdue, String href) {}

    /** One service's part of the user's work, or {@code available} false when it could not be read. */
    public record Part(String heading, boolean available, List<Line> lines) {}

    private final uk.dapp.client.riskmatrix.api.WorkApi riskMatrix;
    private final uk.dapp.client.programme.api.WorkApi programme;
    private final uk.dapp.client.partnersupport.api.WorkApi partnerSupport;
    private final uk.dapp.client.gateway.api.NotificationsApi notifications;

    public MyWork(
            uk.dapp.client.riskmatrix.api.WorkApi riskMatrixWorkApi,
            uk.dapp.client.programme.api.WorkApi programmeWorkApi,
            uk.dapp.client.partnersupport.api.WorkApi partnerSupportWorkApi,
            uk.dapp.client.gateway.api.NotificationsApi composedNotificationsApi) {
        this.riskMatrix = riskMatrixWorkApi;
        this.programme = programmeWorkApi;
        this.partnerSupport = partnerSupportWorkApi;
        this.notifications = composedNotificationsApi;
    }

    List<Part> of(SignedInUser user) {
        List<Part> parts = new ArrayList<>();
        if (user.rolesInOrder().stream().anyMatch(Role::caseWork)) {
            parts.add(read(
                    "Notifications",
                    () -> List.of(new Line(
                            "Unread notifications",
                            Math.toIntExact(
                                    notifications.getComposedUnreadCount().getUnread()),
                            null,
                            "/notifications"))));
        }
        if (user.rolesInOrder().contains(Role.OFFENDER_MANAGER)) {
            parts.add(read("Risk matrix", () -> riskMatrix(riskMatrix.getMyRiskMatrixWork(COUNTS_ONLY))));
        }
        boolean manager = user.rolesInOrder().contains(Role.SERVICE_MANAGER);
        if (manager || user.rolesInOrder().contains(Role.FACILITATOR)) {
            parts.add(read("Programme", () -> programme(programme.getMyProgrammeWork(COUNTS_ONLY), manager)));
        }
        if (user.rolesInOrder().contains(Role.PARTNER_SUPPORT_WORKER)) {
            parts.add(
                    read("Partner support", () -> partnerSupport(partnerSupport.getMyPartnerSupportWork(COUNTS_ONLY))));
        }
        return List.copyOf(parts);
    }

    private static Part read(String heading, Supplier<List<Line>> lines) {
        try {
            return new Part(heading, true, lines.get());
        } catch (RuntimeException unavailable) {
            // the rest of the page still works: this part says it cannot be shown
            log.warn(
                    "{} work not available: {}", heading, unavailable.getClass().getSimpleName());
            return new Part(heading, false, List.of());
        }
    }

    private static List<Line> riskMatrix(RiskMatrixWork work) {
        return List.of(
                new Line(
                        "Nominals awaiting a routing decision",
                        work.getAwaitingDecision().getTotal(),
                        null,
                        "/risk-matrix/rerouting"),
                new Line(
                        "Disruption tasks",
                        work.getDisruptionTasks().getTotal(),
                        work.getDisruptionTasks().getOverdue(),
                        "/risk-matrix/disruption-tasks"),
                new Line("Changes in the cohort", work.getCohortChanges().getTotal(), null, "/risk-matrix/cohort"),
                new Line(
                        "Onward referrals to follow up",
                        work.getOnwardReferrals().getTotal(),
                        work.getOnwardReferrals().getOverdue(),
                        "/risk-matrix/onward-referrals"));
    }

    private static List<Line> programme(ProgrammeWork work, boolean manager) {
        List<Line> lines = new ArrayList<>(List.of(
                new Line("Your participants", work.getCaseload().getTotal(), null, "/programme/caseload"),
                new Line("Your sessions this week", work.getSessionsThisWeek().getTotal(), null, "/programme/caseload"),
                new Line(
                        "Referrals awaiting assessment",
                        work.getAwaitingAssessment().getTotal(),
                        null,
                        "/programme/referrals/awaiting-assessment"),
                new Line(
                        "Monthly reviews due",
                        work.getReviews().getTotal(),
                        work.getReviews().getOverdue(),
                        "/programme/reviews/overdue"),
                new Line(
                        "Open risk alerts on your participants",
                        work.getAlerts().getTotal(),
                        work.getAlerts().getOverdue(),
                        "/programme/alerts")));
        if (manager && work.getAlertsToReview() != null) {
            lines.add(new Line(
                    "Risk alerts to review in your teams",
                    work.getAlertsToReview().getTotal(),
                    work.getAlertsToReview().getOverdue(),
                    "/programme/alerts"));
        }
        if (manager && work.getEscalations() != null) {
            lines.add(new Line(
                    "Escalated risk alerts",
                    work.getEscalations().getTotal(),
                    null,
                    "/programme/alerts?escalated=true"));
        }
        if (manager && work.getOverdueReviews() != null) {
            lines.add(new Line(
                    "Monthly reviews overdue in your teams",
                    work.getOverdueReviews().getTotal(),
                    work.getOverdueReviews().getOverdue(),
                    "/programme/reviews/overdue"));
        }
        if (manager && work.getGroups() != null) {
            lines.add(new Line("Groups", work.getGroups().getTotal(), null, "/programme/groups"));
        }
        if (manager && work.getFacilitatorCaseloads() != null) {
            lines.add(new Line(
                    "Caseloads in your teams",
                    work.getFacilitatorCaseloads().getTotal(),
                    null,
                    "/programme/caseloads"));
        }
        return List.copyOf(lines);
    }

    private static List<Line> partnerSupport(PartnerSupportWork work) {
        List<Line> lines = new ArrayList<>(List.of(
                new Line("Your partner tracks", work.getMyTracks().getTotal(), null, "/partner-support"),
                new Line("Tracks waiting for a worker", work.getUnallocated().getTotal(), null, "/partner-support"),
                new Line(
                        "First contacts due",
                        work.getFirstContacts().getTotal(),
                        work.getFirstContacts().getOverdue(),
                        "/partner-support"),
                new Line(
                        "Partners to contact after a programme exit",
                        work.getExitContactPrompts().getTotal(),
                        work.getExitContactPrompts().getOverdue(),
                        "/partner-support"),
                new Line(
                        "Safety plan reviews due",
                        work.getSafetyPlanReviews().getTotal(),
                        work.getSafetyPlanReviews().getOverdue(),
                        "/partner-support")));
        if (work.getMaracMeetings() != null) {
            lines.add(new Line(
                    "MARAC meetings",
                    work.getMaracMeetings().getTotal(),
                    work.getMaracMeetings().getOverdue(),
                    "/partner-support#marac"));
        }
        return List.copyOf(lines);
    }
}
