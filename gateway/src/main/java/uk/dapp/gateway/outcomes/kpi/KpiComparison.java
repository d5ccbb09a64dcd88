package uk.dapp.gateway.outcomes.kpi;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The outcome framework's comparison figure for a rate, shown beside it: a national or regional
 * figure the partnership compares itself with, configured per KPI (never computed here).
 *
 * @param figure a proportion, like the rate (0.63 is 63%)
 * @param source where the figure comes from, in words
 */
public record KpiComparison(BigDecimal figure, String source) {

    public KpiComparison {
        Objects.requireNonNull(figure, "figure");
        if (figure.signum() < 0 || figure.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("a comparison figure is a proportion from 0 to 1, not " + figure);
        }
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("a comparison figure names its source");
        }
    }
}
