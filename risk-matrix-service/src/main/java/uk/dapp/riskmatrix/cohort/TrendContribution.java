package uk.dapp.riskmatrix.cohort;

import java.time.LocalDate;
import java.util.List;

/**
 * What one decided nominal's cohort line adds to the harm trend's tallies: his area, the day of his
 * first decision and the scored incidents the trend can count. A line records the contribution its
 * tallies hold ({@code trendInSums}); a line whose own differs has a change still to be added.
 */
public record TrendContribution(String areaKey, LocalDate firstDecided, List<HarmFigure> figures) {

    public TrendContribution {
        figures = figures == null ? List.of() : List.copyOf(figures);
    }

    /** The line's contribution, or null for a nominal without a routing decision (none). */
    public static TrendContribution of(String areaKey, LocalDate firstDecided, List<HarmFigure> figures) {
        return firstDecided == null ? null : new TrendContribution(areaKey, firstDecided, figures);
    }
}
