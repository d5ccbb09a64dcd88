package uk.dapp.programme.evaluator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The merge's side reads: each case's documents in turn, as the referrals ask for them. */
class InCaseOrderTest {

    /** A document of a case ("case/what"); a null case for one without. */
    private record Item(String caseId, String what) {}

    private static ContributionRows.InCaseOrder<Item> read(Item... items) {
        return new ContributionRows.InCaseOrder<>("items", Arrays.asList(items).iterator(), Item::caseId);
    }

    @Test
    void eachCaseGetsItsOwnDocumentsAndThoseOfCasesNotAskedForArePassedOver() {
        ContributionRows.InCaseOrder<Item> items = read(
                new Item(null, "without a case"),
                new Item("A", "a1"),
                new Item("B", "b1"),
                new Item("B", "b2"),
                new Item("B", "b3"),
                new Item("D", "d1"),
                new Item("F", "f1"));

        assertThat(items.of("B")).extracting(Item::what).containsExactly("b1", "b2", "b3");
        assertThat(items.of("C")).isEmpty();
        assertThat(items.of("D")).extracting(Item::what).containsExactly("d1");
        assertThat(items.of("E")).isEmpty();
        assertThat(items.of("G")).isEmpty();
        assertThat(items.of("H")).isEmpty();
    }

    @Test
    void aCaseAfterTheLastDocumentGetsNone() {
        ContributionRows.InCaseOrder<Item> items = read();

        assertThat(items.of("A")).isEmpty();
        assertThat(read(new Item("A", "a1")).of("B")).isEmpty();
    }

    @Test
    void aReadOutOfCaseOrderFailsTheExportRatherThanLoseDocuments() {
        ContributionRows.InCaseOrder<Item> items = read(new Item("B", "b1"), new Item("A", "a1"), new Item("C", "c1"));

        assertThatThrownBy(() -> items.of("C"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("The items were read out of case order");
    }
}
