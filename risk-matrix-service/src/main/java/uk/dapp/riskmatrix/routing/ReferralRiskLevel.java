package uk.dapp.riskmatrix.routing;

import java.time.LocalDate;
import java.util.Collection;
import uk.dapp.platform.risk.RiskLevel;
import uk.dapp.riskmatrix.scoring.Scorer;
import uk.dapp.riskmatrix.values.Incident;

/**
 * The risk level a programme referral carries: the highest DASH level assessed for any incident
 * in the scoring window (the same window the score uses), so the level the police last saw is the
 * one the programme starts from. Incidents not assessed count for nothing; with none assessed in
 * the window the level is STANDARD, the lowest, because the programme assesses risk itself at
 * suitability and an unassessed history gives no ground to claim more. The result is never
 * NOT_ASSESSED.
 */
public final class ReferralRiskLevel {

    private ReferralRiskLevel() {}

    public static RiskLevel of(Collection<Incident> incidents, LocalDate asOf, int windowMonths) {
        RiskLevel highest = RiskLevel.STANDARD;
        for (Incident incident : incidents) {
            RiskLevel assessed = incident.dashLevel().assessed().orElse(null);
            if (assessed != null && Scorer.inWindow(incident.date(), asOf, windowMonths) && assessed.isAbove(highest)) {
                highest = assessed;
            }
        }
        return highest;
    }
}
