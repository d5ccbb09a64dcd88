package uk.dapp.web.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.dapp.web.security.Role;
import uk.dapp.web.security.SignedInUser;

class NavigationTest {

    @Test
    void eachRoleHasItsScreensAndThePageItIsOnIsCurrent() {
        var om = new SignedInUser("om", "Om", Set.of(Role.OFFENDER_MANAGER));
        assertThat(Navigation.of(om, "/risk-matrix/nominals/7KQM4X-ZP9RTD-2HBWJG/decision"))
                .extracting(Navigation.Item::label)
                .containsExactly(
                        "Home",
                        "Cohort",
                        "Nominals",
                        "Re-routing",
                        "Disruption tasks",
                        "Rescoring",
                        "Notifications",
                        "Find a case");
        assertThat(Navigation.of(om, "/risk-matrix/nominals/7KQM4X-ZP9RTD-2HBWJG/decision"))
                .filteredOn(Navigation.Item::current)
                .extracting(Navigation.Item::label)
                .containsExactly("Nominals");
        assertThat(Navigation.of(om, "/"))
                .filteredOn(Navigation.Item::current)
                .extracting(Navigation.Item::label)
                .containsExactly("Home");
        var worker = new SignedInUser("psw", "Psw", Set.of(Role.PARTNER_SUPPORT_WORKER));
        assertThat(Navigation.of(worker, "/partner-support/tracks/11111111-2222-4333-8444-555555555555"))
                .extracting(Navigation.Item::label)
                .containsExactly("Home", "Your work", "Notifications", "Find a case");
        assertThat(Navigation.of(worker, "/partner-support/tracks/11111111-2222-4333-8444-555555555555"))
                .filteredOn(Navigation.Item::current)
                .extracting(Navigation.Item::label)
                .containsExactly("Your work");
        var evaluator = new SignedInUser("ev", "Ev", Set.of(Role.EVALUATOR));
        assertThat(Navigation.of(evaluator, "/"))
                .extracting(Navigation.Item::label)
                .containsExactly("Home", "Outcome KPIs", "Outcome extract");
        assertThat(Navigation.of(evaluator, "/outcomes/extract/statement"))
                .filteredOn(Navigation.Item::current)
                .extracting(Navigation.Item::label)
                .containsExactly("Outcome extract");
        assertThat(Navigation.of(evaluator, "/outcomes/kpis/harmChange"))
                .filteredOn(Navigation.Item::current)
                .extracting(Navigation.Item::label)
                .containsExactly("Outcome KPIs");
        var admin = new SignedInUser("ad", "Ad", Set.of(Role.ADMIN));
        assertThat(Navigation.of(admin, "/subject-access/export"))
                .extracting(Navigation.Item::label)
                .containsExactly("Home", "Audit records", "Subject access", "Rescoring");
        assertThat(Navigation.of(admin, "/subject-access/export"))
                .filteredOn(Navigation.Item::current)
                .extracting(Navigation.Item::label)
                .containsExactly("Subject access");
    }

    @Test
    void aLinkTwoRolesShareIsListedOnce() {
        var both = new SignedInUser("x", "X", Set.of(Role.FACILITATOR, Role.SERVICE_MANAGER));
        assertThat(Navigation.of(both, "/cases"))
                .extracting(Navigation.Item::label)
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
        assertThat(Navigation.of(facilitator, "/programme/caseload"))
                .extracting(Navigation.Item::label)
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
        assertThat(Navigation.of(manager, "/programme/alerts/0b7e3d5c-1f2a-4c6b-9d8e-7a6b5c4d3e2f"))
                .filteredOn(Navigation.Item::current)
                .extracting(Navigation.Item::label)
                .containsExactly("Risk alerts");
        assertThat(Navigation.of(manager, "/"))
                .extracting(Navigation.Item::label)
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
        assertThat(Navigation.of(manager, "/programme/groups/0b7e3d5c-1f2a-4c6b-9d8e-7a6b5c4d3e2f"))
                .filteredOn(Navigation.Item::current)
                .extracting(Navigation.Item::label)
                .containsExactly("Groups");
        assertThat(Navigation.of(manager, "/programme/caseloads"))
                .filteredOn(Navigation.Item::current)
                .extracting(Navigation.Item::label)
                .containsExactly("Team caseloads");
        // the queue is its own section; a referral opened from it is not marked as the queue
        assertThat(Navigation.of(facilitator, "/programme/referrals/awaiting-assessment"))
                .filteredOn(Navigation.Item::current)
                .extracting(Navigation.Item::label)
                .containsExactly("Awaiting assessment");
        assertThat(Navigation.of(facilitator, "/programme/referrals/0b7e3d5c-1f2a-4c6b-9d8e-7a6b5c4d3e2f"))
                .filteredOn(Navigation.Item::current)
                .extracting(Navigation.Item::label)
                .doesNotContain("Awaiting assessment");
    }
}
