package uk.dapp.platform.privacy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the k-anonymiser decided after the first pass: one generalisation for every row, and which
 * of the resulting classes are shown. Rows in any other class are suppressed, including rows the
 * first pass never saw, so a row that appears between the passes cannot make a class smaller
 * than k visible. {@link #statement()} is what the extract must say about it.
 */
public final class KAnonymityPlan {

    private final int k;
    private final double maxSuppressedFraction;
    private final Generalisation generalisation;
    private final int step;
    private final long totalRows;
    private final long suppressedRows;
    private final boolean withinSuppressionLimit;
    private final Set<ReleasedQuasiIdentifiers> releasedClasses;
    private final AreaLadder areas;
    private final Diversity diversity;
    private final Map<ReleasedQuasiIdentifiers, LongAdder> appliedByClass = new ConcurrentHashMap<>();
    private final LongAdder appliedSuppressed = new LongAdder();

    /**
     * The l-diversity part of a plan.
     *
     * @param outcomes the sensitive outcomes checked (empty when none were)
     * @param l the fewest distinct recorded values of an outcome a class may show
     * @param withheld for each released class that withholds any, the outcomes it withholds
     */
    record Diversity(List<String> outcomes, int l, Map<ReleasedQuasiIdentifiers, Set<String>> withheld) {

        Diversity {
            outcomes = List.copyOf(outcomes);
            withheld = Map.copyOf(withheld);
        }
    }

    KAnonymityPlan(
            int k,
            double maxSuppressedFraction,
            Generalisation generalisation,
            int step,
            long totalRows,
            long suppressedRows,
            boolean withinSuppressionLimit,
            Set<ReleasedQuasiIdentifiers> releasedClasses,
            AreaLadder areas,
            Diversity diversity) {
        this.k = k;
        this.maxSuppressedFraction = maxSuppressedFraction;
        this.generalisation = generalisation;
        this.step = step;
        this.totalRows = totalRows;
        this.suppressedRows = suppressedRows;
        this.withinSuppressionLimit = withinSuppressionLimit;
        this.releasedClasses = releasedClasses;
        this.areas = areas;
        this.diversity = diversity;
    }

    /**
     * The second pass: what the extract shows for this row, or empty when the row is to be left
     * out. Safe for several threads.
     */
    public Optional<ReleasedQuasiIdentifiers> apply(QuasiIdentifiers row) {
        ReleasedQuasiIdentifiers released = generalisation.release(row, areas);
        if (!releasedClasses.contains(released)) {
            appliedSuppressed.increment();
            return Optional.empty();
        }
        appliedByClass.computeIfAbsent(released, c -> new LongAdder()).increment();
        return Optional.of(released);
    }

    public int k() {
        return k;
    }

    /** The l of l-diversity (1 when no sensitive outcome was checked). */
    public int l() {
        return diversity.l();
    }

    /** The sensitive outcomes l-diversity was checked on, in the order named. */
    public List<String> sensitiveOutcomes() {
        return diversity.outcomes();
    }

    /**
     * The sensitive outcomes a released class withholds: each was recorded in the class with fewer
     * than l distinct values, so its value is left out of every row of the class.
     */
    public Set<String> withheld(ReleasedQuasiIdentifiers releasedClass) {
        return diversity.withheld().getOrDefault(releasedClass, Set.of());
    }

    /** Released classes that withhold at least one outcome. */
    public int classesWithholding() {
        return diversity.withheld().size();
    }

    /** Outcome values withheld, over every class (an outcome of a class counts once). */
    public int outcomesWithheld() {
        return diversity.withheld().values().stream().mapToInt(Set::size).sum();
    }

    public double maxSuppressedFraction() {
        return maxSuppressedFraction;
    }

    public Generalisation generalisation() {
        return generalisation;
    }

    /** The position of the chosen generalisation in the order tried (0 when nothing was widened). */
    public int step() {
        return step;
    }

    /** In words, what was widened; empty when nothing was. */
    public List<String> generalised() {
        return generalisation.describe();
    }

    public long totalRows() {
        return totalRows;
    }

    public long suppressedRows() {
        return suppressedRows;
    }

    public long releasedRows() {
        return totalRows - suppressedRows;
    }

    public int releasedClasses() {
        return releasedClasses.size();
    }

    /**
     * False when even the coarsest step left more rows in small classes than the allowed fraction:
     * they are suppressed all the same, and the statement says so.
     */
    public boolean withinSuppressionLimit() {
        return withinSuppressionLimit;
    }

    /** What the extract states about its disclosure control: k-anonymity, then l-diversity when checked. */
    public String statement() {
        StringBuilder out = new StringBuilder()
                .append("k-anonymity with k = ")
                .append(k)
                .append(" on ")
                .append(QUASI_IDENTIFIERS)
                .append(": ");
        List<String> generalised = generalised();
        out.append(generalised.isEmpty() ? "nothing generalised" : String.join(", ", generalised))
                .append("; ");
        if (suppressedRows == 0) {
            out.append("no rows suppressed");
        } else {
            out.append(suppressedRows)
                    .append(" of ")
                    .append(totalRows)
                    .append(totalRows == 1 ? " row" : " rows")
                    .append(" (")
                    .append(percent(suppressedRows, totalRows))
                    .append(") suppressed as in classes smaller than ")
                    .append(k);
        }
        if (!withinSuppressionLimit) {
            out.append(", more than the ")
                    .append(percent(maxSuppressedFraction))
                    .append(" allowed, because no generalisation " + "in the order tried kept within it");
        }
        out.append('.');
        if (!diversity.outcomes().isEmpty() && diversity.l() >= 2) {
            out.append(" l-diversity with l = ")
                    .append(diversity.l())
                    .append(" on ")
                    .append(diversity.outcomes().size())
                    .append(" sensitive outcomes: ");
            if (outcomesWithheld() == 0) {
                out.append("every class shows at least ")
                        .append(diversity.l())
                        .append(" distinct values of each outcome it records.");
            } else {
                out.append(outcomesWithheld())
                        .append(outcomesWithheld() == 1 ? " outcome" : " outcomes")
                        .append(" withheld in ")
                        .append(classesWithholding())
                        .append(classesWithholding() == 1 ? " class" : " classes")
                        .append(" where fewer than ")
                        .append(diversity.l())
                        .append(" distinct values were recorded (left out of every row of " + "the class).");
            }
        }
        return out.toString();
    }

    /** The quasi-identifiers in words, as the statement names them. */
    static final String QUASI_IDENTIFIERS =
            "age, sex, area, period, programme, referral source, mandated and " + "routing decision";

    /** What the second pass has done so far. */
    public Applied applied() {
        long smallest =
                appliedByClass.values().stream().mapToLong(LongAdder::sum).min().orElse(0);
        long released =
                appliedByClass.values().stream().mapToLong(LongAdder::sum).sum();
        return new Applied(
                released,
                appliedSuppressed.sum(),
                smallest,
                smallest == 0 || smallest >= k,
                released == releasedRows() && appliedSuppressed.sum() == suppressedRows);
    }

    /**
     * The second pass's own count.
     *
     * @param releasedRows rows shown
     * @param suppressedRows rows left out
     * @param smallestReleasedClass rows in the smallest class shown (0 when none)
     * @param kHolds every class shown has at least k rows; false only when rows that the first
     *     pass counted were missing from the second, which the caller must treat as a failed
     *     extract (read both passes from one snapshot)
     * @param matchesPlan the second pass saw exactly the rows the first pass counted
     */
    public record Applied(
            long releasedRows, long suppressedRows, long smallestReleasedClass, boolean kHolds, boolean matchesPlan) {}

    private static String percent(long part, long whole) {
        return percent((double) part / whole);
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }

    @Override
    public String toString() {
        return statement();
    }
}
