package uk.dapp.demo.plan;

import java.time.LocalDate;
import java.util.List;

/**
 * The level a referral carries, as the risk matrix works it out for an ENGAGE referral: the highest
 * DASH level of the incidents in the scoring window, STANDARD when none was assessed. The plan uses
 * the same rule for its direct referrals so the two agree.
 */
public final class RiskLevels {

    private RiskLevels() {}

    public static Level referralLevel(List<IncidentPlan> incidents, LocalDate today, int windowMonths) {
        LocalDate from = today.minusMonths(windowMonths);
        Level highest = Level.STANDARD;
        for (IncidentPlan incident : incidents) {
            if (!incident.date().isBefore(from)
                    && !incident.date().isAfter(today)
                    && incident.dashLevel().ordinal() > highest.ordinal()) {
                highest = incident.dashLevel();
            }
        }
        return highest;
    }
}
