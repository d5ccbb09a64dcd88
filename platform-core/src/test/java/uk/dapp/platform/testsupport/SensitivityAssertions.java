package uk.dapp.platform.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import uk.dapp.platform.privacy.LabelledField;
import uk.dapp.platform.privacy.NotExportableException;
import uk.dapp.platform.privacy.SensitivityLabel;
import uk.dapp.platform.privacy.SensitivityLabels;

/**
 * What every service tests about the types it could export (docs/domain/evaluator-outcomes.md): each field is
 * labelled, and the extract's row types pass {@link SensitivityLabels#exportable}.
 *
 * <pre>{@code
 * @Test void everyExportedFieldIsLabelled() { SensitivityAssertions.assertEveryFieldLabelled(OutcomeRow.class); }
 * @Test void rowsMayBeExported() { SensitivityAssertions.assertExportable(OutcomeRow.class); }
 * @Test void theCaseRecordCannotBe() { SensitivityAssertions.assertNotExportable(Nominal.class, "givenName"); }
 * }</pre>
 */
public final class SensitivityAssertions {

    private SensitivityAssertions() {}

    /** Fails naming every component or field, across all the types given, that carries no label. */
    public static void assertEveryFieldLabelled(Class<?>... types) {
        List<String> missing = new ArrayList<>();
        for (Class<?> type : types) {
            SensitivityLabels.unlabelled(type).forEach(path -> missing.add(type.getSimpleName() + "." + path));
        }
        assertThat(missing)
                .as("fields without a @Sensitivity label (add one: DIRECT_IDENTIFIER, QUASI_IDENTIFIER, "
                        + "SENSITIVE, SAFE or FREE_TEXT)")
                .isEmpty();
    }

    /** Fails with the checker's reasons when a type may not be written to an anonymised extract. */
    public static void assertExportable(Class<?>... types) {
        List<String> refusals = new ArrayList<>();
        for (Class<?> type : types) {
            try {
                SensitivityLabels.exportable(type);
            } catch (NotExportableException e) {
                refusals.add(e.getMessage());
            }
        }
        assertThat(refusals).as("types refused for export").isEmpty();
    }

    /** Fails unless the checker refuses the type for export and names the field given among its reasons. */
    public static void assertNotExportable(Class<?> type, String fieldPath) {
        assertThatThrownBy(() -> SensitivityLabels.exportable(type))
                .isInstanceOf(NotExportableException.class)
                .satisfies(
                        e -> assertThat(((NotExportableException) e).fields()).contains(fieldPath));
    }

    /**
     * For a service's evaluator contribution row: every field is labelled, and the only field that
     * identifies anyone (direct identifier or free text) is the join key given, which the gateway
     * replaces with a pseudonym and never passes on. The row type itself is therefore refused for
     * export, naming exactly that key.
     */
    public static void assertIdentifiesOnlyThroughJoinKey(Class<?> type, String joinKey) {
        assertEveryFieldLabelled(type);
        List<String> identifying = new ArrayList<>();
        for (LabelledField field : SensitivityLabels.fields(type)) {
            if (field.label() != null && !field.label().exportable()) {
                identifying.add(field.path() + " (" + field.label() + ")");
            }
        }
        assertThat(identifying)
                .as("direct identifiers and free text in " + type.getSimpleName())
                .containsExactly(joinKey + " (" + SensitivityLabel.DIRECT_IDENTIFIER + ")");
        assertThatThrownBy(() -> SensitivityLabels.exportable(type))
                .isInstanceOf(NotExportableException.class)
                .satisfies(
                        e -> assertThat(((NotExportableException) e).fields()).containsExactly(joinKey));
    }
}
