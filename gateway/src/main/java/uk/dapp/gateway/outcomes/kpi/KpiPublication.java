package uk.dapp.gateway.outcomes.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import uk.dapp.platform.privacy.CountTable;
import uk.dapp.platform.privacy.SmallCellSuppressor;
import uk.dapp.platform.privacy.SuppressedTable;

/**
 * One report's tables as they may be published: every count table suppressed (a rate's tables with
 * one pattern, {@link KpiCount#PUBLISHED_TOGETHER}), and each sum, rate and median shown only where
 * the count tables it is built on are shown ({@link KpiCalculator#SUPPRESSION}). Made once the cases
 * are counted; the grids have a totals row and column after the labels.
 */
final class KpiPublication {

    private final List<String> rows;
    private final List<String> columns;
    private final SmallCellSuppressor suppressor;
    private final Map<KpiCount, SuppressedTable> published;

    KpiPublication(
            List<String> rows,
            List<String> columns,
            SmallCellSuppressor suppressor,
            Map<KpiCount, Map<KpiPlace, Long>> counts) {
        this.rows = rows;
        this.columns = columns;
        this.suppressor = suppressor;
        this.published = suppressed(counts);
    }

    /**
     * Every count table suppressed: the tables of a rate (its denominator first, then its numerators)
     * with one pattern, their differences counted as derived tables; the others each on their own.
     */
    private Map<KpiCount, SuppressedTable> suppressed(Map<KpiCount, Map<KpiPlace, Long>> counts) {
        Map<KpiCount, SuppressedTable> tables = new EnumMap<>(KpiCount.class);
        for (List<KpiCount> family : KpiCount.PUBLISHED_TOGETHER) {
            Map<KpiPlace, Long> whole = counts.getOrDefault(family.getFirst(), Map.of());
            List<CountTable> members = family.stream()
                    .map(what -> countTable(counts.getOrDefault(what, Map.of())))
                    .toList();
            List<CountTable> differences = family.subList(1, family.size()).stream()
                    .map(part -> {
                        Map<KpiPlace, Long> rest = new HashMap<>(whole);
                        counts.getOrDefault(part, Map.of()).forEach((place, n) -> rest.merge(place, -n, Long::sum));
                        return countTable(rest);
                    })
                    .toList();
            List<SuppressedTable> together = suppressor.suppressTogether(members, differences);
            for (int i = 0; i < family.size(); i++) {
                tables.put(family.get(i), together.get(i));
            }
        }
        for (KpiCount what : KpiCount.values()) {
            tables.computeIfAbsent(
                    what, alone -> suppressor.suppress(countTable(counts.getOrDefault(alone, Map.of()))));
        }
        return tables;
    }

    /** A count table as published. */
    KpiTable count(KpiCount what) {
        SuppressedTable table = published.get(what);
        return KpiTable.of(
                what.kpi(),
                KpiKind.COUNT,
                what.unit(),
                what.definition(),
                List.of(),
                rows,
                columns,
                (r, c) -> value(at(table, r, c)));
    }

    /** A sum over the people {@code basis} counts, shown where that count is. */
    KpiTable sum(String name, String unit, String definition, KpiCount basis, Map<KpiPlace, Long> sums) {
        SuppressedTable pattern = published.get(basis);
        return KpiTable.of(name, KpiKind.SUM, unit, definition, List.of(basis.kpi()), rows, columns, (r, c) -> {
            if (at(pattern, r, c).suppressed()) {
                return null;
            }
            Predicate<KpiPlace> in = within(r, c);
            return BigDecimal.valueOf(sums.entrySet().stream()
                    .filter(e -> in.test(e.getKey()))
                    .mapToLong(Map.Entry::getValue)
                    .sum());
        });
    }

    /** A rate, shown where both its counts are and the denominator is not zero. */
    KpiTable rate(String name, String definition, KpiCount numerator, KpiCount denominator) {
        SuppressedTable top = published.get(numerator);
        SuppressedTable bottom = published.get(denominator);
        return KpiTable.of(
                name,
                KpiKind.RATE,
                "proportion",
                definition,
                List.of(numerator.kpi(), denominator.kpi()),
                rows,
                columns,
                (r, c) -> {
                    BigDecimal n = value(at(top, r, c));
                    BigDecimal d = value(at(bottom, r, c));
                    return n == null || d == null || d.signum() == 0 ? null : n.divide(d, 3, RoundingMode.HALF_UP);
                });
    }

    /** The median working days to first contact, from each place's histogram, shown where its count is. */
    KpiTable medianDaysToContact(Map<KpiPlace, TreeMap<Integer, Long>> daysToContact) {
        SuppressedTable contacted = published.get(KpiCount.CONTACTED);
        return KpiTable.of(
                "medianWorkingDaysToFirstContact",
                KpiKind.MEDIAN,
                "working days",
                "median working days "
                        + "from the partner's track opening (the referral passing her on) to her first being reached, over "
                        + "partnersContacted",
                List.of(KpiCount.CONTACTED.kpi()),
                rows,
                columns,
                (r, c) -> {
                    SuppressedTable.Cell count = at(contacted, r, c);
                    if (count.suppressed() || count.value().getAsLong() <= suppressor.threshold()) {
                        return null; // (a published count of 1 to the threshold cannot happen; 0 has no median)
                    }
                    Predicate<KpiPlace> in = within(r, c);
                    TreeMap<Integer, Long> merged = new TreeMap<>();
                    daysToContact.forEach((place, histogram) -> {
                        if (in.test(place)) {
                            histogram.forEach((days, n) -> merged.merge(days, n, Long::sum));
                        }
                    });
                    return Median.of(merged);
                });
    }

    private CountTable countTable(Map<KpiPlace, Long> tally) {
        long[][] grid = new long[rows.size()][columns.size()];
        tally.forEach((place, n) -> grid[rows.indexOf(place.row())][columns.indexOf(place.period())] = n);
        return CountTable.of(rows, columns, grid);
    }

    /** A grid position with margins (row {@code rows.size()} is the totals row, likewise columns). */
    private SuppressedTable.Cell at(SuppressedTable table, int r, int c) {
        boolean totalRow = r == rows.size();
        boolean totalColumn = c == columns.size();
        if (totalRow && totalColumn) {
            return table.grandTotal();
        }
        if (totalRow) {
            return table.columnTotal(c);
        }
        return totalColumn ? table.rowTotal(r) : table.cell(r, c);
    }

    private static BigDecimal value(SuppressedTable.Cell cell) {
        return cell.value().isPresent() ? BigDecimal.valueOf(cell.value().getAsLong()) : null;
    }

    /** The places a grid position adds up (one cell, a row, a column or all). */
    private Predicate<KpiPlace> within(int r, int c) {
        String row = r == rows.size() ? null : rows.get(r);
        String period = c == columns.size() ? null : columns.get(c);
        return place -> (row == null || row.equals(place.row())) && (period == null || period.equals(place.period()));
    }
}
