package uk.dapp.platform.privacy;

import java.util.List;
import java.util.OptionalLong;

/**
 * A table of counts ready to publish: every cell, total and the grand total with its suppression.
 * A hidden cell's count cannot be read from here at all, so nothing downstream can print it by
 * mistake.
 */
public final class SuppressedTable {

    /** What a hidden cell shows (the ONS convention for "confidential"). */
    public static final String SUPPRESSED_MARK = "[c]";

    private final List<String> rows;
    private final List<String> columns;
    private final long[][] values;
    private final Suppression[][] status;

    SuppressedTable(List<String> rows, List<String> columns, long[][] values, Suppression[][] status) {
        this.rows = rows;
        this.columns = columns;
        this.values = values;
        this.status = status;
    }

    /** One published cell. */
    public record Cell(Suppression suppression, OptionalLong value) {

        public boolean suppressed() {
            return suppression != Suppression.NONE;
        }

        /** The count, or {@value SuppressedTable#SUPPRESSED_MARK}. */
        public String display() {
            return value.isPresent() ? Long.toString(value.getAsLong()) : SUPPRESSED_MARK;
        }
    }

    public List<String> rows() {
        return rows;
    }

    public List<String> columns() {
        return columns;
    }

    public Cell cell(int row, int column) {
        return at(row, column);
    }

    public Cell rowTotal(int row) {
        return at(row, columns.size());
    }

    public Cell columnTotal(int column) {
        return at(rows.size(), column);
    }

    public Cell grandTotal() {
        return at(rows.size(), columns.size());
    }

    /** Cells, totals included, hidden because they are small. */
    public int primaryCount() {
        return count(Suppression.PRIMARY);
    }

    /** Cells, totals included, hidden to protect the small ones. */
    public int secondaryCount() {
        return count(Suppression.SECONDARY);
    }

    private Cell at(int r, int c) {
        Suppression s = status[r][c];
        return new Cell(s, s == Suppression.NONE ? OptionalLong.of(values[r][c]) : OptionalLong.empty());
    }

    private int count(Suppression wanted) {
        int n = 0;
        for (Suppression[] line : status) {
            for (Suppression s : line) {
                n += s == wanted ? 1 : 0;
            }
        }
        return n;
    }
}
