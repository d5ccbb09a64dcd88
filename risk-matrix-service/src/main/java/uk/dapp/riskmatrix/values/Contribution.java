package uk.dapp.riskmatrix.values;

import java.time.LocalDate;

/**
 * What one incident contributed to a score. {@code domesticAbuse} is false for an incident kept in
 * the history but not scored (MATAC scores domestic abuse only); null in scores made before the rule,
 * which scored every incident.
 */
public record Contribution(
        String incidentId,
        LocalDate date,
        String offenceCode,
        boolean inWindow,
        int gravityPoints,
        int harmDays,
        boolean countsForFrequency,
        boolean newVictim,
        boolean mostRecent,
        boolean countsForSerial,
        Boolean domesticAbuse) {

    /** Why the incident added nothing, in words; null when it was scored. */
    public String notScoredBecause(int windowMonths) {
        if (Boolean.FALSE.equals(domesticAbuse)) {
            return "not domestic abuse: kept in the history, not scored (MATAC scores domestic abuse only)";
        }
        if (!inWindow) {
            return "outside the " + windowMonths + "-month window";
        }
        return null;
    }
}
