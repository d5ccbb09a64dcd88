package uk.dapp.platform.privacy;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * One level on each quasi-identifier's ladder: one step of a k-anonymity plan.
 *
 * @param programme code, type ({@link CategoryLevel#GROUPED}) or suppressed
 * @param referralSource source, its group or suppressed
 * @param mandated kept or suppressed (no group)
 * @param routingDecision kept or suppressed (no group)
 */
public record Generalisation(
        AgeLevel age,
        SexLevel sex,
        AreaLevel area,
        PeriodLevel period,
        CategoryLevel programme,
        CategoryLevel referralSource,
        CategoryLevel mandated,
        CategoryLevel routingDecision) {

    public Generalisation {
        if (mandated == CategoryLevel.GROUPED || routingDecision == CategoryLevel.GROUPED) {
            throw new IllegalArgumentException("mandated and the routing decision have no group: kept or suppressed");
        }
    }

    /** Age, sex, area and period as given; the programme, referral and decision kept. */
    public Generalisation(AgeLevel age, SexLevel sex, AreaLevel area, PeriodLevel period) {
        this(age, sex, area, period, CategoryLevel.KEPT, CategoryLevel.KEPT, CategoryLevel.KEPT, CategoryLevel.KEPT);
    }

    /** Everything at its finest: 5-year age bands, sex, area, month, programme, referral source, mandated, decision. */
    public static final Generalisation NONE =
            new Generalisation(AgeLevel.FIVE_YEAR, SexLevel.KEPT, AreaLevel.AREA, PeriodLevel.MONTH);

    private static final CategoryLevel K = CategoryLevel.KEPT;
    private static final CategoryLevel G = CategoryLevel.GROUPED;
    private static final CategoryLevel S = CategoryLevel.SUPPRESSED;

    /**
     * The order in which the k-anonymiser widens, least loss first: it takes the first step whose
     * small classes can be suppressed within the allowed fraction. Age goes first because
     * evaluators analyse by decade at most; then the month, because quarters still show trends;
     * then the referral source to its kind (criminal justice, another agency, self), then the area,
     * which commissioners compare; the programme to its type; the year; then, one at a time, the
     * referral source, mandated, the programme and the routing decision are taken off; sex last,
     * because outcomes differ by it. Each step is at least as coarse as the one before on every
     * ladder, so classes only ever merge.
     */
    public static final List<Generalisation> DEFAULT_ORDER = List.of(
            NONE,
            new Generalisation(AgeLevel.TEN_YEAR, SexLevel.KEPT, AreaLevel.AREA, PeriodLevel.MONTH, K, K, K, K),
            new Generalisation(AgeLevel.TEN_YEAR, SexLevel.KEPT, AreaLevel.AREA, PeriodLevel.QUARTER, K, K, K, K),
            new Generalisation(AgeLevel.TEN_YEAR, SexLevel.KEPT, AreaLevel.AREA, PeriodLevel.QUARTER, K, G, K, K),
            new Generalisation(AgeLevel.TEN_YEAR, SexLevel.KEPT, AreaLevel.REGION, PeriodLevel.QUARTER, K, G, K, K),
            new Generalisation(AgeLevel.TWENTY_YEAR, SexLevel.KEPT, AreaLevel.REGION, PeriodLevel.QUARTER, K, G, K, K),
            new Generalisation(AgeLevel.TWENTY_YEAR, SexLevel.KEPT, AreaLevel.REGION, PeriodLevel.QUARTER, G, G, K, K),
            new Generalisation(AgeLevel.TWENTY_YEAR, SexLevel.KEPT, AreaLevel.REGION, PeriodLevel.YEAR, G, G, K, K),
            new Generalisation(AgeLevel.TWENTY_YEAR, SexLevel.KEPT, AreaLevel.ALL, PeriodLevel.YEAR, G, G, K, K),
            new Generalisation(AgeLevel.SUPPRESSED, SexLevel.KEPT, AreaLevel.ALL, PeriodLevel.YEAR, G, G, K, K),
            new Generalisation(AgeLevel.SUPPRESSED, SexLevel.KEPT, AreaLevel.ALL, PeriodLevel.YEAR, G, S, K, K),
            new Generalisation(AgeLevel.SUPPRESSED, SexLevel.KEPT, AreaLevel.ALL, PeriodLevel.YEAR, G, S, S, K),
            new Generalisation(AgeLevel.SUPPRESSED, SexLevel.KEPT, AreaLevel.ALL, PeriodLevel.YEAR, S, S, S, K),
            new Generalisation(AgeLevel.SUPPRESSED, SexLevel.KEPT, AreaLevel.ALL, PeriodLevel.YEAR, S, S, S, S),
            new Generalisation(AgeLevel.SUPPRESSED, SexLevel.SUPPRESSED, AreaLevel.ALL, PeriodLevel.YEAR, S, S, S, S));

    /** True when this is at least as coarse as the other on every ladder. */
    public boolean atLeast(Generalisation other) {
        return age.compareTo(other.age) >= 0
                && sex.compareTo(other.sex) >= 0
                && area.compareTo(other.area) >= 0
                && period.compareTo(other.period) >= 0
                && programme.compareTo(other.programme) >= 0
                && referralSource.compareTo(other.referralSource) >= 0
                && mandated.compareTo(other.mandated) >= 0
                && routingDecision.compareTo(other.routingDecision) >= 0;
    }

    /** What differs from {@link #NONE}, in words for the extract's statement (empty when nothing). */
    public List<String> describe() {
        List<String> out = new ArrayList<>();
        if (age != NONE.age) {
            out.add(age.description());
        }
        if (sex != NONE.sex) {
            out.add(sex.description());
        }
        if (area != NONE.area) {
            out.add(area.description());
        }
        if (period != NONE.period) {
            out.add(period.description());
        }
        describe(out, programme, "programme widened to its type", "programme suppressed");
        describe(out, referralSource, "referral source widened to its kind", "referral source suppressed");
        describe(out, mandated, null, "mandated or voluntary suppressed");
        describe(out, routingDecision, null, "routing decision suppressed");
        return List.copyOf(out);
    }

    private static void describe(List<String> out, CategoryLevel level, String grouped, String suppressed) {
        if (level == CategoryLevel.GROUPED) {
            out.add(grouped);
        } else if (level == CategoryLevel.SUPPRESSED) {
            out.add(suppressed);
        }
    }

    ReleasedQuasiIdentifiers release(QuasiIdentifiers q, AreaLadder areas) {
        return new ReleasedQuasiIdentifiers(
                AgeLadder.band(q.age(), this.age),
                SexLadder.generalise(q.sex(), this.sex),
                areas.generalise(q.area(), this.area),
                PeriodLadder.generalise(q.month(), this.period),
                CategoryLadder.generalise(q.programme(), q.programmeType(), programme),
                CategoryLadder.generalise(q.referralSource(), q.referralSourceGroup(), referralSource),
                CategoryLadder.generalise(
                        q.mandated() == null ? null : q.mandated().toString(), null, mandated),
                CategoryLadder.generalise(q.routingDecision(), null, routingDecision));
    }

    ReleasedQuasiIdentifiers release(Integer age, String sex, String area, YearMonth month, AreaLadder areas) {
        return release(new QuasiIdentifiers(age, sex, area, month), areas);
    }
}
