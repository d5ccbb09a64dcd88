package uk.dapp.riskmatrix.cohort;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import uk.dapp.riskmatrix.referencedata.ReferenceData;

/**
 * Keeps the harm trend's tallies ({@link HarmTally}) in step with the cohort lines, and reads the
 * trend from them. No transaction spans a line and its tallies (ADR 0002), so each line records what
 * the tallies hold of it ({@code trendInSums}) and a change is added in steps that can each be
 * repeated:
 *
 * <ol>
 *   <li>claim the line (a write conditional on its version, naming the contribution to reach);
 *   <li>add the difference to each tally it touches, conditional on the tally not naming the step
 *       already ({@code applied}), and naming it;
 *   <li>record the contribution as held and release the claim (conditional on the claim);
 *   <li>take the step's name off the tallies.
 * </ol>
 *
 * A line claimed by another caller is left to it: that caller looks again once it releases, so a
 * change written meanwhile is added then. A claim older than {@link #LEASE} (its holder stopped)
 * is taken over with its own target and step, so a tally it already changed is not changed twice.
 * Every write of a line keeps these fields and raises its version, so a line written meanwhile
 * makes a claim fail rather than be lost.
 *
 * <p>A holder that was taken over may not have stopped, only stalled, and may still send its
 * additions. So the markers of a step that was taken over, or whose release failed, are not taken
 * off at once: the step is retired and its markers stay on the tallies for a while, refusing a late
 * addition ({@link HarmStepMarkers}). Only a holder that released its own claim takes its markers off
 * at once: the line's step has moved on, so no other caller uses that step. A claim left by a service
 * that stopped is taken over at start-up ({@link CohortRankings#backfill}) or by
 * {@link #settleAbandoned}, run periodically, so a change is never left unadded until its line is
 * next written.
 */
@Service
public class HarmTallies {

    private static final Logger log = LoggerFactory.getLogger(HarmTallies.class);

    /** After this long a claim's holder is taken to have stopped. */
    static final Duration LEASE = Duration.ofMinutes(2);

    private static final int ATTEMPTS = 20;

    private final MongoTemplate mongo;
    private final Clock clock;
    private final HarmStepMarkers markers;

    public HarmTallies(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        this.markers = new HarmStepMarkers(mongo);
    }

    /** A claim on a line's tally change: who holds it (not "id", which the mapping would make "_id"), since when, and the contribution it adds. */
    record Claim(String holder, Instant since, TrendContribution target) {}

    /** The part of a cohort line its tallies are kept from. */
    record TrendState(
            @Id String caseId,
            Long version,
            String areaKey,
            LocalDate firstDecided,
            List<HarmFigure> harmFigures,
            TrendContribution trendInSums,
            Claim trendClaim,
            Long trendStep) {

        TrendContribution contribution() {
            return TrendContribution.of(areaKey, firstDecided, harmFigures);
        }

        boolean pending() {
            return trendClaim != null || !Objects.equals(contribution(), trendInSums);
        }

        long step() {
            return trendStep == null ? 0 : trendStep;
        }
    }

    /** Whether a line written with this contribution, over stored trend fields holding these, has a change to add. */
    static boolean pending(TrendContribution written, TrendContribution inSums, Object claim) {
        return claim != null || !Objects.equals(written, inSums);
    }

    /**
     * Adds the changes of these lines that the tallies do not hold yet; those claimed by another
     * caller are left to it.
     */
    public void settle(Collection<String> caseIds) {
        List<String> ids = List.copyOf(new HashSet<>(caseIds));
        for (int attempt = 1; attempt <= ATTEMPTS && !ids.isEmpty(); attempt++) {
            ids = settleOnce(ids);
        }
        if (!ids.isEmpty()) {
            log.warn("Harm trend of {} cohort line(s) kept changing; left to their next write", ids.size());
        }
    }

    /** One round: the lines to look at again (their claim missed, or one was released with a change waiting). */
    private List<String> settleOnce(List<String> ids) {
        Instant now = clock.instant();
        String claimId = UUID.randomUUID().toString();
        Map<String, TrendState> claimed = new LinkedHashMap<>();
        Map<String, TrendContribution> targets = new LinkedHashMap<>();
        Set<String> takenOver = new HashSet<>();
        BulkOperations claims = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, RankedNominal.COLLECTION);
        for (TrendState line : states(ids)) {
            if (!line.pending()) {
                continue;
            }
            Claim held = line.trendClaim();
            if (held != null && held.since() != null && held.since().isAfter(now.minus(LEASE))) {
                continue; // its holder adds it, and looks again when done
            }
            TrendContribution target = held != null ? held.target() : line.contribution();
            claims.updateOne(
                    Query.query(Criteria.where("_id")
                            .is(line.caseId())
                            .and("version")
                            .is(line.version())),
                    new Update()
                            .set("trendClaim", new Claim(claimId, now, target))
                            .inc("version", 1));
            claimed.put(line.caseId(), line);
            targets.put(line.caseId(), target);
            if (held != null) {
                takenOver.add(line.caseId());
            }
        }
        if (claimed.isEmpty()) {
            return List.of();
        }
        claims.execute();
        Query mine = Query.query(Criteria.where("_id")
                .in(claimed.keySet())
                .and("trendClaim.holder")
                .is(claimId));
        mine.fields().include("_id");
        Set<String> held = new HashSet<>();
        for (org.bson.Document line : mongo.find(mine, org.bson.Document.class, RankedNominal.COLLECTION)) {
            held.add(line.getString("_id"));
        }
        List<String> again = new ArrayList<>(claimed.keySet());
        if (held.isEmpty()) {
            return again;
        }
        Map<String, HarmTallyRules.TallyChange> tallies = new LinkedHashMap<>();
        BulkOperations adds = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, HarmTally.COLLECTION);
        BulkOperations releases = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, RankedNominal.COLLECTION);
        // each step's tallies, to take its markers off (or retire it) once the lines are released
        Map<String, List<String>> steps = new LinkedHashMap<>();
        Map<String, List<String>> stepsTakenOver = new LinkedHashMap<>();
        for (String caseId : held) {
            TrendState line = claimed.get(caseId);
            TrendContribution target = targets.get(caseId);
            String step = caseId + "#" + line.step();
            List<String> touched = new ArrayList<>();
            for (HarmTallyRules.TallyChange change : HarmTallyRules.changes(line.trendInSums(), target)) {
                tallies.putIfAbsent(change.id(), change);
                Addition addition = addition(change, step);
                adds.updateOne(addition.query(), addition.update());
                touched.add(change.id());
            }
            if (!touched.isEmpty()) {
                (takenOver.contains(caseId) ? stepsTakenOver : steps).put(step, touched);
            }
            Update release =
                    new Update().unset("trendClaim").inc("trendStep", 1).inc("version", 1);
            if (target == null) {
                release.unset("trendInSums");
            } else {
                release.set("trendInSums", target);
            }
            releases.updateOne(
                    Query.query(Criteria.where("_id")
                            .is(caseId)
                            .and("trendClaim.holder")
                            .is(claimId)),
                    release);
        }
        if (!tallies.isEmpty()) {
            ensureTallies(tallies.values());
            adds.execute();
        }
        int released = releases.execute().getModifiedCount();
        if (released < held.size()) {
            // another caller took over some of these lines meanwhile (this one stalled): which is
            // not told, so every step of this round keeps its markers for a while
            stepsTakenOver.putAll(steps);
            steps.clear();
        }
        markers.retire(stepsTakenOver, now);
        markers.unmark(steps);
        // every line looked at again: a change written while it was claimed is added now
        return again;
    }

    /** A conditional addition of one change to its tally: refused when the tally names the step already. */
    record Addition(Query query, Update update) {}

    static Addition addition(HarmTallyRules.TallyChange change, String step) {
        Update add = new Update().push("applied", step);
        change.increments().forEach(add::inc);
        return new Addition(
                Query.query(Criteria.where("_id").is(change.id()).and("applied").ne(step)), add);
    }

    /**
     * Takes off the markers of the steps retired before {@code before}, then forgets the steps
     * ({@link HarmStepMarkers#forgetRetiredSteps}).
     *
     * @return how many retired steps were forgotten
     */
    int forgetRetiredSteps(Instant before) {
        return markers.forgetRetiredSteps(before);
    }

    /**
     * Settles the lines whose claim is older than {@link #LEASE}: their holder stopped (a service
     * restarted within the lease, whose start-up check left them to it) or stalled.
     *
     * @return how many lines were looked at
     */
    int settleAbandoned() {
        List<String> ids = markers.abandonedClaims(clock.instant().minus(LEASE));
        settle(ids);
        return ids.size();
    }

    /**
     * Both periodic checks, a batch of each ({@link HarmTallyUpkeep}): more than a batch waits for
     * the next check, so one check's work is bounded.
     */
    void upkeep() {
        settleAbandoned();
        forgetRetiredSteps(clock.instant().minus(HarmStepMarkers.RETIRED_MARKERS_KEPT));
    }

    /** Creates the tallies that do not exist yet, empty, so that each addition is a plain conditional update. */
    private void ensureTallies(Collection<HarmTallyRules.TallyChange> tallies) {
        for (int attempt = 1; ; attempt++) {
            BulkOperations upserts = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, HarmTally.COLLECTION);
            for (HarmTallyRules.TallyChange tally : tallies) {
                upserts.upsert(
                        Query.query(Criteria.where("_id").is(tally.id())),
                        new Update().set("areaKey", tally.areaKey()).set("period", tally.period()));
            }
            try {
                upserts.execute();
                return;
            } catch (DuplicateKeyException | BulkOperationException e) {
                // two callers created one tally at once: it exists now, and a second pass updates it
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    private List<TrendState> states(List<String> ids) {
        Query query = Query.query(Criteria.where("_id").in(ids));
        query.fields()
                .include(
                        "_id",
                        "version",
                        "areaKey",
                        "firstDecided",
                        "harmFigures",
                        "trendInSums",
                        "trendClaim",
                        "trendStep");
        return mongo.find(query, TrendState.class, RankedNominal.COLLECTION);
    }

    /**
     * The trend of these areas (folded; null: every area) on {@code today}, from the before tally of
     * each and its month tallies of the last {@value CohortRankingRules#TREND_MONTHS} months: a
     * fixed number of small documents, however many nominals there are.
     */
    public CohortService.Harm read(List<String> areaKeys, ReferenceData weights, LocalDate today) {
        List<String> periods = HarmTallyRules.periods(today);
        Query query;
        if (areaKeys == null) {
            query = Query.query(Criteria.where("period").in(periods));
        } else {
            List<String> ids = new ArrayList<>();
            for (String area : areaKeys) {
                for (String period : periods) {
                    ids.add(HarmTallyRules.id(area, period));
                }
            }
            query = Query.query(Criteria.where("_id").in(ids));
        }
        query.fields().exclude("applied");
        return HarmTallyRules.total(mongo.find(query, HarmTally.class), weights, today);
    }
}
