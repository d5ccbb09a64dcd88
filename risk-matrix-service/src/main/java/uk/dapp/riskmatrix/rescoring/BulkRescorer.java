package uk.dapp.riskmatrix.rescoring;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.bson.Document;
import org.springframework.data.core.TypeInformation;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import uk.dapp.riskmatrix.cohort.CohortRankings;
import uk.dapp.riskmatrix.cohort.RankingSource;
import uk.dapp.riskmatrix.referencedata.ReferenceData;
import uk.dapp.riskmatrix.scoring.Scorer;
import uk.dapp.riskmatrix.values.Score;
import uk.dapp.riskmatrix.values.ScoreHistoryEntry;

/**
 * Rescores every nominal with one weights version in a single pass: a cursor over the nominals
 * collection (only what scoring and the cohort line need projected, {@link #BATCH} documents per
 * fetch), scores computed batch by batch and written back as one unordered bulk write per batch,
 * each update conditional on the version read. The client holds at most one batch. A nominal
 * changed meanwhile (an incident added) is skipped by its bulk update and retried on fresh data,
 * unless it was already rescored since the run began. The version is checked but not raised: a
 * score is derived data, so a rescoring never makes an offender manager's own write answer 409,
 * and a write that lands first (an incident added, which rescores with the current weights too)
 * simply makes the bulk update miss and retry. After each batch the batch's cohort lines are
 * written together from the nominals as read and scored ({@link CohortRankings#refreshRescored}),
 * without reading them again; the retried ones are refreshed the ordinary way.
 */
public final class BulkRescorer {

    public static final int BATCH = 500;
    private static final String COLLECTION = "nominals";
    private static final int ATTEMPTS = 3;

    /** Told after every batch. */
    public interface Progress {
        void batchDone(long processed, long changed);
    }

    public record Outcome(long processed, long changed) {}

    private final MongoTemplate mongo;
    private final CohortRankings rankings;
    private final Clock clock;
    private final int batchSize;

    public BulkRescorer(MongoTemplate mongo, CohortRankings rankings, Clock clock) {
        this(mongo, rankings, clock, BATCH);
    }

    /** With batches of another size (tests: several batches out of a few nominals). */
    BulkRescorer(MongoTemplate mongo, CohortRankings rankings, Clock clock, int batchSize) {
        this.mongo = mongo;
        this.rankings = rankings;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    /**
     * The number of nominals, for the progress report: the collection's own count, not a count of
     * matches (on the embedded store that read every document into memory at once).
     */
    public long count() {
        return mongo.estimatedCount(COLLECTION);
    }

    public Outcome run(ReferenceData weights, Progress progress) {
        Instant began = clock.instant();
        LocalDate asOf = LocalDate.now(clock);
        Query query = new Query().cursorBatchSize(batchSize);
        query.fields().include(ScoringSubject.FIELDS);
        long processed = 0;
        long changed = 0;
        List<ScoringSubject> batch = new ArrayList<>(batchSize);
        try (Stream<ScoringSubject> subjects = mongo.stream(query, ScoringSubject.class, COLLECTION)) {
            var iterator = subjects.iterator();
            while (iterator.hasNext()) {
                batch.add(iterator.next());
                if (batch.size() == batchSize || !iterator.hasNext()) {
                    changed += write(batch, weights, asOf, began);
                    processed += batch.size();
                    batch.clear();
                    progress.batchDone(processed, changed);
                }
            }
        }
        return new Outcome(processed, changed);
    }

    private long write(List<ScoringSubject> batch, ReferenceData weights, LocalDate asOf, Instant began) {
        // straight to the driver: Spring's bulk operations map each query and update through the
        // entity's metadata, a fifth of the rescoring's time; the score is converted as Spring
        // converts it (the same document a MongoTemplate update writes), the rest is plain fields
        Instant now = clock.instant();
        List<UpdateOneModel<Document>> updates = new ArrayList<>(batch.size());
        List<RankingSource> rescored = new ArrayList<>(batch.size());
        for (ScoringSubject subject : batch) {
            Score score = score(subject, weights, asOf, now);
            rescored.add(subject.rescoredAs(score));
            updates.add(new UpdateOneModel<>(
                    new Document("_id", subject.caseId()).append("version", subject.version()),
                    new Document("$set", new Document("score", toDocument(score, Score.class)))
                            .append(
                                    "$push",
                                    new Document(
                                            "scoreHistory",
                                            toDocument(
                                                    score.historyEntry(ScoreHistoryEntry.BULK_RESCORING),
                                                    ScoreHistoryEntry.class)))));
        }
        long matched = mongo.getCollection(COLLECTION)
                .bulkWrite(updates, new BulkWriteOptions().ordered(false))
                .getMatchedCount();
        if (matched == batch.size()) {
            rankings.refreshRescored(rescored);
            return matched;
        }
        // some changed under us: their lines are refreshed from what is stored, the others' from
        // what was written; retry each changed one that has not been rescored since the run began
        List<String> ids = batch.stream().map(ScoringSubject::caseId).toList();
        Query missed = Query.query(
                Criteria.where("_id").in(ids).and("score.calculatedAt").ne(now));
        missed.fields().include("_id");
        Set<String> changedMeanwhile = new HashSet<>();
        for (Document nominal : mongo.find(missed, Document.class, COLLECTION)) {
            changedMeanwhile.add(nominal.getString("_id"));
        }
        rankings.refreshRescored(rescored.stream()
                .filter(source -> !changedMeanwhile.contains(source.caseId()))
                .toList());
        Query stale = Query.query(Criteria.where("_id")
                .in(changedMeanwhile)
                .and("score.calculatedAt")
                .lt(began));
        stale.fields().include(ScoringSubject.FIELDS);
        for (String caseId : mongo.find(stale, ScoringSubject.class, COLLECTION).stream()
                .map(ScoringSubject::caseId)
                .toList()) {
            matched += retry(caseId, weights, asOf);
        }
        rankings.refresh(changedMeanwhile);
        return matched;
    }

    private Object toDocument(Object value, Class<?> type) {
        return mongo.getConverter().convertToMongoType(value, TypeInformation.of(type));
    }

    private long retry(String caseId, ReferenceData weights, LocalDate asOf) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Query one = Query.query(Criteria.where("_id").is(caseId));
            one.fields().include(ScoringSubject.FIELDS);
            ScoringSubject subject = mongo.findOne(one, ScoringSubject.class, COLLECTION);
            if (subject == null) {
                return 0;
            }
            if (mongo.updateFirst(versionIs(subject), rescore(subject, weights, asOf, clock.instant()), COLLECTION)
                            .getMatchedCount()
                    == 1) {
                return 1;
            }
        }
        return 0;
    }

    private static Query versionIs(ScoringSubject subject) {
        return Query.query(
                Criteria.where("_id").is(subject.caseId()).and("version").is(subject.version()));
    }

    private static Score score(ScoringSubject subject, ReferenceData weights, LocalDate asOf, Instant now) {
        return Scorer.score(weights, subject.dateOfBirth(), subject.incidentsOrEmpty(), asOf, now);
    }

    private Update rescore(ScoringSubject subject, ReferenceData weights, LocalDate asOf, Instant now) {
        Score score = score(subject, weights, asOf, now);
        return new Update()
                .set("score", score)
                .push("scoreHistory", score.historyEntry(ScoreHistoryEntry.BULK_RESCORING));
    }
}
