package uk.dapp.gateway.outcomes;

import static uk.dapp.platform.privacy.SensitivityLabel.SAFE;
import static uk.dapp.platform.privacy.SensitivityLabel.SENSITIVE;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;
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

    /** The record's components, read once: {@code getRecordComponents()} makes new accessors on every call. */
    private static final RecordComponent[] COMPONENTS = OutcomeRow.class.getRecordComponents();

    /** Each component's accessor, as a handle from Object to Object (faster than Method.invoke, row after row). */
    private static final MethodHandle[] ACCESSORS =
            Arrays.stream(COMPONENTS).map(c -> handle(c.getAccessor())).toArray(MethodHandle[]::new);

    /** The canonical constructor, taking the components' values as one Object[]. */
    private static final MethodHandle CONSTRUCTOR = canonicalConstructor();

    /** The row's sensitive outcomes, named for l-diversity: every field labelled SENSITIVE, in order. */
    static final List<String> SENSITIVE_OUTCOMES = Arrays.stream(COMPONENTS)
            .filter(c -> c.getAnnotation(Sensitivity.class) != null
                    && c.getAnnotation(Sensitivity.class).value() == SENSITIVE)
            .map(RecordComponent::getName)
            .toList();

    /** The positions of {@link #SENSITIVE_OUTCOMES} among the components, in that order. */
    private static final int[] SENSITIVE_POSITIONS = IntStream.range(0, COMPONENTS.length)
            .filter(i -> SENSITIVE_OUTCOMES.contains(COMPONENTS[i].getName()))
            .toArray();

    /** The values of {@link #SENSITIVE_OUTCOMES}, in that order (null where not recorded). */
    List<Object> sensitiveValues() {
        Object[] values = new Object[SENSITIVE_POSITIONS.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = read(SENSITIVE_POSITIONS[i]);
        }
        return Arrays.asList(values);
    }

    /** The same row with the named outcomes left out (null), as its class withholds them. */
    OutcomeRow withholding(Set<String> withheld) {
        if (withheld.isEmpty()) {
            return this;
        }
        Object[] values = new Object[COMPONENTS.length];
        for (int i = 0; i < COMPONENTS.length; i++) {
            values[i] = withheld.contains(COMPONENTS[i].getName()) ? null : read(i);
        }
        try {
            return (OutcomeRow) CONSTRUCTOR.invokeExact(values);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("cannot copy an outcome row", e);
        }
    }

    private Object read(int component) {
        try {
            return (Object) ACCESSORS[component].invokeExact((Object) this);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("cannot read " + COMPONENTS[component].getName(), e);
        }
    }

    private static MethodHandle handle(Method accessor) {
        try {
            return MethodHandles.lookup().unreflect(accessor).asType(MethodType.methodType(Object.class, Object.class));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + accessor.getName(), e);
        }
    }

    private static MethodHandle canonicalConstructor() {
        Class<?>[] types =
                Arrays.stream(COMPONENTS).map(RecordComponent::getType).toArray(Class<?>[]::new);
        try {
            return MethodHandles.lookup()
                    .findConstructor(OutcomeRow.class, MethodType.methodType(void.class, types))
                    .asSpreader(Object[].class, types.length)
                    .asType(MethodType.methodType(OutcomeRow.class, Object[].class));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalStateException("a record has its canonical constructor", e);
        }
    }

    private static <P, V> V get(P part, Function<P, V> field) {
        return part == null ? null : field.apply(part);
    }

    private static String text(Object enumValue) {
        return enumValue == null ? null : enumValue.toString();
    }
}
