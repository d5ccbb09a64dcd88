package uk.dapp.gateway.outcomes.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.NavigableMap;

/** The median of whole numbers held as a histogram (value to how many times it occurs). */
final class Median {

    private Median() {}

    /**
     * The middle value, or the mean of the two middle values when the count is even (so it may end
     * in .5); null for no values.
     */
    static BigDecimal of(NavigableMap<Integer, Long> histogram) {
        long n = histogram.values().stream().mapToLong(Long::longValue).sum();
        if (n == 0) {
            return null;
        }
        long lowerRank = (n + 1) / 2; // 1-based ranks of the middle value(s)
        long upperRank = n / 2 + 1;
        Integer lower = null;
        Integer upper = null;
        long seen = 0;
        for (Map.Entry<Integer, Long> entry : histogram.entrySet()) {
            seen += entry.getValue();
            if (lower == null && seen >= lowerRank) {
                lower = entry.getKey();
            }
            if (seen >= upperRank) {
                upper = entry.getKey();
                break;
            }
        }
        long twice = (long) lower + upper;
        return twice % 2 == 0
                ? BigDecimal.valueOf(twice / 2)
                : BigDecimal.valueOf(twice).divide(BigDecimal.TWO, 1, RoundingMode.UNNECESSARY);
    }
}
