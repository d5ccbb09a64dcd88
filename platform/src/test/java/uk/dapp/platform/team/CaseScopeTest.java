package uk.dapp.platform.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import uk.dapp.platform.problem.RuleViolationException;
import uk.dapp.platform.security.CurrentUser;
import uk.dapp.platform.security.Roles;

class CaseScopeTest {

    private static CurrentUser caller(String role, List<String> teams, List<String> areas) {
        return new CurrentUser("sub", "someone", List.of(role), teams, areas);
    }

    @Test
    void aPractitionerSeesTheirOwnTeamsAndAreasOnlyIgnoringCase() {
        CurrentUser facilitator = caller(Roles.FACILITATOR, List.of("north"), List.of("Northshire", "Midwick"));

        assertThat(CaseScope.teamsOf(facilitator).covers("North")).isTrue();
        assertThat(CaseScope.teamsOf(facilitator).covers("south")).isFalse();
        assertThat(CaseScope.teamsOf(facilitator).covers(null)).isFalse();
        assertThat(CaseScope.areasOf(facilitator).covers(" midwick ")).isTrue();
        assertThat(CaseScope.areasOf(facilitator).covers("Westfold")).isFalse();
        assertThat(CaseScope.teamsOf(facilitator).coversAny(List.of("south", "north")))
                .isTrue();
    }

    @Test
    void someoneInNoTeamSeesNothing() {
        CaseScope scope = CaseScope.teamsOf(caller(Roles.PARTNER_SUPPORT_WORKER, List.of(), List.of()));

        assertThat(scope.isEverything()).isFalse();
        assertThat(scope.covers("north")).isFalse();
        assertThat(scope.criteria("team").getCriteriaObject().toJson()).contains("$in");
    }

    @Test
    void adminsEvaluatorsAndServiceAccountsAreNotScoped() {
        for (String role : List.of(
                Roles.ADMIN, Roles.EVALUATOR, Roles.SVC_RISK_MATRIX, Roles.SVC_PROGRAMME, Roles.SVC_PARTNER_SUPPORT)) {
            CaseScope scope = CaseScope.teamsOf(caller(role, List.of(), List.of()));
            assertThat(scope.isEverything()).as(role).isTrue();
            assertThat(scope.covers(null)).as(role).isTrue();
            assertThat(scope.criteria("team").getCriteriaObject()).as(role).isEmpty();
        }
    }

    @Test
    void theQueryConditionQuotesNamesSoNoneIsReadAsAPattern() {
        String condition = CaseScope.only(List.of("a.b", "north"))
                .criteria("area")
                .getCriteriaObject()
                .toJson();

        assertThat(condition).contains("\\\\Qa.b\\\\E").contains("\\\\Qnorth\\\\E");
    }

    @Test
    void theTakingTeamIsTheOneNamedIfItIsTheCallersOrElseTheirOnlyOne() {
        CurrentUser inOne = caller(Roles.FACILITATOR, List.of("north"), List.of());
        CurrentUser inTwo = caller(Roles.FACILITATOR, List.of("north", "south"), List.of());
        CurrentUser inNone = caller(Roles.FACILITATOR, List.of(), List.of());

        assertThat(TakingTeam.choose(inOne, null, "team")).isEqualTo("north");
        assertThat(TakingTeam.choose(inTwo, "SOUTH", "team")).isEqualTo("south");
        assertThatThrownBy(() -> TakingTeam.choose(inTwo, null, "team"))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("several teams");
        assertThatThrownBy(() -> TakingTeam.choose(inOne, "south", "team"))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("one of your teams");
        assertThatThrownBy(() -> TakingTeam.choose(inNone, null, "team"))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("no team");
    }
}
