package uk.dapp.riskmatrix.cohort;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import uk.dapp.riskmatrix.referencedata.OffenceWeight;
import uk.dapp.riskmatrix.referencedata.ReferenceData;
import uk.dapp.riskmatrix.scoring.Scorer;
import uk.dapp.riskmatrix.values.Incident;
import uk.dapp.riskmatrix.values.RoutingStatus;
import uk.dapp.riskmatrix.values.Score;

/**
 * How a nominal's cohort line is derived, and how the cohort's harm trend adds up from the lines.
 * The trend compares, for each nominal with a routing decision, the harm of the scored incidents
 * in the {@value #TREND_MONTHS} months before the first decision with the harm of the last
 * {@value #TREND_MONTHS} months, both with the current weights: a line keeps only the incidents one
 * of those windows can still count, so it stays small however long the history grows.
 */
public final class CohortRankingRules {

    public static final int TREND_MONTHS = 12;

    private CohortRankingRules() {}

    /** The nominal's line as of {@code today}; {@code firstDecided} is the day of its first routing decision, or null. */
    public static RankedNominal line(RankingSource nominal, LocalDate firstDecided, LocalDate today) {
        Score score = nominal.score();
        RoutingStatus status =
                nominal.routingStatus() == null ? RoutingStatus.AWAITING_DECISION : nominal.routingStatus();
        List<HarmFigure> figures =
                firstDecided == null ? List.of() : harmFigures(nominal.incidentsOrEmpty(), firstDecided, today);
        if (score == null) {
            return new RankedNominal(
                    nominal.caseId(),
                    nominal.givenName(),
                    nominal.familyName(),
                    nominal.area(),
                    areaKey(nominal.area()),
                    false,
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    false,
                    0,
                    null,
                    null,
                    status,
                    firstDecided,
                    figures,
                    nominal.version(),
                    null);
        }
        return new RankedNominal(
                nominal.caseId(),
                nominal.givenName(),
                nominal.familyName(),
                nominal.area(),
                areaKey(nominal.area()),
                true,
                score.total(),
                score.recency().points(),
                score.frequency().points(),
                score.gravity().points(),
                score.victims().points(),
                score.harmDays(),
                score.serial(),
                score.referenceVersion(),
                score.asOf(),
                score.calculatedAt(),
                status,
                firstDecided,
                figures,
                nominal.version(),
                null);
    }

    /**
     * Whether a stored line is behind its nominal: made from another version of it, another score
     * (a bulk rescoring leaves the version alone), another routing status (copied without raising the
     * version) or before its first decision. Null stored values compare as they are.
     */
    public static boolean behind(
            RankedNominal stored,
            Long nominalVersion,
            Instant scoreCalculatedAt,
            RoutingStatus routingStatus,
            LocalDate firstDecided) {
        RoutingStatus status = routingStatus == null ? RoutingStatus.AWAITING_DECISION : routingStatus;
        return !Objects.equals(stored.sourceVersion(), nominalVersion)
                || !Objects.equals(stored.calculatedAt(), scoreCalculatedAt)
                || stored.routingStatus() != status
                || !Objects.equals(stored.firstDecided(), firstDecided);
    }

    /** An area as scopes compare it: stripped, ignoring case. */
    public static String areaKey(String area) {
        return area == null ? null : area.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * The scored incidents the trend can count, oldest first: those in the window before the first
     * decision, and those from {@value #TREND_MONTHS} months before {@code today} on (the window of
     * "now" only moves later, so nothing older can come back into it).
     */
    public static List<HarmFigure> harmFigures(List<Incident> incidents, LocalDate firstDecided, LocalDate today) {
        LocalDate beforeFrom = firstDecided.minusMonths(TREND_MONTHS);
        LocalDate nowFrom = today.minusMonths(TREND_MONTHS);
        return incidents.stream()
                .filter(Scorer::scored)
                .filter(i -> !i.date().isBefore(nowFrom)
                        || (!i.date().isBefore(beforeFrom) && i.date().isBefore(firstDecided)))
                .sorted(Comparator.comparing(Incident::date)
                        .thenComparing(Incident::offenceCode, Comparator.nullsFirst(Comparator.naturalOrder())))
                .map(i -> new HarmFigure(i.date(), i.offenceCode()))
                .toList();
    }

    /** Harm of the kept incidents in the {@value #TREND_MONTHS} months before the first decision. */
    public static long harmBefore(ReferenceData weights, LocalDate firstDecided, List<HarmFigure> figures) {
        return harmBetween(weights, figures, firstDecided.minusMonths(TREND_MONTHS), firstDecided.minusDays(1));
    }

    /** Harm of the kept incidents in the last {@value #TREND_MONTHS} months up to {@code today}. */
    public static long harmNow(ReferenceData weights, List<HarmFigure> figures, LocalDate today) {
        return harmBetween(weights, figures, today.minusMonths(TREND_MONTHS), today);
    }

    private static long harmBetween(ReferenceData weights, List<HarmFigure> figures, LocalDate from, LocalDate to) {
        long harm = 0;
        for (HarmFigure figure : figures) {
            if (!figure.date().isBefore(from) && !figure.date().isAfter(to)) {
                harm += weights.offence(figure.offenceCode())
                        .map(OffenceWeight::harmDays)
                        .orElse(0);
            }
        }
        return harm;
    }
}
