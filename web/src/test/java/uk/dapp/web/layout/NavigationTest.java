package uk.dapp.web.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.dapp.web.security.Role;
import uk.dapp.web.security.SignedInUser;

class NavigationTest {

    @Test
    void eachRoleHasItsScreensAndThePageItIsOnIsCurrent() {
        var om = new SignedInUser("om", "Om", Set.of(Role.OFFENDER_MANAGER));
        assertThat(labels(om, "/risk-matrix/nominals/7KQM4X-ZP9RTD-2HBWJG/decision"))
                .containsExactly(
                        "Home",
                        "Cohort",
                        "Nominals",
                        "Re-routing",
                        "Disruption tasks",
                        "Rescoring",
                        "Notifications",
                        "Find a case");
        assertThat(current(om, "/risk-matrix/nominals/7KQM4X-ZP9RTD-2HBWJG/decision"))
                .containsExactly("Nominals");
        assertThat(current(om, "/")).containsExactly("Home");
        var worker = new SignedInUser("psw", "Psw", Set.of(Role.PARTNER_SUPPORT_WORKER));
        assertThat(labels(worker, "/partner-support/tracks/11111111-2222-4333-8444-555555555555"))
                .containsExactly("Home", "Your work", "Notifications", "Find a case");
        assertThat(current(worker, "/partner-support/tracks/11111111-2222-4333-8444-555555555555"))
                .containsExactly("Your work");
        var evaluator = new SignedInUser("ev", "Ev", Set.of(Role.EVALUATOR));
        assertThat(labels(evaluator, "/")).containsExactly("Home", "Outcome KPIs", "Outcome extract");
        assertThat(current(evaluator, "/outcomes/extract/statement")).containsExactly("Outcome extract");
        assertThat(current(evaluator, "/outcomes/kpis/harmChange")).containsExactly("Outcome KPIs");
        var admin = new SignedInUser("ad", "Ad", Set.of(Role.ADMIN));
        assertThat(labels(admin, "/subject-access/export"))
                .containsExactly("Home", "Audit records", "Subject access", "Rescoring");
        assertThat(current(admin, "/subject-access/export")).containsExactly("Subject access");
    }

    @Test
    void aLinkTwoRolesShareIsListedOnce() {
        var both = new SignedInUser("x", "X", Set.of(Role.FACILITATOR, Role.SERVICE_MANAGER));
        assertThat(labels(both, "/cases"))
                .containsExactly(
                        "Home",
                        "Caseload",
                        "Awaiting assessment",
                        "Participants",
                        "Reviews due",
                        "Risk alerts",
                        "Notifications",
                        "Find a case",
                        "Groups",
                        "Team caseloads",
                        "Capacity");
    }

    @Test
    void theProgrammeRolesStartFromTheirLists() {
        var facilitator = new SignedInUser("f", "F", Set.of(Role.FACILITATOR));
        assertThat(labels(facilitator, "/programme/caseload"))
                .containsExactly(
                        "Home",
                        "Caseload",
                        "Awaiting assessment",
                        "Participants",
                        "Reviews due",
                        "Risk alerts",
                        "Notifications",
                        "Find a case");
        var manager = new SignedInUser("m", "M", Set.of(Role.SERVICE_MANAGER));
        assertThat(current(manager, "/programme/alerts/0b7e3d5c-1f2a-4c6b-9d8e-7a6b5c4d3e2f"))
                .containsExactly("Risk alerts");
        assertThat(labels(manager, "/"))
                .containsExactly(
                        "Home",
                        "Risk alerts",
                        "Reviews due",
                        "Groups",
                        "Team caseloads",
                        "Capacity",
                        "Caseload",
                        "Awaiting assessment",
                        "Participants",
                        "Notifications",
                        "Find a case");
        // a group's page falls under the groups; the manager's own caseload is not the teams'
        assertThat(current(manager, "/programme/groups/0b7e3d5c-1f2a-4c6b-9d8e-7a6b5c4d3e2f"))
                .containsExactly("Groups");
        assertThat(current(manager, "/programme/caseloads")).containsExactly("Team caseloads");
        // the queue is its own section; a referral opened from it is not marked as the queue
        assertThat(current(facilitator, "/programme/referrals/awaiting-assessment"))
                .containsExactly("Awaiting assessment");
        assertThat(current(facilitator, "/programme/referrals/0b7e3d5c-1f2a-4c6b-9d8e-7a6b5c4d3e2f"))
                .doesNotContain("Awaiting assessment");
    }

    /** The labels of the role's navigation, in order. */
    private static List<String> labels(SignedInUser user, String path) {
        return Navigation.of(user, path).stream().map(Navigation.Item::label).toList();
    }

    /** The label of the item marked as the page the user is on (one, or none). */
    private static List<String> current(SignedInUser user, String path) {
        return Navigation.of(user, path).stream()
                .filter(Navigation.Item::current)
                .map(Navigation.Item::label)
                .toList();
    }
}
