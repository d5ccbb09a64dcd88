package uk.dapp.riskmatrix.cohort;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The life of the step markers {@link HarmTallies} leaves on the harm tallies (each names a step
 * whose change a tally holds, and refuses that change a second time), and what a stopped holder
 * leaves behind. A step whose holder released its own claim is unmarked at once: the line's step
 * has moved on, so no other caller uses it. A step taken over, or whose release failed, is retired
 * ({@link RetiredStep}): its holder may only have stalled and may still send additions, so its
 * markers stay for {@link #RETIRED_MARKERS_KEPT} before {@link #forgetRetiredSteps} takes them off.
 * The lines whose claim has outlived its lease are found by {@link #abandonedClaims}, for
 * {@link HarmTallies#settleAbandoned} to settle.
 */
final class HarmStepMarkers {

    /** How long a retired step's markers refuse a stalled holder's late additions. */
    static final Duration RETIRED_MARKERS_KEPT = Duration.ofDays(1);

    /** The most retired steps forgotten, or abandoned claims found, by one call: the rest wait for the next. */
    private static final int BATCH = 500;

    private final MongoTemplate mongo;

    HarmStepMarkers(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** A step whose markers stay on its tallies until {@code retiredAt} plus {@link #RETIRED_MARKERS_KEPT}. */
    @Document(RetiredStep.COLLECTION)
    record RetiredStep(
            @Id String step, List<String> tallies, @Indexed Instant retiredAt) {
        static final String COLLECTION = "cohort_harm_retired";
    }

    /** Takes each step's marker off its tallies (step to tally IDs). */
    void unmark(Map<String, List<String>> steps) {
        if (steps.isEmpty()) {
            return;
        }
        BulkOperations unmarks = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, HarmTally.COLLECTION);
        steps.forEach((step, tallyIds) -> tallyIds.forEach(id ->
                unmarks.updateOne(Query.query(Criteria.where("_id").is(id)), new Update().pull("applied", step))));
        unmarks.execute();
    }

    /** Leaves each step's markers on its tallies (step to tally IDs) for a while, from {@code now}: a step retired again keeps its first time. */
    void retire(Map<String, List<String>> steps, Instant now) {
        if (steps.isEmpty()) {
            return;
        }
        BulkOperations retirements = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, RetiredStep.COLLECTION);
        steps.forEach((step, tallyIds) -> retirements.upsert(
                Query.query(Criteria.where("_id").is(step)),
                new Update().addToSet("tallies").each(tallyIds.toArray()).setOnInsert("retiredAt", now)));
        retirements.execute();
    }

    /**
     * Takes off the markers of the steps retired before {@code before}, then forgets the steps: safe
     * to repeat, and for every replica to run at once.
     *
     * @return how many retired steps were forgotten
     */
    int forgetRetiredSteps(Instant before) {
        List<RetiredStep> due =
                mongo.find(Query.query(Criteria.where("retiredAt").lt(before)).limit(BATCH), RetiredStep.class);
        if (due.isEmpty()) {
            return 0;
        }
        Map<String, List<String>> steps = new LinkedHashMap<>();
        due.forEach(retired -> steps.put(retired.step(), retired.tallies()));
        unmark(steps);
        mongo.remove(Query.query(Criteria.where("_id").in(steps.keySet())), RetiredStep.class);
        return due.size();
    }

    /** The IDs of a batch of the cohort lines claimed before {@code claimedBefore}: their holder stopped or stalled. */
    List<String> abandonedClaims(Instant claimedBefore) {
        Query stale = Query.query(Criteria.where("trendClaim.since").lt(claimedBefore))
                .limit(BATCH);
        stale.fields().include("_id");
        return mongo.find(stale, org.bson.Document.class, RankedNominal.COLLECTION).stream()
                .map(line -> line.getString("_id"))
                .toList();
    }
}
