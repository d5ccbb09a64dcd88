package uk.dapp.platform.privacy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A two-way table of counts of people (rows such as areas, columns such as periods or
 * categories), each person counted in exactly one cell, so that row and column totals are sums.
 * Immutable; build it with {@link #builder()}.
 */
public final class CountTable {

    private final List<String> rows;
    private final List<String> columns;
    private final long[][] counts;

    private CountTable(List<String> rows, List<String> columns, long[][] counts) {
        this.rows = List.copyOf(rows);
        this.columns = List.copyOf(columns);
        this.counts = counts;
    }

    /**
     * @param counts {@code counts[row][column]}, none negative
     */
    public static CountTable of(List<String> rows, List<String> columns, long[][] counts) {
        if (counts.length != rows.size()) {
            throw new IllegalArgumentException(rows.size() + " rows named but " + counts.length + " given");
        }
        long[][] copy = new long[rows.size()][];
        for (int r = 0; r < rows.size(); r++) {
            if (counts[r].length != columns.size()) {
                throw new IllegalArgumentException(
                        "row " + rows.get(r) + " has " + counts[r].length + " cells, not " + columns.size());
            }
            for (long count : counts[r]) {
                if (count < 0) {
                    throw new IllegalArgumentException("a negative count in row " + rows.get(r));
                }
            }
            copy[r] = counts[r].clone();
        }
        if (rows.stream().distinct().count() != rows.size()
                || columns.stream().distinct().count() != columns.size()) {
            throw new IllegalArgumentException("row and column labels are each named once");
        }
        return new CountTable(rows, columns, copy);
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<String> rows() {
        return rows;
    }

    public List<String> columns() {
        return columns;
    }

    public long count(int row, int column) {
        return counts[row][column];
    }

    public long rowTotal(int row) {
        long total = 0;
        for (long count : counts[row]) {
            total += count;
        }
        return total;
    }

    public long columnTotal(int column) {
        long total = 0;
        for (long[] row : counts) {
            total += row[column];
        }
        return total;
    }

    public long grandTotal() {
        long total = 0;
        for (int r = 0; r < rows.size(); r++) {
            total += rowTotal(r);
        }
        return total;
    }

    /**
     * Adds up counts as rows are read (one call per person, or per group). Rows and columns keep
     * the order they were first named in; name them up front to fix the order or to show a row
     * or column that may have no one in it.
     */
    public static final class Builder {

        private final Map<String, Integer> rowIndex = new LinkedHashMap<>();
        private final Map<String, Integer> columnIndex = new LinkedHashMap<>();
        private final List<Map<Integer, Long>> cells = new ArrayList<>();

        private Builder() {}

        public Builder row(String label) {
            rowIndex.computeIfAbsent(label, l -> {
                cells.add(new LinkedHashMap<>());
                return cells.size() - 1;
            });
            return this;
        }

        public Builder column(String label) {
            columnIndex.computeIfAbsent(label, l -> columnIndex.size());
            return this;
        }

        public Builder add(String row, String column, long count) {
            if (count < 0) {
                throw new IllegalArgumentException("a negative count");
            }
            row(row).column(column);
            cells.get(rowIndex.get(row)).merge(columnIndex.get(column), count, Long::sum);
            return this;
        }

        public Builder increment(String row, String column) {
            return add(row, column, 1);
        }

        public CountTable build() {
            long[][] counts = new long[rowIndex.size()][columnIndex.size()];
            for (int r = 0; r < cells.size(); r++) {
                for (Map.Entry<Integer, Long> cell : cells.get(r).entrySet()) {
                    counts[r][cell.getKey()] = cell.getValue();
                }
            }
            return new CountTable(new ArrayList<>(rowIndex.keySet()), new ArrayList<>(columnIndex.keySet()), counts);
        }
    }
}
