package uk.dapp.gateway.outcomes;

import static uk.dapp.platform.privacy.SensitivityLabel.SAFE;
import static uk.dapp.platform.privacy.SensitivityLabel.SENSITIVE;

import java.util.function.Function;
import uk.dapp.client.partnersupport.model.PartnerSupportContribution;
import uk.dapp.client.programme.model.ProgrammeContribution;
import uk.dapp.client.riskmatrix.model.RiskMatrixContribution;
import uk.dapp.platform.privacy.ReleasedQuasiIdentifiers;
import uk.dapp.platform.privacy.Sensitivity;

/**
 * One released row of the outcome extract: nothing but labelled, exportable fields
 * ({@code ExportColumns.of} refuses this type otherwise), the quasi-identifiers only as the
 * k-anonymity plan released them. A service holding nothing on the case leaves its fields null.
 *
 * @param pseudonym the keyed pseudonym of the case ({@code psn_…}); linkable only under the
 *     extract's own key, which nobody is shown
 */
public record OutcomeRow(
        @Sensitivity(SAFE) String pseudonym,
        ReleasedQuasiIdentifiers quasi,
        // risk matrix
        @Sensitivity(SENSITIVE) String routingDecision,
        @Sensitivity(SENSITIVE) Long harmBefore,
        @Sensitivity(SENSITIVE) Long harmAfter,
        @Sensitivity(SENSITIVE) Integer repeatIncidentsAfter,
        @Sensitivity(SENSITIVE) Integer repeatVictimsAfter,
        @Sensitivity(SENSITIVE) Integer justiceOutcomesAfter,
        @Sensitivity(SAFE) Integer followUpMonths,
        // programme
        @Sensitivity(SAFE) String programmeCode,
        @Sensitivity(SAFE) String referralSource,
        @Sensitivity(SAFE) Boolean mandated,
        @Sensitivity(SENSITIVE) String suitabilityOutcome,
        @Sensitivity(SAFE) Integer sessionsAttended,
        @Sensitivity(SAFE) Integer sessionsRequired,
        @Sensitivity(SENSITIVE) String exitReason,
        @Sensitivity(SAFE) Integer referrals,
        // partner support: changes from intake, of the case's first partner track
        @Sensitivity(SAFE) Integer partnerTracks,
        @Sensitivity(SAFE) String outcomesComparedTo,
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
        @Sensitivity(SENSITIVE) String dashLevelAtIntake,
        @Sensitivity(SENSITIVE) String dashLevelAtExit,
        @Sensitivity(SENSITIVE) Integer workingDaysToFirstContact,
        @Sensitivity(SENSITIVE) Boolean firstContactWithinDeadline) {

    /** The row of a joined case under its pseudonym and released quasi-identifiers; the case ID stays behind. */
    static OutcomeRow of(String pseudonym, ReleasedQuasiIdentifiers quasi, JoinedCase joined) {
        RiskMatrixContribution r = joined.riskMatrix();
        ProgrammeContribution p = joined.programme();
        PartnerSupportContribution s = joined.partnerSupport();
        return new OutcomeRow(pseudonym, quasi,
                get(r, x -> text(x.getRoutingDecision())), get(r, RiskMatrixContribution::getHarmBefore),
                get(r, RiskMatrixContribution::getHarmAfter), get(r, RiskMatrixContribution::getRepeatIncidentsAfter),
                get(r, RiskMatrixContribution::getRepeatVictimsAfter), get(r, RiskMatrixContribution::getJusticeOutcomesAfter),
                get(r, RiskMatrixContribution::getFollowUpMonths),
                get(p, ProgrammeContribution::getProgrammeCode), get(p, ProgrammeContribution::getReferralSource),
                get(p, ProgrammeContribution::getMandated), get(p, x -> text(x.getSuitabilityOutcome())),
                get(p, ProgrammeContribution::getSessionsAttended), get(p, ProgrammeContribution::getSessionsRequired),
                get(p, ProgrammeContribution::getExitReason), get(p, ProgrammeContribution::getReferrals),
                get(s, PartnerSupportContribution::getPartnerTracks), get(s, x -> text(x.getOutcomesComparedTo())),
                get(s, PartnerSupportContribution::getCessationOfAbuseChange),
                get(s, PartnerSupportContribution::getRiskNowChange),
                get(s, PartnerSupportContribution::getFeelingSafeChange),
                get(s, PartnerSupportContribution::getQualityOfLifeChange),
                get(s, PartnerSupportContribution::getChildrensFearChange),
                get(s, PartnerSupportContribution::getRespectfulRelationshipChange),
                get(s, PartnerSupportContribution::getSpaceForActionChange),
                get(s, PartnerSupportContribution::getSafetyAndFreedomFromViolenceChange),
                get(s, PartnerSupportContribution::getSafeSharedParentingChange),
                get(s, PartnerSupportContribution::getAwarenessOfSelfAndOthersChange),
                get(s, PartnerSupportContribution::getSaferChildhoodsChange),
                get(s, x -> text(x.getDashLevelAtIntake())), get(s, x -> text(x.getDashLevelAtExit())),
                get(s, PartnerSupportContribution::getWorkingDaysToFirstContact),
                get(s, PartnerSupportContribution::getFirstContactWithinDeadline));
    }

    private static <P, V> V get(P part, Function<P, V> field) {
        return part == null ? null : field.apply(part);
    }

    private static String text(Object enumValue) {
        return enumValue == null ? null : enumValue.toString();
    }
}
