package uk.dapp.platform.privacy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * k-anonymity for an extract's quasi-identifiers (age, sex, area, month, programme, referral source,
 * mandated, routing decision), with l-diversity of its sensitive outcomes, in two passes over the
 * rows, holding only a count per distinct class (and up to l values of each outcome), never the rows
 * themselves:
 *
 * <ol>
 *   <li>{@link #observe} every row (the first pass);
 *   <li>{@link #plan} finds the first generalisation in the order given (by default
 *       {@link Generalisation#DEFAULT_ORDER}) under which the rows in classes smaller than k are
 *       no more than the allowed fraction, and suppresses those rows; if no step manages that,
 *       the last step is taken and whatever it leaves in small classes is suppressed anyway;
 *   <li>{@link KAnonymityPlan#apply} every row again (the second pass, over the same rows) to get
 *       what the extract shows, or nothing for a suppressed row, and {@link KAnonymityPlan#withheld}
 *       to learn which sensitive outcomes the row's class withholds.
 * </ol>
 *
 * <p><b>l-diversity.</b> Given the names of the sensitive outcomes and their values with each row,
 * the plan withholds, class by class, every outcome recorded (not null) in the class with fewer than
 * l distinct values: where everyone in a class who has the outcome has the same one, anyone who can
 * place a person in the class would learn it. A value not recorded is not a value: a class where one
 * person has an exit reason and the others none withholds it. The generalisation is chosen for k;
 * l-diversity is then kept by withholding, never by publishing a homogeneous outcome.
 *
 * Not safe for several threads while observing; the plan is.
 */
public final class KAnonymiser {

    public static final int DEFAULT_K = 5;
    public static final double DEFAULT_MAX_SUPPRESSED_FRACTION = 0.05;

    /** The default l: at least two distinct values of each sensitive outcome in a class. */
    public static final int DEFAULT_L = 2;

    private final AreaLadder areas;
    private final List<Generalisation> order;
    private final List<String> sensitive;
    private final int l;
    // the finest class of each observed row (only the youngest age of its 5-year band is kept): its
    // count and the outcome values l-diversity needs, one lookup per row
    private final Map<QuasiIdentifiers, FineClass> classes = new HashMap<>();
    private long rows;
    private boolean planned;

    public KAnonymiser(AreaLadder areas) {
        this(areas, Generalisation.DEFAULT_ORDER);
    }

    /**
     * @param order the steps to try, each at least as coarse as the one before on every ladder
     */
    public KAnonymiser(AreaLadder areas, List<Generalisation> order) {
        this(areas, order, List.of(), 1); // no sensitive outcomes named: nothing for l-diversity to check
    }

    /**
     * With l-diversity of the named sensitive outcomes, whose values come with each row to
     * {@link #observe(QuasiIdentifiers, List)} in this order.
     *
     * @param l at least this many distinct recorded values of each outcome in a class (2 or more;
     *     1 checks nothing)
     */
    public KAnonymiser(AreaLadder areas, List<Generalisation> order, List<String> sensitiveOutcomes, int l) {
        if (l < 1) {
            throw new IllegalArgumentException("l is at least 1");
        }
        if (new HashSet<>(sensitiveOutcomes).size() != sensitiveOutcomes.size()) {
            throw new IllegalArgumentException("each sensitive outcome is named once");
        }
        if (order.isEmpty()) {
            throw new IllegalArgumentException("at least one generalisation step");
        }
        for (int i = 1; i < order.size(); i++) {
            if (!order.get(i).atLeast(order.get(i - 1))) {
                throw new IllegalArgumentException(
                        "step " + i + " (" + order.get(i) + ") is finer than the step before on some ladder");
            }
        }
        this.areas = areas;
        this.order = List.copyOf(order);
        this.sensitive = List.copyOf(sensitiveOutcomes);
        this.l = l;
    }

    /** Counts one row of the first pass (an anonymiser without sensitive outcomes). */
    public void observe(QuasiIdentifiers row) {
        observe(row, List.of());
    }

    /**
     * Counts one row of the first pass, with the values of its sensitive outcomes in the order named
     * (null where not recorded).
     */
    public void observe(QuasiIdentifiers row, List<?> sensitiveValues) {
        if (planned) {
            // a plan made earlier would not have counted this row
            throw new IllegalStateException("every row is observed before the plan is made");
        }
        if (sensitiveValues.size() != sensitive.size()) {
            throw new IllegalArgumentException(
                    sensitive.size() + " sensitive outcomes named, " + sensitiveValues.size() + " values given");
        }
        FineClass fine = classes.computeIfAbsent(
                row.finestClass(), f -> new FineClass(sensitive.isEmpty() ? null : new Diversity(sensitive.size(), l)));
        fine.rows++;
        if (fine.diversity != null) {
            fine.diversity.add(sensitiveValues);
        }
        rows++;
    }

    public long observedRows() {
        return rows;
    }

    /** Distinct classes at the finest level: what the memory used grows with. */
    public int observedClasses() {
        return classes.size();
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
        long allowed = BigDecimal.valueOf(maxSuppressedFraction)
                .multiply(BigDecimal.valueOf(rows))
                .setScale(0, RoundingMode.FLOOR)
                .longValueExact();
        for (int step = 0; step < order.size(); step++) {
            Generalisation generalisation = order.get(step);
            Map<ReleasedQuasiIdentifiers, Long> widened = new HashMap<>();
            classes.forEach((fine, tally) -> widened.merge(generalisation.release(fine, areas), tally.rows, Long::sum));
            long suppressed = widened.values().stream()
                    .filter(count -> count < k)
                    .mapToLong(Long::longValue)
                    .sum();
            boolean last = step == order.size() - 1;
            if (suppressed <= allowed || last) {
                Set<ReleasedQuasiIdentifiers> released = widened.entrySet().stream()
                        .filter(e -> e.getValue() >= k)
                        .map(Map.Entry::getKey)
                        .collect(Collectors.toUnmodifiableSet());
                return new KAnonymityPlan(
                        k,
                        maxSuppressedFraction,
                        generalisation,
                        step,
                        rows,
                        suppressed,
                        suppressed <= allowed,
                        released,
                        areas,
                        new KAnonymityPlan.Diversity(sensitive, l, withheld(generalisation, released)));
            }
        }
        throw new AssertionError("the last step always gives a plan");
    }

    /** For each released class, the sensitive outcomes it withholds (recorded, with fewer than l distinct values). */
    private Map<ReleasedQuasiIdentifiers, Set<String>> withheld(
            Generalisation generalisation, Set<ReleasedQuasiIdentifiers> released) {
        if (sensitive.isEmpty() || l < 2) {
            return Map.of();
        }
        Map<ReleasedQuasiIdentifiers, Diversity> merged = new HashMap<>();
        classes.forEach((fine, tally) -> {
            ReleasedQuasiIdentifiers at = generalisation.release(fine, areas);
            if (released.contains(at)) {
                merged.computeIfAbsent(at, c -> new Diversity(sensitive.size(), l))
                        .merge(tally.diversity);
            }
        });
        Map<ReleasedQuasiIdentifiers, Set<String>> out = new HashMap<>();
        merged.forEach((at, values) -> {
            Set<String> names = new LinkedHashSet<>();
            for (int i = 0; i < sensitive.size(); i++) {
                if (values.recorded(i) && !values.diverse(i)) {
                    names.add(sensitive.get(i));
                }
            }
            if (!names.isEmpty()) {
                out.put(at, Set.copyOf(names));
            }
        });
        return out;
    }

    /** One finest class: its rows, and its outcomes' values when l-diversity is checked (else null). */
    private static final class FineClass {

        private final Diversity diversity;
        private long rows;

        FineClass(Diversity diversity) {
            this.diversity = diversity;
        }
    }

    /**
     * Up to l distinct recorded values of each sensitive outcome: enough to tell whether there are l.
     * Held in one array, l slots per outcome filled in order, since a class is kept for every
     * distinct combination of quasi-identifiers (a set per outcome took ten times the memory).
     */
    private static final class Diversity {

        private final Object[] seen;
        private final int l;

        Diversity(int outcomes, int l) {
            this.l = l;
            this.seen = new Object[outcomes * l];
        }

        void add(List<?> row) {
            for (int i = 0; i < row.size(); i++) {
                keep(i, row.get(i));
            }
        }

        void merge(Diversity other) {
            for (int i = 0; i < other.seen.length; i++) {
                if (other.seen[i] != null) {
                    keep(i / l, other.seen[i]);
                }
            }
        }

        private void keep(int outcome, Object value) {
            if (value == null) {
                return;
            }
            for (int slot = outcome * l; slot < (outcome + 1) * l; slot++) {
                if (seen[slot] == null) {
                    seen[slot] = value;
                    return;
                }
                if (seen[slot].equals(value)) {
                    return;
                }
            }
        }

        boolean recorded(int outcome) {
            return seen[outcome * l] != null;
        }

        boolean diverse(int outcome) {
            return seen[(outcome + 1) * l - 1] != null;
        }
    }
}
