package uk.dapp.demo.plan;

import java.util.List;

/**
 * A current or ex-partner named to the programme (so partner support opens a track), and the
 * partner support work on that track.
 */
public record PartnerPlan(
        String name,
        boolean current,
        String phone,
        List<String> contactAttempts,
        boolean supportConsent,
        List<String> sharingScopes,
        int dashYes,
        int dashNotKnown,
        Level judgement,
        int incidentsInLast12Months,
        boolean safetyPlan,
        String disclosureCategory,
        Level disclosureLevel,
        Measures intake,
        Measures exit) {

    public boolean reached() {
        return !contactAttempts.isEmpty() && "REACHED".equals(contactAttempts.getLast());
    }

    /** The DASH level of the checklist answers alone (14+ yes high, 10-13 medium, 1-9 standard). */
    public Level dashLevel() {
        return dashYes >= 14 ? Level.HIGH : dashYes >= 10 ? Level.MEDIUM : Level.STANDARD;
    }

    /** Partner-reported outcome measures, each 1 (worst) to 5 (best); the children's ones absent without children. */
    public record Measures(
            int cessationOfAbuse,
            int riskNow,
            int feelingSafe,
            int qualityOfLife,
            Integer childrensFear,
            int respectfulRelationship,
            int spaceForAction,
            int safetyAndFreedomFromViolence,
            Integer safeSharedParenting,
            int awarenessOfSelfAndOthers,
            Integer saferChildhoods) {}
}
