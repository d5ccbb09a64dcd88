package uk.dapp.partnersupport.dash;

import java.util.Set;
import uk.dapp.platform.risk.RiskLevel;

/** What a completed checklist comes to: the count, the checklist's level, the level after judgement, MARAC. */
public record DashScore(
        int yesCount, RiskLevel checklistLevel, RiskLevel riskLevel, Set<MaracCriterion> maracCriteria) {

    public DashScore {
        maracCriteria = Set.copyOf(maracCriteria);
    }

    public boolean maracRecommended() {
        return !maracCriteria.isEmpty();
    }
}
