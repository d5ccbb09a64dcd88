package uk.dapp.programme.exit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import uk.dapp.platform.problem.ConflictException;
import uk.dapp.platform.problem.RuleViolationException;

class ExitRulesTest {

    @Test
    void completionNeedsTheRequiredSessionsAttended() {
        assertThatThrownBy(() -> ExitRules.check("complete", false, 23, 24, true))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("24 sessions");
        assertThatCode(() -> ExitRules.check("complete", false, 24, 24, true)).doesNotThrowAnyException();
        assertThatCode(() -> ExitRules.check("complete", false, 25, 24, true)).doesNotThrowAnyException();
    }

    @Test
    void everyExitNeedsAnOutcome() {
        for (String exit : new String[] {"complete", "drop-out", "exclude", "transfer", "breach"}) {
            assertThatThrownBy(() -> ExitRules.check(exit, true, 99, 1, false))
                    .isInstanceOf(RuleViolationException.class)
                    .hasMessageContaining("outcome");
        }
        assertThatCode(() -> ExitRules.check("withdraw", false, 0, 24, false)).doesNotThrowAnyException();
        assertThatCode(() -> ExitRules.check("drop-out", false, 0, 24, true)).doesNotThrowAnyException();
    }

    @Test
    void onlyAMandatedReferralCanBeBreached() {
        assertThatThrownBy(() -> ExitRules.check("breach", false, 0, 24, true))
                .isInstanceOf(RuleViolationException.class);
        assertThatCode(() -> ExitRules.check("breach", true, 0, 24, true)).doesNotThrowAnyException();
    }
}
