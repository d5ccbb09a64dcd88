package uk.dapp.riskmatrix.cohort;

import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One area's running tally of the cohort's harm trend for one period ({@link HarmTallyRules}): for
 * the period {@code before}, how many nominals have a routing decision and, by offence, how many of
 * their scored incidents fell in the {@value CohortRankingRules#TREND_MONTHS} months before their
 * first decision; for a month ({@code 2026-11}), by day and offence, how many scored incidents of
 * decided nominals fell on that day. Harm days are weighed when the trend is read, with the current
 * weights, so a new weights version changes no tally. Kept by {@link HarmTallies} from the cohort
 * lines; {@code applied} (never read with the figures) names the line changes being added, so that
 * adding one twice does nothing.
 */
@Document(HarmTally.COLLECTION)
@CompoundIndex(name = "period_area", def = "{'period': 1, 'areaKey': 1}")
public record HarmTally(
        @Id String id,
        String areaKey,
        String period,
        Number members,
        Map<String, Number> offences,
        Map<String, Map<String, Number>> days) {

    public static final String COLLECTION = "cohort_harm";
}
