package uk.dapp.riskmatrix.evaluator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.dapp.riskmatrix.values.CourtOutcome;
import uk.dapp.riskmatrix.values.DashLevel;
import uk.dapp.riskmatrix.values.Incident;
import uk.dapp.riskmatrix.values.IncidentType;
import uk.dapp.riskmatrix.values.Outcome;

class AfterDecisionTest {

    private static final LocalDate DECIDED = LocalDate.of(2026, 3, 10);
    private static final LocalDate LAST_DAY = LocalDate.of(2026, 9, 30);

    private static Incident incident(LocalDate date, String victim, Outcome outcome) {
        return new Incident(
                date + victim,
                date,
                IncidentType.DOMESTIC_ABUSE,
                "EX-ABH",
                victim,
                DashLevel.MEDIUM,
                true,
                outcome,
                Instant.EPOCH,
                "test");
    }

    @Test
    void aVictimHarmedBeforeTheDecisionAndAgainAfterItIsARepeatVictimOnce() {
        List<Incident> history = List.of(
                incident(DECIDED.minusYears(2), "VK-A", Outcome.NO_FURTHER_ACTION),
                incident(DECIDED.plusDays(3), "VK-A", Outcome.CHARGED),
                incident(DECIDED.plusMonths(2), "VK-A", Outcome.CHARGED),
                incident(DECIDED.plusMonths(1), "VK-B", Outcome.CAUTIONED));
        assertThat(AfterDecision.repeatVictims(history, DECIDED, LAST_DAY)).isEqualTo(1);
    }

    @Test
    void aVictimFirstHarmedAfterTheDecisionIsARepeatVictimOnlyWhenHarmedAgainOnALaterDay() {
        List<Incident> once = List.of(
                incident(DECIDED.plusDays(1), "VK-C", Outcome.CHARGED),
                incident(DECIDED.plusDays(1), "VK-C", Outcome.CHARGED));
        assertThat(AfterDecision.repeatVictims(once, DECIDED, LAST_DAY)).isZero();
        List<Incident> twice = List.of(
                incident(DECIDED.plusDays(9), "VK-C", Outcome.CHARGED),
                incident(DECIDED.plusDays(1), "VK-C", Outcome.CHARGED));
        assertThat(AfterDecision.repeatVictims(twice, DECIDED, LAST_DAY)).isEqualTo(1);
    }

    @Test
    void incidentsOutsideTheWindowOrWithoutAVictimKeyDoNotMakeARepeat() {
        List<Incident> history = List.of(
                incident(DECIDED.minusMonths(5), "VK-D", Outcome.CHARGED),
                incident(LAST_DAY.plusDays(1), "VK-D", Outcome.CHARGED), // after the window (or the snapshot)
                incident(DECIDED.minusMonths(5), null, Outcome.CHARGED),
                incident(DECIDED.plusDays(2), null, Outcome.CHARGED),
                incident(DECIDED.minusMonths(5), " ", Outcome.CHARGED),
                incident(DECIDED.plusDays(2), " ", Outcome.CHARGED));
        assertThat(AfterDecision.repeatVictims(history, DECIDED, LAST_DAY)).isZero();
        // the decision's day and the window's last day are inside it
        List<Incident> edges = List.of(
                incident(DECIDED.minusDays(1), "VK-E", Outcome.CHARGED),
                incident(DECIDED, "VK-E", Outcome.CHARGED),
                incident(DECIDED.minusDays(1), "VK-F", Outcome.CHARGED),
                incident(LAST_DAY, "VK-F", Outcome.CHARGED));
        assertThat(AfterDecision.repeatVictims(edges, DECIDED, LAST_DAY)).isEqualTo(2);
    }

    @Test
    void justiceOutcomesAreChargesAndCautionsInsideTheWindow() {
        List<Incident> history = List.of(
                incident(DECIDED.minusDays(1), "VK-A", Outcome.CHARGED), // before the decision
                incident(DECIDED, "VK-A", Outcome.CHARGED),
                incident(DECIDED.plusDays(5), "VK-A", Outcome.CAUTIONED),
                incident(DECIDED.plusDays(6), "VK-A", Outcome.COMMUNITY_RESOLUTION),
                incident(DECIDED.plusDays(7), "VK-A", Outcome.NO_FURTHER_ACTION),
                incident(DECIDED.plusDays(8), "VK-A", Outcome.UNDER_INVESTIGATION),
                incident(DECIDED.plusDays(9), "VK-A", Outcome.NOT_APPLICABLE),
                incident(DECIDED.plusDays(10), "VK-A", null),
                incident(LAST_DAY.plusDays(1), "VK-A", Outcome.CHARGED)); // after the window
        assertThat(AfterDecision.justiceOutcomes(history, DECIDED, LAST_DAY)).isEqualTo(2);
    }

    @Test
    void onlyChargeAndCautionAreJusticeOutcomes() {
        assertThat(java.util.Arrays.stream(Outcome.values()).filter(Outcome::justiceOutcome))
                .containsExactly(Outcome.CHARGED, Outcome.CAUTIONED);
    }

    @Test
    void aPositiveDisposalIsADomesticAbuseCrimeAfterTheDecisionChargedOrCautioned() {
        Incident other = new Incident(
                "o",
                DECIDED.plusDays(4),
                IncidentType.OTHER,
                "EX-THEFT",
                "VK-X",
                DashLevel.STANDARD,
                true,
                Outcome.CHARGED,
                Instant.EPOCH,
                "test");
        List<Incident> history = List.of(
                incident(DECIDED.minusDays(1), "VK-A", Outcome.CHARGED), // before the decision
                incident(DECIDED.plusDays(1), "VK-A", Outcome.CHARGED),
                incident(DECIDED.plusDays(2), "VK-A", Outcome.CAUTIONED),
                incident(DECIDED.plusDays(3), "VK-A", Outcome.COMMUNITY_RESOLUTION), // not one for domestic abuse
                incident(DECIDED.plusDays(5), "VK-A", Outcome.NO_FURTHER_ACTION),
                other); // not domestic abuse: neither a crime here nor a disposal
        assertThat(AfterDecision.domesticAbuseCrimes(history, DECIDED, LAST_DAY))
                .isEqualTo(4);
        assertThat(AfterDecision.positiveDisposals(history, DECIDED, LAST_DAY)).isEqualTo(2);
    }

    @Test
    void aSuccessfulProsecutionIsAConvictionAmongTheProsecutionsConcludedInTheWindowWhateverTheIncidentsDate() {
        List<Incident> history = List.of(
                incident(DECIDED.minusMonths(8), "VK-A", Outcome.CHARGED)
                        .withCourtOutcome(
                                CourtOutcome.CONVICTED, DECIDED.plusMonths(1)), // charged before, convicted after
                incident(DECIDED.plusDays(1), "VK-A", Outcome.CHARGED)
                        .withCourtOutcome(CourtOutcome.ACQUITTED, DECIDED.plusMonths(2)),
                incident(DECIDED.plusDays(2), "VK-B", Outcome.CHARGED)
                        .withCourtOutcome(CourtOutcome.DISCONTINUED, LAST_DAY.plusDays(1)), // after the window
                incident(DECIDED.plusDays(3), "VK-B", Outcome.CHARGED)); // still before the court
        assertThat(AfterDecision.prosecutionsConcluded(history, DECIDED, LAST_DAY, false))
                .isEqualTo(2);
        assertThat(AfterDecision.prosecutionsConcluded(history, DECIDED, LAST_DAY, true))
                .isEqualTo(1);
    }

    @Test
    void theDomesticAbuseIncidentDaysAreTheGatewaysOnlyAndStopAtTheSnapshot() {
        Incident other = new Incident(
                "o",
                DECIDED.plusDays(4),
                IncidentType.OTHER,
                "EX-THEFT",
                "VK-X",
                DashLevel.STANDARD,
                true,
                Outcome.CHARGED,
                Instant.EPOCH,
                "test");
        List<Incident> history = List.of(
                incident(DECIDED.plusDays(9), "VK-A", Outcome.CHARGED),
                incident(DECIDED.minusDays(9), "VK-A", Outcome.CHARGED),
                other,
                incident(LAST_DAY.plusDays(1), "VK-A", Outcome.CHARGED));
        assertThat(AfterDecision.domesticAbuseDays(history, LAST_DAY))
                .containsExactly(DECIDED.minusDays(9), DECIDED.plusDays(9));
    }
}
