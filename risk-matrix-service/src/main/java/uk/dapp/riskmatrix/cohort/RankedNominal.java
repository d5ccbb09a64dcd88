package uk.dapp.riskmatrix.cohort;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import uk.dapp.riskmatrix.values.RoutingStatus;

/**
 * A nominal's line on the risk matrix, kept beside the nominal so that a page of the cohort is one
 * indexed, paged query with nothing read per row: what the cohort shows of the nominal, the score
 * summary it ranks by, the routing status it filters by, and the figures of its harm trend (the day
 * of its first routing decision and the scored incidents the trend's two windows can still count).
 * Derived data: {@link CohortRankings} rewrites it from the nominal and its routing after every
 * change to either, conditional on {@code version}. {@code areaKey} is the area as scopes and the
 * area filter compare it (stripped, lower case), so they are equality conditions an index serves.
 * {@code ranked} is false for a nominal without a score, which the cohort leaves out.
 * {@code sourceVersion} is the nominal's version the line was made from; with the score's
 * {@code calculatedAt}, the routing status and the first decision it tells the start-up check
 * ({@link CohortRankings#backfill}) whether the line is behind its nominal.
 */
@Document(RankedNominal.COLLECTION)
@CompoundIndex(name = "rank", def = "{'ranked': 1, 'total': -1, 'harmDays': -1, '_id': 1}")
@CompoundIndex(name = "area_rank", def = "{'areaKey': 1, 'ranked': 1, 'total': -1, 'harmDays': -1, '_id': 1}")
@CompoundIndex(
        name = "area_serial_rank",
        def = "{'areaKey': 1, 'ranked': 1, 'serial': 1, 'total': -1, 'harmDays': -1, '_id': 1}")
@CompoundIndex(
        name = "area_status_rank",
        def = "{'areaKey': 1, 'ranked': 1, 'routingStatus': 1, 'total': -1, 'harmDays': -1, '_id': 1}")
@CompoundIndex(name = "area_decided", def = "{'areaKey': 1, 'firstDecided': 1}")
// the claims on lines' harm trend changes, for HarmTallies.settleAbandoned; only claimed lines have one
@CompoundIndex(name = "trend_claim_since", def = "{'trendClaim.since': 1}", sparse = true)
// see Nominal: lets the embedded store find a version-conditional write's document without a scan
@CompoundIndex(name = "id_version", def = "{'_id': 1, 'version': 1}", unique = true)
public record RankedNominal(
        @Id String caseId,
        String givenName,
        String familyName,
        String area,
        String areaKey,
        boolean ranked,
        int total,
        int recency,
        int frequency,
        int gravity,
        int victims,
        int harmDays,
        boolean serial,
        int referenceVersion,
        LocalDate asOf,
        Instant calculatedAt,
        RoutingStatus routingStatus,
        LocalDate firstDecided,
        List<HarmFigure> harmFigures,
        Long sourceVersion,
        @Version Long version) {

    public static final String COLLECTION = "cohort_ranking";

    public List<HarmFigure> harmFiguresOrEmpty() {
        return harmFigures == null ? List.of() : harmFigures;
    }

    /** The same line, to be written over the stored one read at {@code storedVersion} (null: none stored). */
    RankedNominal over(Long storedVersion) {
        return new RankedNominal(
                caseId,
                givenName,
                familyName,
                area,
                areaKey,
                ranked,
                total,
                recency,
                frequency,
                gravity,
                victims,
                harmDays,
                serial,
                referenceVersion,
                asOf,
                calculatedAt,
                routingStatus,
                firstDecided,
                harmFigures,
                sourceVersion,
                storedVersion);
    }
}
