package uk.dapp.platform.privacy;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.dapp.platform.privacy.SensitivityLabel.FREE_TEXT;
import static uk.dapp.platform.privacy.SensitivityLabel.SAFE;

import org.junit.jupiter.api.Test;
import uk.dapp.platform.testsupport.SensitivityAssertions;

/** The helper services use from the test-jar: it must fail when it should, or it proves nothing. */
class SensitivityAssertionsTest {

    record Labelled(@Sensitivity(SAFE) String programme) {}

    record Unlabelled(@Sensitivity(SAFE) String programme, String area) {}

    record WithNotes(
            @Sensitivity(SAFE) String programme,
            @Sensitivity(FREE_TEXT) String notes) {}

    @Test
    void everyFieldLabelledPassesForALabelledTypeAndNamesTheGapOtherwise() {
        assertThatCode(() -> SensitivityAssertions.assertEveryFieldLabelled(Labelled.class))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> SensitivityAssertions.assertEveryFieldLabelled(Labelled.class, Unlabelled.class))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Unlabelled.area");
    }

    @Test
    void exportablePassesForASafeTypeAndFailsForFreeText() {
        assertThatCode(() -> SensitivityAssertions.assertExportable(Labelled.class))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> SensitivityAssertions.assertExportable(WithNotes.class))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("notes is FREE_TEXT");
    }

    @Test
    void notExportableFailsWhenTheTypeIsExportableOrTheNamedFieldIsNotTheProblem() {
        assertThatCode(() -> SensitivityAssertions.assertNotExportable(WithNotes.class, "notes"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> SensitivityAssertions.assertNotExportable(Labelled.class, "programme"))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> SensitivityAssertions.assertNotExportable(WithNotes.class, "programme"))
                .isInstanceOf(AssertionError.class);
    }
}
