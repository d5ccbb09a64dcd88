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
        assertThat(Navigation.of(om, "/risk-matrix/nominals/7KQM4X-ZP9RTD-2HBWJ5/decision"))
                .extracting(Navigation.Item::label).containsExactly("Home", "Cohort", "Nominals", "Re-routing",
                        "Disruption tasks", "Rescoring", "Find a case");
        assertThat(Navigation.of(om, "/risk-matrix/nominals/7KQM4X-ZP9RTD-2HBWJ5/decision"))
                .filteredOn(Navigation.Item::current).extracting(Navigation.Item::label).containsExactly("Nominals");
        assertThat(Navigation.of(om, "/")).filteredOn(Navigation.Item::current).extracting(Navigation.Item::label)
                .containsExactly("Home");
        var evaluator = new SignedInUser("ev", "Ev", Set.of(Role.EVALUATOR));
        assertThat(Navigation.of(evaluator, "/")).extracting(Navigation.Item::label).containsExactly("Home", "Outcome KPIs",
                "Outcome extract");
        assertThat(Navigation.of(evaluator, "/outcomes/extract/statement")).filteredOn(Navigation.Item::current)
                .extracting(Navigation.Item::label).containsExactly("Outcome extract");
        assertThat(Navigation.of(evaluator, "/outcomes/kpis/harmChange")).filteredOn(Navigation.Item::current)
                .extracting(Navigation.Item::label).containsExactly("Outcome KPIs");
        var admin = new SignedInUser("ad", "Ad", Set.of(Role.ADMIN));
        assertThat(Navigation.of(admin, "/subject-access/export")).extracting(Navigation.Item::label)
                .containsExactly("Home", "Audit records", "Subject access", "Rescoring");
        assertThat(Navigation.of(admin, "/subject-access/export")).filteredOn(Navigation.Item::current)
                .extracting(Navigation.Item::label).containsExactly("Subject access");
    }

    @Test
    void aLinkTwoRolesShareIsListedOnce() {
        var both = new SignedInUser("x", "X", Set.of(Role.FACILITATOR, Role.SERVICE_MANAGER));
        assertThat(Navigation.of(both, "/cases")).extracting(Navigation.Item::label).containsExactly("Home", "Find a case");
    }
}
