package uk.dapp.gateway.outcomes;

import static uk.dapp.platform.privacy.SensitivityLabel.SAFE;
import static uk.dapp.platform.privacy.SensitivityLabel.SENSITIVE;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import uk.dapp.client.partnersupport.model.PartnerSupportContribution;
import uk.dapp.client.programme.model.ProgrammeContribution;
import uk.dapp.client.riskmatrix.model.RiskMatrixContribution;
import uk.dapp.platform.privacy.ReleasedQuasiIdentifiers;
import uk.dapp.platform.privacy.Sensitivity;

/**
 * One released row of the outcome extract: nothing but labelled, exportable fields
 * ({@code ExportColumns.of} refuses this type otherwise), the quasi-identifiers only as the
 * k-anonymity plan released them (programme, referral source, mandated and routing decision among
 * them: a neighbour could know those too). A service holding nothing on the case leaves its fields
 * null, and so does a sensitive outcome the row's class withholds (l-diversity, {@link #withholding}).
 *
 * @param pseudonym the keyed pseudonym of the case ({@code psn_…}); linkable only under the
 *     extract's own key, which nobody is shown
 */
public record OutcomeRow(
        @Sensitivity(SAFE) String pseudonym,
        ReleasedQuasiIdentifiers quasi,
        // risk matrix
        @Sensitivity(SENSITIVE) Long harmBefore,
        @Sensitivity(SENSITIVE) Long harmAfter,
        @Sensitivity(SENSITIVE) Integer repeatIncidentsAfter,
        @Sensitivity(SENSITIVE) Integer repeatVictimsAfter,
        @Sensitivity(SENSITIVE) Integer justiceOutcomesAfter,
        @Sensitivity(SAFE) Integer followUpMonths,
        // programme
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
        return new OutcomeRow(
                pseudonym,
                quasi,
                get(r, RiskMatrixContribution::getHarmBefore),
                get(r, RiskMatrixContribution::getHarmAfter),
                get(r, RiskMatrixContribution::getRepeatIncidentsAfter),
                get(r, RiskMatrixContribution::getRepeatVictimsAfter),
                get(r, RiskMatrixContribution::getJusticeOutcomesAfter),
                get(r, RiskMatrixContribution::getFollowUpMonths),
                get(p, x -> text(x.getSuitabilityOutcome())),
                get(p, ProgrammeContribution::getSessionsAttended),
                get(p, ProgrammeContribution::getSessionsRequired),
                get(p, ProgrammeContribution::getExitReason),
                get(p, ProgrammeContribution::getReferrals),
                get(s, PartnerSupportContribution::getPartnerTracks),
                get(s, x -> text(x.getOutcomesComparedTo())),
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
                get(s, x -> text(x.getDashLevelAtIntake())),
                get(s, x -> text(x.getDashLevelAtExit())),
                get(s, PartnerSupportContribution::getWorkingDaysToFirstContact),
                get(s, PartnerSupportContribution::getFirstContactWithinDeadline));
    }

    /** The row's sensitive outcomes, named for l-diversity: every field labelled SENSITIVE, in order. */
    static final List<String> SENSITIVE_OUTCOMES = Arrays.stream(OutcomeRow.class.getRecordComponents())
            .filter(c -> c.getAnnotation(Sensitivity.class) != null
                    && c.getAnnotation(Sensitivity.class).value() == SENSITIVE)
            .map(RecordComponent::getName)
            .toList();

    /** The values of {@link #SENSITIVE_OUTCOMES}, in that order (null where not recorded). */
    List<Object> sensitiveValues() {
        List<Object> values = new ArrayList<>();
        for (RecordComponent component : OutcomeRow.class.getRecordComponents()) {
            if (SENSITIVE_OUTCOMES.contains(component.getName())) {
                values.add(read(component));
            }
        }
        return values;
    }

    /** The same row with the named outcomes left out (null), as its class withholds them. */
    OutcomeRow withholding(Set<String> withheld) {
        if (withheld.isEmpty()) {
            return this;
        }
        RecordComponent[] components = OutcomeRow.class.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = withheld.contains(components[i].getName()) ? null : read(components[i]);
        }
        try {
            return OutcomeRow.class.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot copy an outcome row", e);
        }
    }

    private Object read(RecordComponent component) {
        try {
            return component.getAccessor().invoke(this);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component.getName(), e);
        }
    }

    private static <P, V> V get(P part, Function<P, V> field) {
        return part == null ? null : field.apply(part);
    }

    private static String text(Object enumValue) {
        return enumValue == null ? null : enumValue.toString();
    }
}
