package uk.dapp.platform.team;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import uk.dapp.platform.problem.RuleViolationException;
import uk.dapp.platform.security.CurrentUser;

/**
 * The team that takes a new case a person opens (a referral, a partner track, an ENGAGE decision's
 * referral): the team they name, which must be one of theirs, or else their only team (ADR 0012).
 * Someone in several teams names one; someone in none cannot open a case for a team. The answer is
 * the caller's own spelling of the team, as their token carries it.
 */
public final class TakingTeam {

    public static final String OWN_TEAM = "OwnTeam";
    public static final String REQUIRED = "Required";

    private TakingTeam() {}

    public static String choose(CurrentUser caller, @Nullable String given, String field) {
        List<String> teams = caller.teams();
        if (given != null && !given.isBlank()) {
            String wanted = given.strip().toLowerCase(Locale.ROOT);
            return teams.stream()
                    .filter(team -> team.toLowerCase(Locale.ROOT).equals(wanted))
                    .findFirst()
                    .orElseThrow(
                            () -> new RuleViolationException(field, OWN_TEAM, "must be one of your teams: " + teams));
        }
        if (teams.size() == 1) {
            return teams.getFirst();
        }
        throw new RuleViolationException(
                field,
                REQUIRED,
                teams.isEmpty()
                        ? "you belong to no team, so you cannot open a case for one"
                        : "you belong to several teams: name the one taking this case, one of " + teams);
    }
}
