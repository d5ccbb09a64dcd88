package uk.dapp.platform.privacy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * k-anonymity for an extract's quasi-identifiers (age, sex, area, month) in two passes over the
 * rows, holding only a count per distinct class, never the rows themselves:
 *
 * <ol>
 *   <li>{@link #observe} every row (the first pass);
 *   <li>{@link #plan} finds the first generalisation in the order given (by default
 *       {@link Generalisation#DEFAULT_ORDER}) under which the rows in classes smaller than k are
 *       no more than the allowed fraction, and suppresses those rows; if no step manages that,
 *       the last step is taken and whatever it leaves in small classes is suppressed anyway;
 *   <li>{@link KAnonymityPlan#apply} every row again (the second pass, over the same rows) to get
 *       what the extract shows, or nothing for a suppressed row.
 * </ol>
 *
 * Not safe for several threads while observing; the plan is.
 */
public final class KAnonymiser {

    public static final int DEFAULT_K = 5;
    public static final double DEFAULT_MAX_SUPPRESSED_FRACTION = 0.05;

    private final AreaLadder areas;
    private final List<Generalisation> order;
    // the finest class of each observed row: only the youngest age of its 5-year band is kept
    private final Map<FineClass, Long> counts = new HashMap<>();
    private long rows;
    private boolean planned;

    private record FineClass(Integer age, String sex, String area, YearMonth month) {
    }

    public KAnonymiser(AreaLadder areas) {
        this(areas, Generalisation.DEFAULT_ORDER);
    }

    /**
     * @param order the steps to try, each at least as coarse as the one before on every ladder
     */
    public KAnonymiser(AreaLadder areas, List<Generalisation> order) {
        if (order.isEmpty()) {
            throw new IllegalArgumentException("at least one generalisation step");
        }
        for (int i = 1; i < order.size(); i++) {
            if (!order.get(i).atLeast(order.get(i - 1))) {
                throw new IllegalArgumentException("step " + i + " (" + order.get(i) + ") is finer than the step before on some ladder");
            }
        }
        this.areas = areas;
        this.order = List.copyOf(order);
    }

    /** Counts one row of the first pass. */
    public void observe(QuasiIdentifiers row) {
        if (planned) {
            // a plan made earlier would not have counted this row
            throw new IllegalStateException("every row is observed before the plan is made");
        }
        FineClass fine = new FineClass(AgeLadder.finestRepresentative(row.age()), SexLadder.canonical(row.sex()),
                AreaLadder.canonical(row.area()), row.month());
        counts.merge(fine, 1L, Long::sum);
        rows++;
    }

    public long observedRows() {
        return rows;
    }

    /** Distinct classes at the finest level: what the memory used grows with. */
    public int observedClasses() {
        return counts.size();
    }

    /** A plan with k = {@value #DEFAULT_K} and at most 5% of rows suppressed. */
    public KAnonymityPlan plan() {
        return plan(DEFAULT_K, DEFAULT_MAX_SUPPRESSED_FRACTION);
    }

    /**
     * @param k every class shown has at least this many rows (1 changes nothing)
     * @param maxSuppressedFraction the share of rows that may be suppressed before the next
     *     generalisation step is preferred (0 to 1)
     */
    public KAnonymityPlan plan(int k, double maxSuppressedFraction) {
        if (k < 1) {
            throw new IllegalArgumentException("k is at least 1");
        }
        if (!(maxSuppressedFraction >= 0 && maxSuppressedFraction <= 1)) {
            throw new IllegalArgumentException("the suppressed fraction is between 0 and 1");
        }
        planned = true;
        // decimal arithmetic, so 0.29 of 100 rows allows 29 and not 28
        long allowed = BigDecimal.valueOf(maxSuppressedFraction).multiply(BigDecimal.valueOf(rows))
                .setScale(0, RoundingMode.FLOOR).longValueExact();
        for (int step = 0; step < order.size(); step++) {
            Generalisation generalisation = order.get(step);
            Map<ReleasedQuasiIdentifiers, Long> classes = new HashMap<>();
            counts.forEach((fine, count) -> classes.merge(
                    generalisation.release(fine.age(), fine.sex(), fine.area(), fine.month(), areas), count, Long::sum));
            long suppressed = classes.values().stream().filter(count -> count < k).mapToLong(Long::longValue).sum();
            boolean last = step == order.size() - 1;
            if (suppressed <= allowed || last) {
                Set<ReleasedQuasiIdentifiers> released = classes.entrySet().stream()
                        .filter(e -> e.getValue() >= k).map(Map.Entry::getKey).collect(Collectors.toUnmodifiableSet());
                return new KAnonymityPlan(k, maxSuppressedFraction, generalisation, step, rows, suppressed,
                        suppressed <= allowed, released, areas);
            }
        }
        throw new AssertionError("the last step always gives a plan");
    }
}
