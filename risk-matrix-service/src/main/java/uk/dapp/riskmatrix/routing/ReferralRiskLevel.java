package uk.dapp.riskmatrix.routing;

import java.time.LocalDate;
import java.util.Collection;
import uk.dapp.riskmatrix.values.DashLevel;
import uk.dapp.riskmatrix.values.Incident;
import uk.dapp.riskmatrix.scoring.Scorer;

/**
 * The risk level a programme referral carries: the highest DASH level assessed for any incident
 * in the scoring window (the same window the score uses), so the level the police last saw is the
 * one the programme starts from. Incidents not assessed count for nothing; with none assessed in
 * the window the level is STANDARD, the lowest, because the programme assesses risk itself at
 * suitability and an unassessed history gives no ground to claim more. The result is never
 * {@link DashLevel#NOT_ASSESSED}.
 */
public final class ReferralRiskLevel {

    private ReferralRiskLevel() {
    }

    public static DashLevel of(Collection<Incident> incidents, LocalDate asOf, int windowMonths) {
        DashLevel highest = DashLevel.STANDARD;
        for (Incident incident : incidents) {
            if (Scorer.inWindow(incident.date(), asOf, windowMonths) && rank(incident.dashLevel()) > rank(highest)) {
                highest = incident.dashLevel();
            }
        }
        return highest;
    }

    private static int rank(DashLevel level) {
        return switch (level) {
            case NOT_ASSESSED -> -1;
            case STANDARD -> 0;
            case MEDIUM -> 1;
            case HIGH -> 2;
        };
    }
}
