package uk.dapp.gateway.outcomes.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.dapp.gateway.outcomes.kpi.EffectiveCompletion.Verdict;

class EffectiveCompletionTest {

    private static final LocalDate EXIT = LocalDate.of(2025, 3, 14);
    private static final LocalDate A_YEAR_ON = EXIT.plusMonths(12);

    @Test
    void aCompletionIsEffectiveWhenNoFurtherDomesticAbuseIncidentIsRecordedInTheTwelveMonthsAfterTheExit() {
        assertThat(EffectiveCompletion.of(EXIT, List.of(), A_YEAR_ON)).isEqualTo(Verdict.EFFECTIVE);
        assertThat(EffectiveCompletion.of(
                        EXIT, List.of(EXIT.minusDays(1), EXIT, A_YEAR_ON.plusDays(1)), A_YEAR_ON.plusDays(1)))
                .as("before, on the day of the exit, after the window")
                .isEqualTo(Verdict.EFFECTIVE);
    }

    @Test
    void aFurtherIncidentInTheWindowMakesItACompletionButNotAnEffectiveOne() {
        assertThat(EffectiveCompletion.of(EXIT, List.of(EXIT.plusDays(1)), A_YEAR_ON))
                .isEqualTo(Verdict.FURTHER_INCIDENT);
        assertThat(EffectiveCompletion.of(EXIT, List.of(A_YEAR_ON), A_YEAR_ON)).isEqualTo(Verdict.FURTHER_INCIDENT);
    }

    @Test
    void aCompletionIsJudgedOnlyOnceItsWindowHasPassedAndOnlyWhereThePoliceIncidentsAreKnown() {
        assertThat(EffectiveCompletion.of(EXIT, List.of(), A_YEAR_ON.minusDays(1)))
                .isEqualTo(Verdict.NOT_FOLLOWED_UP);
        assertThat(EffectiveCompletion.of(EXIT, null, A_YEAR_ON)).isEqualTo(Verdict.NOT_FOLLOWED_UP);
        assertThat(EffectiveCompletion.of(null, List.of(), A_YEAR_ON)).isEqualTo(Verdict.NOT_FOLLOWED_UP);
    }
}
