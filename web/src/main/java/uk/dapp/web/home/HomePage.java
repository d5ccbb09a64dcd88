package uk.dapp.web.home;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import uk.dapp.web.security.Role;
import uk.dapp.web.security.SignedInUser;

/** The home page's view model: for each of the user's roles, what they start from. */
public record HomePage(String name, List<Section> sections) {

    public record Section(String heading, List<Link> links) {}

    public record Link(String label, String href, String description) {}

    private static final Map<Role, Section> SECTIONS = Map.of(
            Role.OFFENDER_MANAGER,
                    new Section(
                            "Risk matrix",
                            List.of(
                                    new Link(
                                            "The cohort",
                                            "/risk-matrix/cohort",
                                            "Nominals ranked by score, filtered by area, serial flag, routing status and threshold; the cohort's harm"),
                                    new Link(
                                            "Find a nominal",
                                            "/risk-matrix/nominals",
                                            "By name, police or probation identifier, or area"),
                                    new Link(
                                            "Re-routing queue",
                                            "/risk-matrix/rerouting",
                                            "Nominals waiting for a new routing decision"),
                                    new Link(
                                            "Disruption tasks",
                                            "/risk-matrix/disruption-tasks",
                                            "Disruption review tasks, soonest due first"),
                                    new Link(
                                            "Rescore every nominal",
                                            "/risk-matrix/rescoring",
                                            "After a change of the scoring weights"))),
            Role.FACILITATOR,
                    new Section(
                            "Programme",
                            List.of(
                                    new Link(
                                            "Your caseload",
                                            "/programme/caseload",
                                            "Your participants, their next sessions, and what needs attention first"),
                                    new Link(
                                            "Find a participant",
                                            "/programme/participants",
                                            "By name or case ID: their referrals, assessments, enrolment, reviews and alerts"),
                                    new Link(
                                            "Refer someone to a programme",
                                            "/programme/referrals/new",
                                            "With who they are and their partners (for partner support)"),
                                    new Link(
                                            "Monthly reviews overdue",
                                            "/programme/reviews/overdue",
                                            "Longest overdue first"),
                                    new Link(
                                            "Risk alerts",
                                            "/programme/alerts",
                                            "Open risk alerts with the time left on each 24-hour clock, overdue first"),
                                    new Link("Find a case", "/cases", "What you may see of a case, by its case ID"))),
            Role.SERVICE_MANAGER,
                    new Section(
                            "Programme management",
                            List.of(
                                    new Link(
                                            "Risk alerts to review",
                                            "/programme/alerts",
                                            "The time left on each 24-hour clock, overdue and escalated first: review them"),
                                    new Link(
                                            "Monthly reviews overdue",
                                            "/programme/reviews/overdue",
                                            "Longest overdue first"),
                                    new Link(
                                            "Groups",
                                            "/programme/groups",
                                            "Your teams' groups: places taken and free, waiting lists"),
                                    new Link(
                                            "Team caseloads",
                                            "/programme/caseloads",
                                            "Each case manager's and facilitator's caseload; reallocate a case from its referral"),
                                    new Link(
                                            "Capacity",
                                            "/programme/capacity",
                                            "Places in your groups, the programmes' limits, setting up a group"),
                                    new Link("Your caseload", "/programme/caseload", "Your own participants"),
                                    new Link("Find a participant", "/programme/participants", "By name or case ID"),
                                    new Link(
                                            "Refer someone to a programme",
                                            "/programme/referrals/new",
                                            "With who they are and their partners (for partner support)"),
                                    new Link("Find a case", "/cases", "What you may see of a case, by its case ID"))),
            Role.PARTNER_SUPPORT_WORKER,
                    new Section(
                            "Partner support",
                            List.of(
                                    new Link(
                                            "Your work",
                                            "/partner-support",
                                            "Tracks waiting for a worker, first contacts overdue, partners to contact after a programme exit, safety plan reviews overdue"),
                                    new Link("Find a case", "/cases", "A case's partner tracks, by its case ID"))),
            Role.EVALUATOR,
                    new Section(
                            "Outcomes",
                            List.of(
                                    new Link(
                                            "Outcome KPIs",
                                            "/outcomes",
                                            "The partnership's KPIs by area or region and period, as charts with their tables; small numbers hidden"),
                                    new Link(
                                            "Download the outcome extract",
                                            "/outcomes/extract",
                                            "One anonymised row per case, as CSV or JSON, after a statement of what was widened and left out"))),
            Role.ADMIN,
                    new Section(
                            "Administration",
                            List.of(
                                    new Link(
                                            "Audit records",
                                            "/audit",
                                            "Who read or changed what in each service, by user, case, action and date, with unusual accesses marked"),
                                    new Link(
                                            "Subject access export",
                                            "/subject-access",
                                            "Everything the services hold about the person of a case, with your stated reason"),
                                    new Link(
                                            "Rescore every nominal",
                                            "/risk-matrix/rescoring",
                                            "After a change of the scoring weights"))));

    static HomePage of(SignedInUser user) {
        List<Section> sections = new ArrayList<>();
        for (Role role : user.rolesInOrder()) {
            sections.add(SECTIONS.get(role));
        }
        return new HomePage(user.name(), List.copyOf(sections));
    }
}
