package uk.dapp.programme.suitability;

import java.util.ArrayList;
import java.util.List;
import uk.dapp.programme.catalogue.ProgrammeType;

/**
 * From an assessment to an outcome. Unmanaged mental-health or substance-misuse needs go to a
 * specialist service first; a person unsuited to group work goes to one-to-one work; low
 * motivation, accountability or awareness means motivational-interviewing sessions while the
 * programme's cap allows, and once the cap is used up a reassessment still low is not suitable, back
 * to the risk matrix for disruption.
 */
public final class SuitabilityRules {

    public record Decision(SuitabilityOutcome outcome, String reason, OnwardRoute onwardRoute) {}

    public static Decision decide(Scores scores, ProgrammeType type, int miSessionsUsed, int miSessionCap) {
        if (scores.mentalHealth() == Scores.Concern.UNMANAGED) {
            return new Decision(
                    SuitabilityOutcome.NOT_SUITABLE, "UNMANAGED_MENTAL_HEALTH", OnwardRoute.SPECIALIST_SERVICE);
        }
        if (scores.substanceMisuse() == Scores.Concern.UNMANAGED) {
            return new Decision(
                    SuitabilityOutcome.NOT_SUITABLE, "UNMANAGED_SUBSTANCE_MISUSE", OnwardRoute.SPECIALIST_SERVICE);
        }
        if (type == ProgrammeType.GROUP && !scores.groupWorkSuitable()) {
            return new Decision(
                    SuitabilityOutcome.NOT_SUITABLE, "NOT_SUITED_TO_GROUP_WORK", OnwardRoute.ONE_TO_ONE_WORK);
        }
        List<String> low = new ArrayList<>();
        if (scores.motivation() < Scores.ENOUGH) {
            low.add("MOTIVATION");
        }
        if (scores.accountability() < Scores.ENOUGH) {
            low.add("ACCOUNTABILITY");
        }
        if (scores.awareness() < Scores.ENOUGH) {
            low.add("AWARENESS");
        }
        if (low.isEmpty()) {
            return new Decision(SuitabilityOutcome.SUITABLE, null, null);
        }
        if (miSessionsUsed < miSessionCap) {
            return new Decision(SuitabilityOutcome.NEEDS_MOTIVATIONAL_WORK, "LOW_" + String.join("_AND_", low), null);
        }
        return new Decision(
                SuitabilityOutcome.NOT_SUITABLE,
                "LOW_" + String.join("_AND_", low) + "_AFTER_MI_CAP",
                OnwardRoute.RISK_MATRIX_DISRUPTION);
    }

    /** Another motivational-interviewing session is allowed while fewer than the cap were held. */
    public static boolean allowsAnotherMiSession(int used, int cap) {
        return used < cap;
    }

    private SuitabilityRules() {}
}
