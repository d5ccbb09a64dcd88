package uk.dapp.gateway.outcomes.kpi;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One published KPI table: rows are areas (or programmes, or referral sources: {@link KpiBreakdown}), columns periods, with row totals (each area over all
 * periods), column totals (each period over all areas) and the grand total. A value that is not
 * published (hidden by suppression, or a rate or median that cannot be given) is null; there is no
 * way to read the hidden figure from here.
 *
 * @param name the KPI's name (stable, used in the API)
 * @param kind count, sum, rate or median
 * @param unit what is counted or summed ({@code people}, {@code victims}, {@code harm days},
 *     {@code proportion}, {@code working days})
 * @param definition exactly what is counted, in words
 * @param basedOn the count tables a sum, rate or median is published through (empty for a count)
 * @param cells {@code cells.get(row).get(column)}, null where not published
 * @param comparison the outcome framework's comparison figure shown beside a rate, or null
 */
public record KpiTable(
        String name,
        KpiKind kind,
        String unit,
        String definition,
        List<String> basedOn,
        List<String> rows,
        List<String> columns,
        List<List<BigDecimal>> cells,
        List<BigDecimal> rowTotals,
        List<BigDecimal> columnTotals,
        BigDecimal grandTotal,
        KpiComparison comparison) {

    public KpiTable {
        basedOn = List.copyOf(basedOn);
        rows = List.copyOf(rows);
        columns = List.copyOf(columns);
        cells = cells.stream().map(KpiTable::nullableCopy).toList();
        rowTotals = nullableCopy(rowTotals);
        columnTotals = nullableCopy(columnTotals);
    }

    /** The value of a grid position with margins: row {@code rows.size()} is the totals row, likewise columns. */
    @FunctionalInterface
    interface Values {
        BigDecimal at(int row, int column);
    }

    static KpiTable of(
            String name,
            KpiKind kind,
            String unit,
            String definition,
            List<String> basedOn,
            List<String> rows,
            List<String> columns,
            Values values) {
        int r = rows.size();
        int c = columns.size();
        List<List<BigDecimal>> cells = new ArrayList<>();
        List<BigDecimal> rowTotals = new ArrayList<>();
        for (int i = 0; i < r; i++) {
            List<BigDecimal> line = new ArrayList<>();
            for (int j = 0; j < c; j++) {
                line.add(values.at(i, j));
            }
            cells.add(line);
            rowTotals.add(values.at(i, c));
        }
        List<BigDecimal> columnTotals = new ArrayList<>();
        for (int j = 0; j < c; j++) {
            columnTotals.add(values.at(r, j));
        }
        return new KpiTable(
                name,
                kind,
                unit,
                definition,
                basedOn,
                rows,
                columns,
                cells,
                rowTotals,
                columnTotals,
                values.at(r, c),
                null);
    }

    /** The same table with the comparison figure shown beside it (null for none). */
    KpiTable comparedWith(KpiComparison figure) {
        return new KpiTable(
                name,
                kind,
                unit,
                definition,
                basedOn,
                rows,
                columns,
                cells,
                rowTotals,
                columnTotals,
                grandTotal,
                figure);
    }

    /** The published value at a row and column label, or null. */
    public BigDecimal cell(String row, String column) {
        return cells.get(index(rows, row)).get(index(columns, column));
    }

    public BigDecimal rowTotal(String row) {
        return rowTotals.get(index(rows, row));
    }

    public BigDecimal columnTotal(String column) {
        return columnTotals.get(index(columns, column));
    }

    private static int index(List<String> labels, String label) {
        int i = labels.indexOf(label);
        if (i < 0) {
            throw new IllegalArgumentException("no " + label + " in " + labels);
        }
        return i;
    }

    private static List<BigDecimal> nullableCopy(List<BigDecimal> values) {
        return Collections.unmodifiableList(new ArrayList<>(Objects.requireNonNull(values)));
    }
}
