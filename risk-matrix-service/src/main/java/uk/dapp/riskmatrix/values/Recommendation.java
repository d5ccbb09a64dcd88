package uk.dapp.riskmatrix.values;

import java.time.Instant;
import java.util.List;
import uk.dapp.platform.risk.RiskLevel;

/**
 * The service's advice: a route, the pathways for ENGAGE, and why; when it was computed, the risk level
 * a programme referral would carry, and {@code basis}, what it was computed from (facts, score, sex, date
 * of birth and the programmes' eligibility, as one text), so a change to any of them is seen and the
 * advice made again. Recommendations kept before these were recorded have neither.
 */
public record Recommendation(
        Route route,
        List<Pathway> pathways,
        List<String> reasons,
        Instant computedAt,
        RiskLevel referralRiskLevel,
        String basis) {

    public Recommendation(Route route, List<Pathway> pathways, List<String> reasons) {
        this(route, pathways, reasons, null, null, null);
    }

    public Recommendation computed(Instant at, RiskLevel level, String from) {
        return new Recommendation(route, pathways, reasons, at, level, from);
    }
}
