package uk.dapp.partnersupport.evaluator;

import static uk.dapp.platform.privacy.SensitivityLabel.DIRECT_IDENTIFIER;
import static uk.dapp.platform.privacy.SensitivityLabel.SAFE;
import static uk.dapp.platform.privacy.SensitivityLabel.SENSITIVE;

import java.util.Map;
import uk.dapp.partnersupport.outcome.OutcomeMeasures;
import uk.dapp.partnersupport.outcome.OutcomePoint;
import uk.dapp.platform.privacy.Sensitivity;
import uk.dapp.platform.risk.RiskLevel;

/**
 * One case's partner-support part of the anonymised outcome extract, from the case's first partner
 * track: the change in each partner-reported measure from intake, the DASH level at intake and
 * exit, and how many working days the partner waited to be first reached ({@link FirstContact}).
 * The case ID is only the join key (a direct identifier, so the row itself can never be exported;
 * the gateway swaps it for a pseudonym). Nothing about who the partner is leaves.
 */
public record PartnerSupportContribution(
        @Sensitivity(DIRECT_IDENTIFIER) String caseId,
        @Sensitivity(SAFE) int partnerTracks,
        @Sensitivity(SAFE) OutcomePoint outcomesComparedTo,
        @Sensitivity(SENSITIVE) Integer cessationOfAbuseChange,
        @Sensitivity(SENSITIVE) Integer riskNowChange,
        @Sensitivity(SENSITIVE) Integer feelingSafeChange,
        @Sensitivity(SENSITIVE) Integer qualityOfLifeChange,
        @Sensitivity(SENSITIVE) Integer childrensFearChange,
        @Sensitivity(SENSITIVE) Integer respectfulRelationshipChange,
        @Sensitivity(SENSITIVE) Integer spaceForActionChange,
        @Sensitivity(SENSITIVE) Integer safetyAndFreedomFromViolenceChange,
        @Sensitivity(SENSITIVE) Integer safeSharedParentingChange,
        @Sensitivity(SENSITIVE) Integer awarenessOfSelfAndOthersChange,
        @Sensitivity(SENSITIVE) Integer saferChildhoodsChange,
        @Sensitivity(SENSITIVE) Boolean childrenFrightenedAtIntake,
        @Sensitivity(SENSITIVE) Boolean childrenFrightenedLater,
        @Sensitivity(SENSITIVE) RiskLevel dashLevelAtIntake,
        @Sensitivity(SENSITIVE) RiskLevel dashLevelAtExit,
        @Sensitivity(SENSITIVE) Integer workingDaysToFirstContact,
        @Sensitivity(SENSITIVE) Boolean firstContactWithinDeadline) {

    /**
     * Children reported frightened at intake and at the point compared, both or neither (null when
     * children's fear is missing at either: no children, or not asked).
     */
    record ChildrenFrightened(Boolean atIntake, Boolean later) {

        static final ChildrenFrightened UNKNOWN = new ChildrenFrightened(null, null);

        static ChildrenFrightened between(OutcomeMeasures intake, OutcomeMeasures later) {
            if (intake == null
                    || later == null
                    || intake.childrenFrightened() == null
                    || later.childrenFrightened() == null) {
                return UNKNOWN;
            }
            return new ChildrenFrightened(intake.childrenFrightened(), later.childrenFrightened());
        }
    }

    /** The field the gateway joins on and drops. */
    public static final String JOIN_KEY = "caseId";

    /** A row from the measure changes by name ({@code OutcomeChanges.between}); absent ones are null. */
    static PartnerSupportContribution of(
            String caseId,
            int partnerTracks,
            OutcomePoint comparedTo,
            Map<String, Integer> changes,
            ChildrenFrightened frightened,
            RiskLevel atIntake,
            RiskLevel atExit,
            FirstContact firstContact) {
        return new PartnerSupportContribution(
                caseId,
                partnerTracks,
                comparedTo,
                changes.get("cessationOfAbuse"),
                changes.get("riskNow"),
                changes.get("feelingSafe"),
                changes.get("qualityOfLife"),
                changes.get("childrensFear"),
                changes.get("respectfulRelationship"),
                changes.get("spaceForAction"),
                changes.get("safetyAndFreedomFromViolence"),
                changes.get("safeSharedParenting"),
                changes.get("awarenessOfSelfAndOthers"),
                changes.get("saferChildhoods"),
                frightened.atIntake(),
                frightened.later(),
                atIntake,
                atExit,
                firstContact == null ? null : firstContact.workingDays(),
                firstContact == null ? null : firstContact.withinDeadline());
    }
}
