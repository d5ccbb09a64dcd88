package uk.dapp.programme.exit;

import java.util.Map;
import uk.dapp.platform.problem.ConflictException;
import uk.dapp.platform.problem.RuleViolationException;
import uk.dapp.programme.referral.ReferralMachine;

/**
 * What an exit needs beyond the status machine: a reason and an outcome record for every exit;
 * completion only once the programme's required sessions are attended; breach only of a mandated
 * referral (there is no order to breach otherwise).
 */
public final class ExitRules {

    public static void check(
            String move, boolean mandated, int sessionsAttended, int sessionsRequired, boolean outcomeGiven) {
        if (!ReferralMachine.EXITS.contains(move)) {
            return;
        }
        if (!outcomeGiven) {
            throw new RuleViolationException(
                    "outcome", "RequiredForExit", "an exit records the end-of-programme outcome: give outcome.summary");
        }
        if (ReferralMachine.BREACH.equals(move) && !mandated) {
            throw new RuleViolationException(
                    "move",
                    "BreachNeedsMandate",
                    "only a mandated referral can be breached; a voluntary one drops out or is excluded");
        }
        if (ReferralMachine.COMPLETE.equals(move) && !requiredSessionsAttended(sessionsAttended, sessionsRequired)) {
            throw new ConflictException(
                    "Completion needs " + sessionsRequired + " sessions attended; " + sessionsAttended + " so far",
                    Map.of("sessionsAttended", sessionsAttended, "sessionsRequired", sessionsRequired));
        }
    }

    public static boolean requiredSessionsAttended(int attended, int required) {
        return attended >= required;
    }

    private ExitRules() {}
}
