package uk.dapp.web.layout;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.dapp.web.security.Role;
import uk.dapp.web.security.SignedInUser;

/**
 * The service navigation under the header: each role's main screens. A link here is convenience,
 * not permission: the gateway and the services refuse what a role may not do. A new screen that a
 * role starts from gets its link in {@link #ROLE_LINKS}.
 */
public final class Navigation {

    /** One link; {@code current} marks the section the page belongs to (aria-current). */
    public record Item(String label, String href, boolean current) {}

    private record Link(String label, String href) {}

    private static final Link HOME = new Link("Home", "/");
    private static final Link FIND_A_CASE = new Link("Find a case", "/cases");
    private static final Link CASELOAD = new Link("Caseload", "/programme/caseload");
    private static final Link PARTICIPANTS = new Link("Participants", "/programme/participants");
    private static final Link AWAITING_ASSESSMENT =
            new Link("Awaiting assessment", "/programme/referrals/awaiting-assessment");
    private static final Link REVIEWS_DUE = new Link("Reviews due", "/programme/reviews/overdue");
    private static final Link RISK_ALERTS = new Link("Risk alerts", "/programme/alerts");
    private static final Link NOTIFICATIONS = new Link("Notifications", "/notifications");

    private static final Map<Role, List<Link>> ROLE_LINKS = Map.of(
            Role.OFFENDER_MANAGER,
                    List.of(
                            new Link("Cohort", "/risk-matrix/cohort"),
                            new Link("Nominals", "/risk-matrix/nominals"),
                            new Link("Re-routing", "/risk-matrix/rerouting"),
                            new Link("Disruption tasks", "/risk-matrix/disruption-tasks"),
                            new Link("Rescoring", "/risk-matrix/rescoring"),
                            NOTIFICATIONS,
                            FIND_A_CASE),
            Role.FACILITATOR,
                    List.of(
                            CASELOAD,
                            AWAITING_ASSESSMENT,
                            PARTICIPANTS,
                            REVIEWS_DUE,
                            RISK_ALERTS,
                            NOTIFICATIONS,
                            FIND_A_CASE),
            Role.SERVICE_MANAGER,
                    List.of(
                            RISK_ALERTS,
                            REVIEWS_DUE,
                            new Link("Groups", "/programme/groups"),
                            new Link("Team caseloads", "/programme/caseloads"),
                            new Link("Capacity", "/programme/capacity"),
                            CASELOAD,
                            AWAITING_ASSESSMENT,
                            PARTICIPANTS,
                            NOTIFICATIONS,
                            FIND_A_CASE),
            Role.PARTNER_SUPPORT_WORKER, List.of(new Link("Your work", "/partner-support"), NOTIFICATIONS, FIND_A_CASE),
            Role.EVALUATOR,
                    List.of(new Link("Outcome KPIs", "/outcomes"), new Link("Outcome extract", "/outcomes/extract")),
            Role.ADMIN,
                    List.of(
                            new Link("Audit records", "/audit"),
                            new Link("Subject access", "/subject-access"),
                            new Link("Rescoring", "/risk-matrix/rescoring")));

    private Navigation() {}

    /** The user's links (each once, home first), the one the path falls under marked current. */
    public static List<Item> of(SignedInUser user, String path) {
        Map<String, Link> links = new LinkedHashMap<>();
        links.put(HOME.href(), HOME);
        for (Role role : user.rolesInOrder()) {
            ROLE_LINKS.getOrDefault(role, List.of()).forEach(link -> links.putIfAbsent(link.href(), link));
        }
        List<Item> items = new ArrayList<>();
        String current = currentHref(links.keySet(), path);
        links.values()
                .forEach(link -> items.add(
                        new Item(link.label(), link.href(), link.href().equals(current))));
        return List.copyOf(items);
    }

    /** The longest link the path starts with; a nominal's pages fall under "Nominals". */
    private static String currentHref(Iterable<String> hrefs, String path) {
        String best = null;
        for (String href : hrefs) {
            boolean under = href.equals("/") ? path.equals("/") : path.equals(href) || path.startsWith(href + "/");
            if (under && (best == null || href.length() > best.length())) {
                best = href;
            }
        }
        return best;
    }
}
