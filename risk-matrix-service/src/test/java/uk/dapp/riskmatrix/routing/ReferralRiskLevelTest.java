package uk.dapp.riskmatrix.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.dapp.platform.risk.RiskLevel;
import uk.dapp.riskmatrix.values.DashLevel;
import uk.dapp.riskmatrix.values.Incident;
import uk.dapp.riskmatrix.values.IncidentType;
import uk.dapp.riskmatrix.values.Outcome;

class ReferralRiskLevelTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final int WINDOW = 36;

    @Test
    void theHighestAssessedLevelInTheWindowWins() {
        assertThat(level(
                        incident(TODAY.minusMonths(1), DashLevel.STANDARD),
                        incident(TODAY.minusMonths(20), DashLevel.MEDIUM),
                        incident(TODAY.minusMonths(3), DashLevel.STANDARD)))
                .isEqualTo(RiskLevel.MEDIUM);
        assertThat(level(incident(TODAY.minusMonths(1), DashLevel.MEDIUM), incident(TODAY, DashLevel.HIGH)))
                .isEqualTo(RiskLevel.HIGH);
    }

    @Test
    void incidentsOutsideTheWindowCountForNothing() {
        assertThat(level(
                        incident(TODAY.minusMonths(WINDOW).minusDays(1), DashLevel.HIGH),
                        incident(TODAY.minusMonths(2), DashLevel.MEDIUM)))
                .isEqualTo(RiskLevel.MEDIUM);
        // the window's first day is inside it, as for the score
        assertThat(level(incident(TODAY.minusMonths(WINDOW), DashLevel.HIGH))).isEqualTo(RiskLevel.HIGH);
        // an incident dated after the as-of date is not in the window either
        assertThat(level(incident(TODAY.plusDays(1), DashLevel.HIGH))).isEqualTo(RiskLevel.STANDARD);
    }

    @Test
    void withNothingAssessedTheLevelIsStandardAndNeverNotAssessed() {
        assertThat(level()).isEqualTo(RiskLevel.STANDARD);
        assertThat(level(incident(TODAY.minusMonths(1), DashLevel.NOT_ASSESSED)))
                .isEqualTo(RiskLevel.STANDARD);
        assertThat(level(
                        incident(TODAY.minusMonths(1), DashLevel.NOT_ASSESSED),
                        incident(TODAY.minusMonths(2), DashLevel.MEDIUM),
                        incident(TODAY.minusMonths(3), DashLevel.NOT_ASSESSED)))
                .isEqualTo(RiskLevel.MEDIUM);
    }

    private static RiskLevel level(Incident... incidents) {
        return ReferralRiskLevel.of(List.of(incidents), TODAY, WINDOW);
    }

    private static Incident incident(LocalDate date, DashLevel dash) {
        return new Incident(
                date + "-" + dash,
                date,
                IncidentType.DOMESTIC_ABUSE,
                "EX-ABH",
                "VK-1",
                dash,
                true,
                Outcome.CHARGED,
                Instant.EPOCH,
                "test");
    }
}
