package uk.dapp.riskmatrix.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.dapp.riskmatrix.scoring.Incidents.da;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.dapp.riskmatrix.values.DashLevel;
import uk.dapp.riskmatrix.values.IncidentType;

class SerialPerpetratorRuleTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 15);
    private static final LocalDate ADULT = LocalDate.of(1980, 1, 1);

    private static boolean serial(LocalDate dob, LocalDate first, LocalDate second) {
        return SerialPerpetratorRule.evaluate(dob, List.of(da(first, "V1"), da(second, "V2")), AS_OF)
                .serial();
    }

    @Test
    void twoIncidentsAgainstTwoVictimsWithinThreeYearsIsSerial() {
        assertThat(serial(ADULT, AS_OF.minusMonths(10), AS_OF.minusMonths(2))).isTrue();
    }

    @Test
    void anIncidentExactlyThreeYearsAgoCountsButOneADayEarlierDoesNot() {
        LocalDate exactly = AS_OF.minusYears(3);
        assertThat(serial(ADULT, exactly, AS_OF.minusDays(1))).isTrue();
        assertThat(serial(ADULT, exactly.minusDays(1), AS_OF.minusDays(1))).isFalse();
    }

    @Test
    void anIncidentOnTheSixteenthBirthdayCountsButOneTheDayBeforeDoesNot() {
        LocalDate dob = AS_OF.minusYears(17);
        LocalDate sixteenth = dob.plusYears(16);
        assertThat(serial(dob, sixteenth, AS_OF)).isTrue();
        assertThat(serial(dob, sixteenth.minusDays(1), AS_OF)).isFalse();
    }

    @Test
    void aLeapDayBirthTurnsSixteenOnTheLeapDaySixteenYearsLater() {
        LocalDate dob = LocalDate.of(2008, 2, 29);
        LocalDate asOf = LocalDate.of(2026, 1, 1);
        assertThat(SerialPerpetratorRule.qualifies(da(LocalDate.of(2024, 2, 29), "V"), dob, asOf))
                .isTrue();
        assertThat(SerialPerpetratorRule.qualifies(da(LocalDate.of(2024, 2, 28), "V"), dob, asOf))
                .isFalse();
    }

    @Test
    void manyIncidentsAgainstOneVictimAreNotSerial() {
        var result = SerialPerpetratorRule.evaluate(
                ADULT,
                List.of(da(AS_OF.minusDays(1), "V1"), da(AS_OF.minusDays(2), "V1"), da(AS_OF.minusDays(3), "V1")),
                AS_OF);
        assertThat(result.serial()).isFalse();
        assertThat(result.qualifyingIncidentIds()).hasSize(3);
        assertThat(result.distinctVictims()).isEqualTo(1);
    }

    @Test
    void oneIncidentIsNotSerial() {
        assertThat(SerialPerpetratorRule.evaluate(ADULT, List.of(da(AS_OF, "V1")), AS_OF)
                        .serial())
                .isFalse();
        assertThat(SerialPerpetratorRule.evaluate(ADULT, List.of(), AS_OF).serial())
                .isFalse();
    }

    @Test
    void onlyDomesticAbuseIncidentsCount() {
        var other = Incidents.of(AS_OF.minusDays(5), IncidentType.OTHER, "EX-ABH", "V2", DashLevel.HIGH);
        assertThat(SerialPerpetratorRule.evaluate(ADULT, List.of(da(AS_OF.minusDays(1), "V1"), other), AS_OF)
                        .serial())
                .isFalse();
    }

    @Test
    void futureIncidentsRelativeToTheAsOfDateDoNotCount() {
        assertThat(serial(ADULT, AS_OF.minusDays(1), AS_OF.plusDays(1))).isFalse();
    }

    @Test
    void theBasisSaysWhy() {
        var result = SerialPerpetratorRule.evaluate(
                ADULT, List.of(da(AS_OF.minusDays(1), "V1"), da(AS_OF.minusDays(2), "V2")), AS_OF);
        assertThat(result.basis())
                .contains("2 domestic abuse incident(s) against 2 different victim(s)")
                .contains("serial perpetrator");
    }
}
