package uk.dapp.riskmatrix.cohort;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.dapp.riskmatrix.referencedata.OffenceWeight;
import uk.dapp.riskmatrix.referencedata.ReferenceData;

/**
 * The cohort's harm trend as running tallies ({@link HarmTally}) per area and period, so that reading
 * it costs the same however many nominals there are: one "before" tally per area (decided nominals,
 * and their incidents in the {@value CohortRankingRules#TREND_MONTHS} months before their first
 * decision, by offence) and one tally per area and month (incidents by day and offence). The trend
 * of an area is then the before tally weighed with the current weights, and the month tallies of
 * the last {@value CohortRankingRules#TREND_MONTHS} months up to today, day by day: the same sums
 * {@link CohortRankingRules#harmBefore} and {@link CohortRankingRules#harmNow} make nominal by
 * nominal. An incident without an offence code weighs nothing and is not tallied.
 */
public final class HarmTallyRules {

    static final String BEFORE = "before";

    private HarmTallyRules() {}

    /** One tally's increments: field path (as MongoDB's {@code $inc} names it) to amount. */
    public record TallyChange(String id, String areaKey, String period, Map<String, Long> increments) {}

    /** The tally of an area and period. */
    public static String id(String areaKey, String period) {
        return period + "|" + (areaKey == null ? "-" : "+" + areaKey);
    }

    /** The periods the trend reads on {@code today}: the before tallies and the months of the last window. */
    public static List<String> periods(LocalDate today) {
        List<String> periods = new ArrayList<>(List.of(BEFORE));
        YearMonth last = YearMonth.from(today);
        for (YearMonth month = YearMonth.from(today.minusMonths(CohortRankingRules.TREND_MONTHS));
                !month.isAfter(last);
                month = month.plusMonths(1)) {
            periods.add(month.toString());
        }
        return periods;
    }

    /** The increments that turn tallies holding {@code from} into tallies holding {@code to} (either null: none), zeros left out. */
    public static List<TallyChange> changes(TrendContribution from, TrendContribution to) {
        Map<String, TallyChange> changes = new LinkedHashMap<>();
        add(changes, from, -1);
        add(changes, to, 1);
        List<TallyChange> nonZero = new ArrayList<>();
        for (TallyChange change : changes.values()) {
            change.increments().values().removeIf(amount -> amount == 0);
            if (!change.increments().isEmpty()) {
                nonZero.add(change);
            }
        }
        return nonZero;
    }

    private static void add(Map<String, TallyChange> changes, TrendContribution contribution, long sign) {
        if (contribution == null) {
            return;
        }
        String area = contribution.areaKey();
        Map<String, Long> before = tally(changes, area, BEFORE);
        before.merge("members", sign, Long::sum);
        LocalDate from = contribution.firstDecided().minusMonths(CohortRankingRules.TREND_MONTHS);
        LocalDate to = contribution.firstDecided().minusDays(1);
        for (HarmFigure figure : contribution.figures()) {
            if (figure.offenceCode() == null) {
                continue;
            }
            String offence = fieldName(figure.offenceCode());
            if (!figure.date().isBefore(from) && !figure.date().isAfter(to)) {
                before.merge("offences." + offence, sign, Long::sum);
            }
            tally(changes, area, YearMonth.from(figure.date()).toString())
                    .merge("days." + dayKey(figure.date()) + "." + offence, sign, Long::sum);
        }
    }

    private static Map<String, Long> tally(Map<String, TallyChange> changes, String areaKey, String period) {
        return changes.computeIfAbsent(
                        id(areaKey, period), id -> new TallyChange(id, areaKey, period, new LinkedHashMap<>()))
                .increments();
    }

    /** The trend from the tallies of the caller's areas read on {@code today}: members, harm before, harm now. */
    public static CohortService.Harm total(List<HarmTally> tallies, ReferenceData weights, LocalDate today) {
        LocalDate nowFrom = today.minusMonths(CohortRankingRules.TREND_MONTHS);
        long members = 0;
        long before = 0;
        long now = 0;
        for (HarmTally tally : tallies) {
            if (BEFORE.equals(tally.period())) {
                members += tally.members() == null ? 0 : tally.members().longValue();
                before += weigh(tally.offences(), weights);
                continue;
            }
            YearMonth month = YearMonth.parse(tally.period());
            for (Map.Entry<String, Map<String, Number>> day :
                    (tally.days() == null ? Map.<String, Map<String, Number>>of() : tally.days()).entrySet()) {
                LocalDate date = month.atDay(Integer.parseInt(day.getKey().substring(1)));
                if (!date.isBefore(nowFrom) && !date.isAfter(today)) {
                    now += weigh(day.getValue(), weights);
                }
            }
        }
        return new CohortService.Harm(Math.toIntExact(members), before, now);
    }

    private static long weigh(Map<String, Number> byOffence, ReferenceData weights) {
        if (byOffence == null) {
            return 0;
        }
        long harm = 0;
        for (Map.Entry<String, Number> counted : byOffence.entrySet()) {
            int days = weights.offence(offenceCode(counted.getKey()))
                    .map(OffenceWeight::harmDays)
                    .orElse(0);
            harm += counted.getValue().longValue() * days;
        }
        return harm;
    }

    private static String dayKey(LocalDate date) {
        return String.format(java.util.Locale.ROOT, "d%02d", date.getDayOfMonth());
    }

    /** An offence code as a field name: MongoDB reads a dot as a path and a leading dollar as an operator. */
    static String fieldName(String offenceCode) {
        return offenceCode.replace("%", "%25").replace(".", "%2E").replace("$", "%24");
    }

    static String offenceCode(String fieldName) {
        return fieldName.replace("%24", "$").replace("%2E", ".").replace("%25", "%");
    }
}
