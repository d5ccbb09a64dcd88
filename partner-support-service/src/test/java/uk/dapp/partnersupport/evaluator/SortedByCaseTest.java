package uk.dapp.partnersupport.evaluator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SortedByCaseTest {

    /** A document of a case, told apart by its label. */
    private record Doc(String caseId, String label) {}

    private static SortedByCase<Doc> of(Doc... docs) {
        return new SortedByCase<>(List.of(docs).iterator(), Doc::caseId);
    }

    @Test
    void handsOutEachCasesDocumentsInTheirOrder() {
        SortedByCase<Doc> docs = of(new Doc("A", "1"), new Doc("A", "2"), new Doc("B", "3"), new Doc("C", "4"));

        assertThat(docs.of("A")).extracting(Doc::label).containsExactly("1", "2");
        assertThat(docs.of("B")).extracting(Doc::label).containsExactly("3");
        assertThat(docs.of("C")).extracting(Doc::label).containsExactly("4");
    }

    @Test
    void passesOverCasesNotAskedForBeforeAndBetween() {
        SortedByCase<Doc> docs = of(
                new Doc("A", "skipped"),
                new Doc("B", "1"),
                new Doc("C", "skipped"),
                new Doc("C", "skipped"),
                new Doc("D", "2"));

        assertThat(docs.of("B")).extracting(Doc::label).containsExactly("1");
        assertThat(docs.of("D")).extracting(Doc::label).containsExactly("2");
    }

    @Test
    void aCaseWithoutDocumentsGetsNoneAndTakesNothingFromTheNext() {
        SortedByCase<Doc> docs = of(new Doc("B", "1"), new Doc("D", "2"));

        assertThat(docs.of("A")).isEmpty();
        assertThat(docs.of("B")).extracting(Doc::label).containsExactly("1");
        assertThat(docs.of("C")).isEmpty();
        assertThat(docs.of("D")).extracting(Doc::label).containsExactly("2");
        assertThat(docs.of("E")).isEmpty();
    }

    @Test
    void nothingReadGivesNothing() {
        SortedByCase<Doc> docs = of();

        assertThat(docs.of("A")).isEmpty();
        assertThat(docs.of("B")).isEmpty();
    }

    @Test
    void casesAfterTheLastAskedForAreNeverHandedOut() {
        SortedByCase<Doc> docs = of(new Doc("A", "1"), new Doc("Z", "2"));

        assertThat(docs.of("A")).extracting(Doc::label).containsExactly("1");
        assertThat(docs.of("M")).isEmpty();
    }
}
