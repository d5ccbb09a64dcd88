package uk.dapp.platform.privacy;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/** One level on each quasi-identifier's ladder: one step of a k-anonymity plan. */
public record Generalisation(AgeLevel age, SexLevel sex, AreaLevel area, PeriodLevel period) {

    /** Everything at its finest: 5-year age bands, sex, area, month. */
    public static final Generalisation NONE =
            new Generalisation(AgeLevel.FIVE_YEAR, SexLevel.KEPT, AreaLevel.AREA, PeriodLevel.MONTH);

    /**
     * The order in which the k-anonymiser widens, least loss first: it takes the first step whose
     * small classes can be suppressed within the allowed fraction. Age goes first because
     * evaluators analyse by decade at most; then the month, because quarters still show trends;
     * then the area, which commissioners compare; sex last, because outcomes differ by it. Each
     * step is at least as coarse as the one before on every ladder, so classes only ever merge.
     */
    public static final List<Generalisation> DEFAULT_ORDER = List.of(
            NONE,
            new Generalisation(AgeLevel.TEN_YEAR, SexLevel.KEPT, AreaLevel.AREA, PeriodLevel.MONTH),
            new Generalisation(AgeLevel.TEN_YEAR, SexLevel.KEPT, AreaLevel.AREA, PeriodLevel.QUARTER),
            new Generalisation(AgeLevel.TEN_YEAR, SexLevel.KEPT, AreaLevel.REGION, PeriodLevel.QUARTER),
            new Generalisation(AgeLevel.TWENTY_YEAR, SexLevel.KEPT, AreaLevel.REGION, PeriodLevel.QUARTER),
            new Generalisation(AgeLevel.TWENTY_YEAR, SexLevel.KEPT, AreaLevel.REGION, PeriodLevel.YEAR),
            new Generalisation(AgeLevel.TWENTY_YEAR, SexLevel.KEPT, AreaLevel.ALL, PeriodLevel.YEAR),
            new Generalisation(AgeLevel.SUPPRESSED, SexLevel.KEPT, AreaLevel.ALL, PeriodLevel.YEAR),
            new Generalisation(AgeLevel.SUPPRESSED, SexLevel.SUPPRESSED, AreaLevel.ALL, PeriodLevel.YEAR));

    /** True when this is at least as coarse as the other on every ladder. */
    public boolean atLeast(Generalisation other) {
        return age.compareTo(other.age) >= 0 && sex.compareTo(other.sex) >= 0
                && area.compareTo(other.area) >= 0 && period.compareTo(other.period) >= 0;
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
        return List.copyOf(out);
    }

    ReleasedQuasiIdentifiers release(Integer age, String sex, String area, YearMonth month, AreaLadder areas) {
        return new ReleasedQuasiIdentifiers(AgeLadder.band(age, this.age), SexLadder.generalise(sex, this.sex),
                areas.generalise(area, this.area), PeriodLadder.generalise(month, this.period));
    }
}
