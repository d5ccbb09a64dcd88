package uk.dapp.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.dapp.platform.privacy.SensitivityLabel.DIRECT_IDENTIFIER;
import static uk.dapp.platform.privacy.SensitivityLabel.FREE_TEXT;
import static uk.dapp.platform.privacy.SensitivityLabel.QUASI_IDENTIFIER;
import static uk.dapp.platform.privacy.SensitivityLabel.SAFE;
import static uk.dapp.platform.privacy.SensitivityLabel.SENSITIVE;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SensitivityLabelsTest {

    record PartnerOutcome(
            @Sensitivity(SENSITIVE) Integer dashAtIntake,
            @Sensitivity(SENSITIVE) Integer dashAtExit) {}

    record Row(
            @Sensitivity(SAFE) String pseudonym,
            @Sensitivity(QUASI_IDENTIFIER) String ageBand,
            @Sensitivity(SAFE) String programme,
            PartnerOutcome partner) {}

    record RowWithGaps(@Sensitivity(SAFE) String pseudonym, String area, PartnerWithGap partner) {}

    record PartnerWithGap(@Sensitivity(SENSITIVE) Integer dashAtIntake, Integer feelingSafer) {}

    record RowWithCaseId(
            @Sensitivity(DIRECT_IDENTIFIER) String caseId,
            @Sensitivity(SAFE) String programme) {}

    record Notes(
            @Sensitivity(SAFE) String category,
            @Sensitivity(FREE_TEXT) String text) {}

    record RowWithNotesInAList(@Sensitivity(SAFE) String programme, List<Notes> notes) {}

    record Address(@Sensitivity(SAFE) String country) {}

    record RowWithLabelledAddress(
            @Sensitivity(SAFE) String programme,
            @Sensitivity(DIRECT_IDENTIFIER) Address home) {}

    record RowWithOptionalPartner(@Sensitivity(SAFE) String programme, Optional<PartnerWithGap> partner) {}

    record Chain(@Sensitivity(SAFE) String step, Chain next) {}

    static class BaseEntity {
        @Sensitivity(DIRECT_IDENTIFIER)
        String caseId;

        static final String IGNORED_CONSTANT = "not an instance field";
    }

    static class Nominal extends BaseEntity {
        @Sensitivity(DIRECT_IDENTIFIER)
        String familyName;

        String area;
    }

    @Test
    void aFullyLabelledRowHasNothingUnlabelledAndItsLeavesAreReturnedInDeclarationOrder() {
        assertThat(SensitivityLabels.unlabelled(Row.class)).isEmpty();

        List<LabelledField> leaves = SensitivityLabels.exportable(Row.class);

        assertThat(leaves)
                .extracting(LabelledField::path)
                .containsExactly("pseudonym", "ageBand", "programme", "partner.dashAtIntake", "partner.dashAtExit");
        assertThat(leaves)
                .extracting(LabelledField::label)
                .containsExactly(SAFE, QUASI_IDENTIFIER, SAFE, SENSITIVE, SENSITIVE);
    }

    @Test
    void unlabelledComponentsAreListedByPathIncludingInsideNestedRecords() {
        assertThat(SensitivityLabels.unlabelled(RowWithGaps.class)).containsExactly("area", "partner.feelingSafer");
    }

    @Test
    void unlabelledFieldsAreRefusedForExportByName() {
        assertThatThrownBy(() -> SensitivityLabels.exportable(RowWithGaps.class))
                .isInstanceOf(NotExportableException.class)
                .hasMessageContaining("area has no sensitivity label")
                .hasMessageContaining("partner.feelingSafer has no sensitivity label")
                .extracting(e -> ((NotExportableException) e).fields())
                .isEqualTo(List.of("area", "partner.feelingSafer"));
    }

    @Test
    void aDirectIdentifierIsRefusedNamingTheField() {
        assertThatThrownBy(() -> SensitivityLabels.exportable(RowWithCaseId.class))
                .isInstanceOf(NotExportableException.class)
                .hasMessageContaining(RowWithCaseId.class.getName())
                .hasMessageContaining("caseId is DIRECT_IDENTIFIER");
    }

    @Test
    void freeTextIsRefusedEvenInsideARecordInsideAList() {
        assertThat(SensitivityLabels.unlabelled(RowWithNotesInAList.class)).isEmpty();

        assertThatThrownBy(() -> SensitivityLabels.exportable(RowWithNotesInAList.class))
                .isInstanceOf(NotExportableException.class)
                .hasMessageContaining("notes.text is FREE_TEXT");
    }

    @Test
    void aNestedRecordLabelledAsAnIdentifierIsRefusedWithEverythingInIt() {
        assertThatThrownBy(() -> SensitivityLabels.exportable(RowWithLabelledAddress.class))
                .isInstanceOf(NotExportableException.class)
                .hasMessageContaining("home is DIRECT_IDENTIFIER")
                .extracting(e -> ((NotExportableException) e).fields())
                .isEqualTo(List.of("home", "home.country"));
    }

    @Test
    void recordsInsideOptionalAreInspectedToo() {
        assertThat(SensitivityLabels.unlabelled(RowWithOptionalPartner.class)).containsExactly("partner.feelingSafer");
    }

    @Test
    void aRecursiveRecordIsInspectedOnceWithoutLooping() {
        assertThat(SensitivityLabels.fields(Chain.class))
                .extracting(LabelledField::path)
                .containsExactly("step", "next");
        assertThat(SensitivityLabels.unlabelled(Chain.class)).isEmpty();
    }

    @Test
    void plainClassesAreReadByInstanceFieldsIncludingInheritedOnes() {
        assertThat(SensitivityLabels.fields(Nominal.class))
                .extracting(LabelledField::path)
                .containsExactly("caseId", "familyName", "area");
        assertThat(SensitivityLabels.unlabelled(Nominal.class)).containsExactly("area");
        assertThatThrownBy(() -> SensitivityLabels.exportable(Nominal.class))
                .isInstanceOf(NotExportableException.class)
                .extracting(e -> ((NotExportableException) e).fields())
                .isEqualTo(List.of("caseId", "familyName", "area"));
    }

    @Test
    void onlyIdentifiersAndFreeTextAreNeverExportable() {
        assertThat(SensitivityLabel.values())
                .filteredOn(label -> !label.exportable())
                .containsExactlyInAnyOrder(DIRECT_IDENTIFIER, FREE_TEXT);
    }
}
