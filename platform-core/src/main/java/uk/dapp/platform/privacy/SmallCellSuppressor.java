package uk.dapp.platform.privacy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/**
 * Small-cell suppression for published tables of counts (KPIs by area and period).
 *
 * <p>The table is taken with its margins: an (R+1) x (C+1) grid whose last column holds the row
 * totals, last row the column totals and corner the grand total. Every line of that grid (a row or
 * a column) is one sum anyone can check, so:
 *
 * <ol>
 *   <li><b>Primary</b>: every cell, totals included, counting 1 to {@code threshold} people is
 *       hidden. Zero is published: it identifies no one.
 *   <li><b>Secondary, two per line</b>: a line with exactly one hidden cell would give it away by
 *       subtraction, so one more cell in that line is hidden, and this repeats until every line has
 *       none or at least two. The cell chosen is, in order of preference: not zero (a hidden zero
 *       can pin its neighbours, since counts cannot go below zero), one that also completes another
 *       line with a single hidden cell, the smallest, an inner cell rather than a total, the first.
 *   <li><b>Secondary, no chains</b>: two per line is not always enough, since the sums can be
 *       combined; a hidden cell can be worked out exactly when it is a bridge in the graph whose
 *       nodes are lines and whose edges are hidden cells. Each bridge found gets one more hidden
 *       cell joining its two sides (chosen as above), and step 2 runs again, until there is none.
 * </ol>
 *
 * The choice is greedy, not the fewest cells possible (that is a hard optimisation problem), but it
 * is deterministic and always ends, at worst with everything hidden. It stops exact recovery from
 * the published sums; it does not stop a reader narrowing a hidden cell to a range (no hidden
 * cell can exceed its published totals), and when a zero had to be hidden, counts being
 * non-negative can narrow further. Rates are to be computed from published counts only.
 *
 * <p>Tables published side by side whose differences are counts of people too (a rate's numerator
 * and its denominator: the denominator minus the numerator is the people who did not) go through
 * {@link #suppressTogether}: one pattern for all of them, so a hidden numerator is never next to a
 * published denominator it could be subtracted from.
 */
public final class SmallCellSuppressor {

    public static final int DEFAULT_THRESHOLD = 7;

    private final int threshold;

    public SmallCellSuppressor() {
        this(DEFAULT_THRESHOLD);
    }

    /** @param threshold counts from 1 to this are hidden (0 hides nothing by itself) */
    public SmallCellSuppressor(int threshold) {
        if (threshold < 0) {
            throw new IllegalArgumentException("the threshold is 0 or more");
        }
        this.threshold = threshold;
    }

    public int threshold() {
        return threshold;
    }

    public SuppressedTable suppress(CountTable table) {
        Grid grid = new Grid(table);
        for (int r = 0; r < grid.rows; r++) {
            for (int c = 0; c < grid.columns; c++) {
                if (small(grid.values[r][c])) {
                    grid.status[r][c] = Suppression.PRIMARY;
                }
            }
        }
        grid.protect();
        return new SuppressedTable(table.rows(), table.columns(), grid.values, grid.status);
    }

    /**
     * Suppresses tables that are published together and could be subtracted from one another, with
     * one hidden pattern: a cell (or total) is hidden in every table if it counts 1 to the threshold
     * in any of them or in any of the {@code derived} tables, and the secondary steps then run on that
     * one pattern. Every table then has the same hidden cells, so what one publishes and another hides
     * cannot be subtracted (a published denominator next to a hidden numerator would give the hidden
     * one away, and a published numerator and denominator whose difference is 1 to the threshold
     * would give away the people in between). The pattern's protection is structural (no line with a
     * single hidden cell, no bridge), so it holds for each table, and for their sums and differences,
     * whatever the values.
     *
     * @param published the tables to publish, over the same rows and columns; the first should be the
     *     widest (a rate's denominator): its counts guide the choice of secondary cells
     * @param derived tables anyone could work out from the published ones, never published themselves
     *     (a denominator minus its numerator): their small cells are hidden too
     * @return the published tables suppressed, in the order given; in each, a cell small in that
     *     table is {@link Suppression#PRIMARY}, any other hidden cell {@link Suppression#SECONDARY}
     */
    public List<SuppressedTable> suppressTogether(List<CountTable> published, List<CountTable> derived) {
        if (published.isEmpty()) {
            throw new IllegalArgumentException("at least one table to publish");
        }
        CountTable first = published.getFirst();
        List<Grid> grids = new ArrayList<>();
        for (CountTable table : published) {
            grids.add(new Grid(sameShape(first, table)));
        }
        List<Grid> all = new ArrayList<>(grids);
        for (CountTable table : derived) {
            all.add(new Grid(sameShape(first, table)));
        }
        Grid pattern = grids.getFirst();
        for (Grid grid : all) {
            for (int r = 0; r < pattern.rows; r++) {
                for (int c = 0; c < pattern.columns; c++) {
                    if (small(grid.values[r][c])) {
                        pattern.status[r][c] = Suppression.PRIMARY;
                    }
                }
            }
        }
        pattern.protect();
        List<SuppressedTable> out = new ArrayList<>();
        for (int t = 0; t < published.size(); t++) {
            Grid grid = grids.get(t);
            for (int r = 0; r < pattern.rows; r++) {
                for (int c = 0; c < pattern.columns; c++) {
                    grid.status[r][c] = pattern.status[r][c] == Suppression.NONE
                            ? Suppression.NONE
                            : small(grid.values[r][c]) ? Suppression.PRIMARY : Suppression.SECONDARY;
                }
            }
            out.add(new SuppressedTable(first.rows(), first.columns(), grid.values, grid.status));
        }
        return List.copyOf(out);
    }

    private boolean small(long count) {
        return count >= 1 && count <= threshold;
    }

    private static CountTable sameShape(CountTable first, CountTable other) {
        if (!first.rows().equals(other.rows()) || !first.columns().equals(other.columns())) {
            throw new IllegalArgumentException("tables suppressed together have the same rows and columns");
        }
        return other;
    }

    /** The table with its margins, and what is hidden so far. */
    private static final class Grid {

        final int rows;
        final int columns;
        final long[][] values;
        final Suppression[][] status;

        Grid(CountTable table) {
            int innerRows = table.rows().size();
            int innerColumns = table.columns().size();
            rows = innerRows + 1;
            columns = innerColumns + 1;
            values = new long[rows][columns];
            status = new Suppression[rows][columns];
            for (int r = 0; r < innerRows; r++) {
                for (int c = 0; c < innerColumns; c++) {
                    values[r][c] = table.count(r, c);
                }
                values[r][innerColumns] = table.rowTotal(r);
            }
            for (int c = 0; c < innerColumns; c++) {
                values[innerRows][c] = table.columnTotal(c);
            }
            values[innerRows][innerColumns] = table.grandTotal();
            for (Suppression[] line : status) {
                Arrays.fill(line, Suppression.NONE);
            }
        }

        boolean hidden(int r, int c) {
            return status[r][c] != Suppression.NONE;
        }

        /** Steps 2 and 3 on the primary cells marked so far. */
        void protect() {
            boolean changed;
            do {
                completeLines();
                changed = breakOneBridge();
            } while (changed);
        }

        int hiddenInRow(int r) {
            int n = 0;
            for (int c = 0; c < columns; c++) {
                n += hidden(r, c) ? 1 : 0;
            }
            return n;
        }

        int hiddenInColumn(int c) {
            int n = 0;
            for (int r = 0; r < rows; r++) {
                n += hidden(r, c) ? 1 : 0;
            }
            return n;
        }

        boolean margin(int r, int c) {
            return r == rows - 1 || c == columns - 1;
        }

        /**
         * Lower is better: not zero, completes the crossing line (when it has one hidden cell),
         * smallest, inner, first.
         */
        Comparator<int[]> preference(Predicate<int[]> completesCrossingLine) {
            return Comparator.<int[]>comparingInt(cell -> values[cell[0]][cell[1]] == 0 ? 1 : 0)
                    .thenComparingInt(cell -> completesCrossingLine.test(cell) ? 0 : 1)
                    .thenComparingLong(cell -> values[cell[0]][cell[1]])
                    .thenComparingInt(cell -> margin(cell[0], cell[1]) ? 1 : 0)
                    .thenComparingInt(cell -> cell[0])
                    .thenComparingInt(cell -> cell[1]);
        }

        /** Step 2: until no row or column has exactly one hidden cell. */
        void completeLines() {
            boolean changed;
            do {
                changed = false;
                for (int r = 0; r < rows; r++) {
                    if (hiddenInRow(r) == 1) {
                        final int row = r;
                        hide(IntStream.range(0, columns)
                                .filter(c -> !hidden(row, c))
                                .mapToObj(c -> new int[] {row, c})
                                .min(preference(cell -> hiddenInColumn(cell[1]) == 1)));
                        changed = true;
                    }
                }
                for (int c = 0; c < columns; c++) {
                    if (hiddenInColumn(c) == 1) {
                        final int column = c;
                        hide(IntStream.range(0, rows)
                                .filter(r -> !hidden(r, column))
                                .mapToObj(r -> new int[] {r, column})
                                .min(preference(cell -> hiddenInRow(cell[0]) == 1)));
                        changed = true;
                    }
                }
            } while (changed);
        }

        private void hide(Optional<int[]> cell) {
            // a line with one hidden cell has another cell (each line has at least two once the
            // table has a row and a column; without them every total is zero and nothing is hidden)
            int[] chosen =
                    cell.orElseThrow(() -> new IllegalStateException("a line with one hidden cell and no other"));
            status[chosen[0]][chosen[1]] = Suppression.SECONDARY;
        }

        /** Step 3: hides one cell across the first bridge found; false when there is none. */
        boolean breakOneBridge() {
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < columns; c++) {
                    if (!hidden(r, c)) {
                        continue;
                    }
                    boolean[] rowSide = new boolean[rows];
                    boolean[] columnSide = new boolean[columns];
                    reach(r, c, rowSide, columnSide);
                    if (columnSide[c]) {
                        continue; // on a cycle: it can move with the others
                    }
                    boolean[] otherRows = new boolean[rows];
                    boolean[] otherColumns = new boolean[columns];
                    reachFromColumn(c, r, otherRows, otherColumns);
                    Optional<int[]> join = IntStream.range(0, rows)
                            .boxed()
                            .flatMap(i -> IntStream.range(0, columns).mapToObj(j -> new int[] {i, j}))
                            .filter(cell -> !hidden(cell[0], cell[1]))
                            .filter(cell -> (rowSide[cell[0]] && otherColumns[cell[1]])
                                    || (otherRows[cell[0]] && columnSide[cell[1]]))
                            .min(preference(cell -> false));
                    hide(join);
                    return true;
                }
            }
            return false;
        }

        /** Lines reachable from row r through hidden cells other than (r, c). */
        private void reach(int r, int c, boolean[] rowSeen, boolean[] columnSeen) {
            walk(true, r, r, c, rowSeen, columnSeen);
        }

        /** Lines reachable from column c through hidden cells other than (r, c). */
        private void reachFromColumn(int c, int r, boolean[] rowSeen, boolean[] columnSeen) {
            walk(false, c, r, c, rowSeen, columnSeen);
        }

        private void walk(
                boolean startRow, int start, int skipRow, int skipColumn, boolean[] rowSeen, boolean[] columnSeen) {
            Deque<int[]> queue = new ArrayDeque<>();
            // {0, i} is row i, {1, j} is column j
            queue.add(new int[] {startRow ? 0 : 1, start});
            if (startRow) {
                rowSeen[start] = true;
            } else {
                columnSeen[start] = true;
            }
            while (!queue.isEmpty()) {
                int[] node = queue.poll();
                if (node[0] == 0) {
                    int i = node[1];
                    for (int j = 0; j < columns; j++) {
                        if (hidden(i, j) && !(i == skipRow && j == skipColumn) && !columnSeen[j]) {
                            columnSeen[j] = true;
                            queue.add(new int[] {1, j});
                        }
                    }
                } else {
                    int j = node[1];
                    for (int i = 0; i < rows; i++) {
                        if (hidden(i, j) && !(i == skipRow && j == skipColumn) && !rowSeen[i]) {
                            rowSeen[i] = true;
                            queue.add(new int[] {0, i});
                        }
                    }
                }
            }
        }
    }
}
