package uk.dapp.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SmallCellSuppressorTest {

    private static final List<String> PERIODS = List.of("2026-01", "2026-02", "2026-03");
    private static final List<String> AREAS = List.of("RIVERTON", "LAKESIDE", "FELLGATE");

    private static CountTable table(long[][] counts) {
        return CountTable.of(AREAS.subList(0, counts.length), PERIODS.subList(0, counts[0].length), counts);
    }

    /** The table with its margins as the suppressor sees it: cells, row totals last, column totals last. */
    private static SuppressedTable.Cell at(SuppressedTable t, int r, int c) {
        int rows = t.rows().size();
        int columns = t.columns().size();
        if (r == rows && c == columns) {
            return t.grandTotal();
        }
        if (r == rows) {
            return t.columnTotal(c);
        }
        if (c == columns) {
            return t.rowTotal(r);
        }
        return t.cell(r, c);
    }

    private static long value(CountTable t, int r, int c) {
        int rows = t.rows().size();
        int columns = t.columns().size();
        if (r == rows && c == columns) {
            return t.grandTotal();
        }
        if (r == rows) {
            return t.columnTotal(c);
        }
        if (c == columns) {
            return t.rowTotal(r);
        }
        return t.count(r, c);
    }

    private static List<String> hidden(SuppressedTable t) {
        List<String> out = new ArrayList<>();
        for (int r = 0; r <= t.rows().size(); r++) {
            for (int c = 0; c <= t.columns().size(); c++) {
                if (at(t, r, c).suppressed()) {
                    out.add(r + "," + c + ":" + at(t, r, c).suppression());
                }
            }
        }
        return out;
    }

    @Test
    void aTableWithNoSmallCellsIsPublishedWhole() {
        CountTable counts = table(new long[][] {{20, 30, 0}, {25, 12, 40}});

        SuppressedTable published = new SmallCellSuppressor().suppress(counts);

        assertThat(hidden(published)).isEmpty();
        assertThat(published.cell(0, 2).value()).hasValue(0);
        assertThat(published.rowTotal(1).display()).isEqualTo("77");
        assertThat(published.grandTotal().value()).hasValue(127);
    }

    @Test
    void oneSmallCellForcesTheSmallestSecondariesInItsRowAndColumn() {
        CountTable counts = table(new long[][] {
            {20, 30, 3},
            {25, 12, 40},
            {50, 60, 70}
        });

        SuppressedTable published = new SmallCellSuppressor().suppress(counts);

        // row RIVERTON gives up its smallest other cell (20, not 30); column 2026-03 gives up 40,
        // which also completes row LAKESIDE with 25, which completes column 2026-01
        assertThat(hidden(published)).containsExactly("0,0:SECONDARY", "0,2:PRIMARY", "1,0:SECONDARY", "1,2:SECONDARY");
        assertThat(published.cell(0, 2).display()).isEqualTo(SuppressedTable.SUPPRESSED_MARK);
        assertThat(published.cell(0, 2).value()).isEmpty();
        assertThat(published.primaryCount()).isEqualTo(1);
        assertThat(published.secondaryCount()).isEqualTo(3);
        assertThat(published.rowTotal(0).value()).hasValue(53);
        assertThat(published.columnTotal(2).value()).hasValue(113);
        assertNothingRecoverable(counts, published);
    }

    @Test
    void inATwoByTwoTableOneSmallCellHidesTheWholeInteriorButNoTotal() {
        CountTable counts = table(new long[][] {{3, 10}, {20, 30}});

        SuppressedTable published = new SmallCellSuppressor().suppress(counts);

        assertThat(hidden(published)).containsExactly("0,0:PRIMARY", "0,1:SECONDARY", "1,0:SECONDARY", "1,1:SECONDARY");
        assertNothingRecoverable(counts, published);
    }

    @Test
    void aSmallTotalIsHiddenTooAndZerosAreNotUsedToProtectIt() {
        CountTable counts = table(new long[][] {
            {0, 0, 4},
            {10, 12, 9},
            {11, 14, 20}
        });

        SuppressedTable published = new SmallCellSuppressor().suppress(counts);

        assertThat(published.rowTotal(0).suppression()).isEqualTo(Suppression.PRIMARY);
        assertThat(hidden(published)).containsExactly("0,2:PRIMARY", "0,3:PRIMARY", "1,2:SECONDARY", "1,3:SECONDARY");
        assertThat(published.cell(0, 0).value()).hasValue(0);
        assertNothingRecoverable(counts, published);
    }

    @Test
    void zeroIsNeverHiddenForItselfAndTheThresholdIsConfigurable() {
        CountTable counts = table(new long[][] {{0, 5, 40}, {0, 60, 50}});

        SuppressedTable strict = new SmallCellSuppressor(7).suppress(counts);
        SuppressedTable lenient = new SmallCellSuppressor(3).suppress(counts);

        assertThat(strict.cell(0, 1).suppression()).isEqualTo(Suppression.PRIMARY);
        assertThat(strict.cell(0, 0).suppression()).isEqualTo(Suppression.NONE);
        assertThat(hidden(lenient)).isEmpty();
        assertThat(new SmallCellSuppressor().threshold()).isEqualTo(7);
        assertThat(hidden(new SmallCellSuppressor(0).suppress(table(new long[][] {{1, 2}}))))
                .isEmpty();
        assertThatThrownBy(() -> new SmallCellSuppressor(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theThresholdIsInclusiveAtSevenAndEightIsPublished() {
        SuppressedTable published =
                new SmallCellSuppressor().suppress(table(new long[][] {{7, 8, 100}, {8, 100, 100}}));

        assertThat(published.cell(0, 0).suppression()).isEqualTo(Suppression.PRIMARY);
        assertThat(published.cell(0, 1).suppression()).isNotEqualTo(Suppression.PRIMARY);
        assertThat(published.cell(1, 0).suppression()).isNotEqualTo(Suppression.PRIMARY);
    }

    @Test
    void aTableSmallOverallHidesEverythingThatWouldGiveItAway() {
        CountTable counts = table(new long[][] {{1, 2}, {0, 3}});

        SuppressedTable published = new SmallCellSuppressor().suppress(counts);

        assertThat(published.grandTotal().suppressed()).isTrue();
        assertNothingRecoverable(counts, published);
    }

    @Test
    void anEmptyTableHasOnlyAZeroGrandTotal() {
        SuppressedTable published =
                new SmallCellSuppressor().suppress(CountTable.builder().build());

        assertThat(published.grandTotal().value()).hasValue(0);
        assertThat(published.rows()).isEmpty();
    }

    @Test
    void twoPerLineIsNotEnoughWhenTwoBlocksHangOnOneCellSoThatCellGetsCompanions() {
        // Two 2x2 blocks of small cells joined only through LAKESIDE 2026-03 (6): every row and
        // column has none or two or more hidden cells, yet the rows of the first block minus its
        // columns add up to exactly that cell.
        CountTable counts =
                CountTable.of(List.of("A", "B", "C", "D"), List.of("P1", "P2", "P3", "P4", "P5"), new long[][] {
                    {2, 3, 90, 90, 90},
                    {4, 5, 6, 90, 90},
                    {90, 90, 7, 2, 90},
                    {90, 90, 3, 4, 90}
                });

        SuppressedTable published = new SmallCellSuppressor().suppress(counts);

        assertThat(published.primaryCount()).isEqualTo(9);
        assertThat(published.secondaryCount()).isPositive();
        assertNothingRecoverable(counts, published);
    }

    @Test
    void onSeededRandomTablesEverySmallCellIsHiddenAndNoHiddenCellCanBeRecovered() {
        for (long seed = 1; seed <= 400; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            int rows = 1 + random.nextInt(6);
            int columns = 1 + random.nextInt(6);
            long[][] cells = new long[rows][columns];
            for (long[] row : cells) {
                for (int c = 0; c < columns; c++) {
                    int kind = random.nextInt(10);
                    row[c] = kind < 2 ? 0 : kind < 5 ? 1 + random.nextInt(7) : 8 + random.nextInt(200);
                }
            }
            CountTable counts = CountTable.of(
                    IntStream.range(0, rows).mapToObj(i -> "r" + i).toList(),
                    IntStream.range(0, columns).mapToObj(i -> "c" + i).toList(),
                    cells);
            int threshold = random.nextInt(3) == 0 ? 3 : 7;

            SuppressedTable published = new SmallCellSuppressor(threshold).suppress(counts);

            for (int r = 0; r <= rows; r++) {
                for (int c = 0; c <= columns; c++) {
                    long v = value(counts, r, c);
                    SuppressedTable.Cell cell = at(published, r, c);
                    if (v >= 1 && v <= threshold) {
                        assertThat(cell.suppression())
                                .as("seed %d cell %d,%d", seed, r, c)
                                .isEqualTo(Suppression.PRIMARY);
                    } else if (!cell.suppressed()) {
                        assertThat(cell.value())
                                .as("seed %d cell %d,%d", seed, r, c)
                                .hasValue(v);
                    }
                }
            }
            assertNothingRecoverable(counts, published);
        }
    }

    @Test
    void theBuilderAddsUpCountsAndKeepsTheOrderLabelsWereNamedIn() {
        CountTable counts = CountTable.builder()
                .row("RIVERTON")
                .row("LAKESIDE")
                .column("2026-Q1")
                .column("2026-Q2")
                .increment("LAKESIDE", "2026-Q2")
                .increment("LAKESIDE", "2026-Q2")
                .add("RIVERTON", "2026-Q1", 9)
                .increment("FELLGATE", "2026-Q3")
                .build();

        assertThat(counts.rows()).containsExactly("RIVERTON", "LAKESIDE", "FELLGATE");
        assertThat(counts.columns()).containsExactly("2026-Q1", "2026-Q2", "2026-Q3");
        assertThat(counts.count(1, 1)).isEqualTo(2);
        assertThat(counts.count(0, 2)).isZero();
        assertThat(counts.rowTotal(0)).isEqualTo(9);
        assertThat(counts.columnTotal(2)).isEqualTo(1);
        assertThat(counts.grandTotal()).isEqualTo(12);
        assertThatThrownBy(() -> CountTable.builder().add("A", "B", -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CountTable.of(List.of("A"), List.of("B"), new long[][] {{-1}}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CountTable.of(List.of("A", "A"), List.of("B"), new long[][] {{1}, {2}}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNumeratorAndItsDenominatorAreSuppressedTogetherSoThatOneCannotBeSubtractedFromTheOther() {
        // 10 exits and 9 completions in one cell: each count alone is publishable, their difference (1) is not
        CountTable exits = table(new long[][] {{10, 40}, {30, 25}});
        CountTable completions = table(new long[][] {{9, 20}, {15, 12}});
        CountTable notCompleted = table(new long[][] {{1, 20}, {15, 13}});

        List<SuppressedTable> published =
                new SmallCellSuppressor(7).suppressTogether(List.of(exits, completions), List.of(notCompleted));

        assertThat(positions(published.get(0)))
                .isEqualTo(positions(published.get(1)))
                .contains("0,0");
        assertThat(published.get(0).cell(0, 0).suppression()).isEqualTo(Suppression.SECONDARY);
        for (SuppressedTable t : published) {
            assertThat(recoverableBySubtraction(t)).isEmpty();
        }
    }

    @Test
    void onSeededRandomPairsEveryHiddenNumeratorComplementOrDenominatorStaysUnknownFromBothTables() {
        for (long seed = 1; seed <= 200; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            int rows = 1 + random.nextInt(5);
            int columns = 1 + random.nextInt(5);
            long[][] part = new long[rows][columns];
            long[][] rest = new long[rows][columns];
            long[][] whole = new long[rows][columns];
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < columns; c++) {
                    part[r][c] = count(random);
                    rest[r][c] = count(random);
                    whole[r][c] = part[r][c] + rest[r][c];
                }
            }
            List<String> rowNames =
                    IntStream.range(0, rows).mapToObj(i -> "r" + i).toList();
            List<String> columnNames =
                    IntStream.range(0, columns).mapToObj(i -> "c" + i).toList();
            CountTable numerator = CountTable.of(rowNames, columnNames, part);
            CountTable complement = CountTable.of(rowNames, columnNames, rest);
            CountTable denominator = CountTable.of(rowNames, columnNames, whole);

            List<SuppressedTable> published =
                    new SmallCellSuppressor(7).suppressTogether(List.of(denominator, numerator), List.of(complement));

            assertThat(positions(published.get(0))).as("seed %d", seed).isEqualTo(positions(published.get(1)));
            for (int r = 0; r <= rows; r++) {
                for (int c = 0; c <= columns; c++) {
                    for (CountTable t : List.of(numerator, complement, denominator)) {
                        long v = value(t, r, c);
                        if (v >= 1 && v <= 7) {
                            assertThat(at(published.get(0), r, c).suppressed())
                                    .as("seed %d cell %d,%d", seed, r, c)
                                    .isTrue();
                        }
                    }
                    if (!at(published.get(1), r, c).suppressed()) {
                        assertThat(at(published.get(1), r, c).value()).hasValue(value(numerator, r, c));
                        assertThat(at(published.get(0), r, c).value()).hasValue(value(denominator, r, c));
                    }
                }
            }
            // the numerator's and the complement's unknowns under both tables' published sums together
            assertThat(recoverableFromPair(published.get(0)))
                    .as("seed %d", seed)
                    .isEmpty();
        }
    }

    private static List<String> positions(SuppressedTable t) {
        return hidden(t).stream().map(h -> h.substring(0, h.indexOf(':'))).toList();
    }

    private static long count(SplittableRandom random) {
        int kind = random.nextInt(10);
        return kind < 2 ? 0 : kind < 5 ? 1 + random.nextInt(7) : 8 + random.nextInt(120);
    }

    /**
     * With one pattern over a numerator N and a denominator D = N + C, the published line sums of N
     * and of D are equations over the hidden N and C cells. A hidden N, C or D cell is recoverable when
     * its vector lies in their span.
     */
    private static List<String> recoverableFromPair(SuppressedTable pattern) {
        int rows = pattern.rows().size() + 1;
        int columns = pattern.columns().size() + 1;
        List<int[]> unknowns = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                if (at(pattern, r, c).suppressed()) {
                    unknowns.add(new int[] {r, c});
                }
            }
        }
        int n = unknowns.size();
        List<double[]> equations = new ArrayList<>();
        for (int table = 0; table < 2; table++) {
            // table 0: lines of N over the N unknowns; table 1: lines of D over the N and C unknowns
            for (int line = 0; line < rows + columns; line++) {
                double[] eq = new double[2 * n];
                for (int u = 0; u < n; u++) {
                    int[] cell = unknowns.get(u);
                    boolean inRow = line < rows && cell[0] == line;
                    boolean inColumn = line >= rows && cell[1] == line - rows;
                    if (inRow || inColumn) {
                        double sign = (inRow && cell[1] == columns - 1) || (inColumn && cell[0] == rows - 1) ? -1 : 1;
                        eq[u] = sign;
                        if (table == 1) {
                            eq[n + u] = sign;
                        }
                    }
                }
                equations.add(eq);
            }
        }
        int rank = rank(equations);
        List<String> out = new ArrayList<>();
        for (int u = 0; u < n; u++) {
            for (String which : List.of("N", "C", "D")) {
                double[] target = new double[2 * n];
                if (!which.equals("C")) {
                    target[u] = 1;
                }
                if (!which.equals("N")) {
                    target[n + u] = 1;
                }
                List<double[]> with = new ArrayList<>(equations);
                with.add(target);
                if (rank(with) == rank) {
                    out.add(which + " " + unknowns.get(u)[0] + "," + unknowns.get(u)[1]);
                }
            }
        }
        return out;
    }

    // ---- independent checks of what a reader of the published table could work out ----

    private static void assertNothingRecoverable(CountTable counts, SuppressedTable published) {
        assertThat(recoverableBySubtraction(published))
                .as("hidden cells alone in a row or column")
                .isEmpty();
        assertThat(recoverableByAnySums(counts, published))
                .as("hidden cells fixed by the published sums")
                .isEmpty();
    }

    /** Hidden cells that are the only hidden cell of their row or column (total included). */
    private static List<String> recoverableBySubtraction(SuppressedTable t) {
        int rows = t.rows().size() + 1;
        int columns = t.columns().size() + 1;
        List<String> out = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                if (!at(t, r, c).suppressed()) {
                    continue;
                }
                int inRow = 0;
                int inColumn = 0;
                for (int j = 0; j < columns; j++) {
                    inRow += at(t, r, j).suppressed() ? 1 : 0;
                }
                for (int i = 0; i < rows; i++) {
                    inColumn += at(t, i, c).suppressed() ? 1 : 0;
                }
                if (inRow == 1 || inColumn == 1) {
                    out.add(r + "," + c);
                }
            }
        }
        return out;
    }

    /**
     * Hidden cells whose value follows from every published line sum taken together: the cell's
     * unit vector lies in the row space of the equations over the hidden cells (Gaussian
     * elimination; the coefficients are small integers, so doubles are exact enough).
     */
    private static List<String> recoverableByAnySums(CountTable counts, SuppressedTable t) {
        int rows = counts.rows().size() + 1;
        int columns = counts.columns().size() + 1;
        List<int[]> unknowns = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                if (at(t, r, c).suppressed()) {
                    unknowns.add(new int[] {r, c});
                }
            }
        }
        List<double[]> equations = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            double[] eq = new double[unknowns.size()];
            for (int u = 0; u < unknowns.size(); u++) {
                if (unknowns.get(u)[0] == r) {
                    eq[u] = unknowns.get(u)[1] == columns - 1 ? -1 : 1;
                }
            }
            equations.add(eq);
        }
        for (int c = 0; c < columns; c++) {
            double[] eq = new double[unknowns.size()];
            for (int u = 0; u < unknowns.size(); u++) {
                if (unknowns.get(u)[1] == c) {
                    eq[u] = unknowns.get(u)[0] == rows - 1 ? -1 : 1;
                }
            }
            equations.add(eq);
        }
        int rank = rank(equations);
        List<String> out = new ArrayList<>();
        for (int u = 0; u < unknowns.size(); u++) {
            List<double[]> with = new ArrayList<>(equations);
            double[] unit = new double[unknowns.size()];
            unit[u] = 1;
            with.add(unit);
            if (rank(with) == rank) {
                out.add(unknowns.get(u)[0] + "," + unknowns.get(u)[1]);
            }
        }
        return out;
    }

    private static int rank(List<double[]> input) {
        double[][] m = input.stream().map(double[]::clone).toArray(double[][]::new);
        int rank = 0;
        int width = m.length == 0 ? 0 : m[0].length;
        for (int col = 0; col < width && rank < m.length; col++) {
            int pivot = rank;
            for (int i = rank + 1; i < m.length; i++) {
                if (Math.abs(m[i][col]) > Math.abs(m[pivot][col])) {
                    pivot = i;
                }
            }
            if (Math.abs(m[pivot][col]) < 1e-9) {
                continue;
            }
            double[] swap = m[pivot];
            m[pivot] = m[rank];
            m[rank] = swap;
            for (int i = 0; i < m.length; i++) {
                if (i != rank && Math.abs(m[i][col]) > 1e-12) {
                    double factor = m[i][col] / m[rank][col];
                    for (int j = col; j < width; j++) {
                        m[i][j] -= factor * m[rank][j];
                    }
                }
            }
            rank++;
        }
        return rank;
    }
}
