package uk.dapp.platform.caseid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The merge's side reads: each case's documents in turn, as the main read asks for them. */
class InCaseOrderTest {

    /** A document of a case, told apart by its label; a null case for one without. */
    private record Item(String caseId, String label) {}

    private static InCaseOrder<Item> read(Item... items) {
        return new InCaseOrder<>("items", Arrays.asList(items).iterator(), Item::caseId);
    }

    @Test
    void handsOutEachCasesDocumentsInTheirOrder() {
        InCaseOrder<Item> items = read(new Item("A", "1"), new Item("A", "2"), new Item("B", "3"), new Item("C", "4"));

        assertThat(items.of("A")).extracting(Item::label).containsExactly("1", "2");
        assertThat(items.of("B")).extracting(Item::label).containsExactly("3");
        assertThat(items.of("C")).extracting(Item::label).containsExactly("4");
    }

    @Test
    void eachCaseGetsItsOwnDocumentsAndThoseOfCasesNotAskedForArePassedOver() {
        InCaseOrder<Item> items = read(
                new Item(null, "without a case"),
                new Item("A", "a1"),
                new Item("B", "b1"),
                new Item("B", "b2"),
                new Item("B", "b3"),
                new Item("C", "skipped"),
                new Item("D", "d1"),
                new Item("F", "f1"));

        assertThat(items.of("B")).extracting(Item::label).containsExactly("b1", "b2", "b3");
        assertThat(items.of("C1")).isEmpty();
        assertThat(items.of("D")).extracting(Item::label).containsExactly("d1");
        assertThat(items.of("E")).isEmpty();
        assertThat(items.of("G")).isEmpty();
        assertThat(items.of("H")).isEmpty();
    }

    @Test
    void aCaseWithoutDocumentsGetsNoneAndTakesNothingFromTheNext() {
        InCaseOrder<Item> items = read(new Item("B", "1"), new Item("D", "2"));

        assertThat(items.of("A")).isEmpty();
        assertThat(items.of("B")).extracting(Item::label).containsExactly("1");
        assertThat(items.of("C")).isEmpty();
        assertThat(items.of("D")).extracting(Item::label).containsExactly("2");
        assertThat(items.of("E")).isEmpty();
    }

    @Test
    void nothingReadGivesNothing() {
        InCaseOrder<Item> items = read();

        assertThat(items.of("A")).isEmpty();
        assertThat(items.of("B")).isEmpty();
        assertThat(read(new Item("A", "a1")).of("B")).isEmpty();
    }

    @Test
    void casesAfterTheLastAskedForAreNeverHandedOut() {
        InCaseOrder<Item> items = read(new Item("A", "1"), new Item("Z", "2"));

        assertThat(items.of("A")).extracting(Item::label).containsExactly("1");
        assertThat(items.of("M")).isEmpty();
    }

    @Test
    void aReadOutOfCaseOrderFailsRatherThanLoseDocuments() {
        InCaseOrder<Item> items = read(new Item("B", "b1"), new Item("A", "a1"), new Item("C", "c1"));

        assertThatThrownBy(() -> items.of("C"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("The items were read out of case order");
    }
}
