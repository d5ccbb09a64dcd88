package uk.dapp.riskmatrix.cohort;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The cohort lines as stored, for {@link CohortRankings}: the version of each and its record of the
 * harm trend tallies, read; new lines written over them, each conditional on the version read and
 * keeping that record.
 */
final class CohortLineStore {

    private static final int DUPLICATE_KEY = 11000;

    /** A line's record of its harm trend tallies ({@link HarmTallies}), kept as they are when the line is rewritten. */
    private static final List<String> TREND_FIELDS = List.of("trendInSums", "trendClaim", "trendStep");

    private final MongoTemplate mongo;

    CohortLineStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The stored lines of these nominals by case ID: their version, their record of the tallies and these fields. */
    Map<String, Document> read(List<String> caseIds, String... fields) {
        Query lines = Query.query(Criteria.where("_id").in(caseIds));
        lines.fields().include("_id", "version");
        for (String field : fields) {
            lines.fields().include(field);
        }
        TREND_FIELDS.forEach(lines.fields()::include);
        Map<String, Document> stored = new HashMap<>();
        for (Document line : mongo.find(lines, Document.class, RankedNominal.COLLECTION)) {
            stored.put(line.getString("_id"), line);
        }
        return stored;
    }

    /** The version of a stored line read by {@link #read}, or null for none. */
    static Long version(Document stored) {
        return stored == null ? null : ((Number) stored.get("version")).longValue();
    }

    /**
     * Writes each line over the stored one at the line's version (none stored: a new line), all in
     * one unordered bulk write: one command, so the embedded store commits once, not once a line.
     * A write that misses (another refresh wrote that line meanwhile) is not told apart from the
     * others, so it answers false and the caller writes them all again, which is harmless. Each line
     * keeps the stored line's record of its harm trend tallies; those whose contribution to the
     * tallies differs from it are added to {@code trendChanged}, for {@link HarmTallies#settle}.
     */
    boolean writeAll(List<RankedNominal> lines, Map<String, Document> stored, Set<String> trendChanged) {
        if (lines.isEmpty()) {
            return true;
        }
        List<WriteModel<Document>> writes = new ArrayList<>(lines.size());
        int replacements = 0;
        for (RankedNominal line : lines) {
            Document document = new Document();
            Document before = stored.getOrDefault(line.caseId(), new Document());
            Object inSums = before.get("trendInSums");
            if (HarmTallies.pending(
                    TrendContribution.of(line.areaKey(), line.firstDecided(), line.harmFiguresOrEmpty()),
                    inSums instanceof Document held ? mongo.getConverter().read(TrendContribution.class, held) : null,
                    before.get("trendClaim"))) {
                trendChanged.add(line.caseId());
            }
            if (line.version() == null) {
                // as MongoTemplate.save inserts a new versioned entity: at version 0
                mongo.getConverter().write(line.over(0L), document);
                keepTrend(before, document);
                writes.add(new InsertOneModel<>(document));
            } else {
                mongo.getConverter().write(line.over(line.version() + 1), document);
                keepTrend(before, document);
                writes.add(new ReplaceOneModel<>(
                        Filters.and(Filters.eq("_id", line.caseId()), Filters.eq("version", line.version())),
                        document));
                replacements++;
            }
        }
        try {
            return mongo.getCollection(RankedNominal.COLLECTION)
                            .bulkWrite(writes, new BulkWriteOptions().ordered(false))
                            .getMatchedCount()
                    == replacements;
        } catch (MongoBulkWriteException e) {
            // a new line another refresh inserted first (duplicate key): the rest were written
            if (e.getWriteErrors().stream().allMatch(error -> error.getCode() == DUPLICATE_KEY)) {
                return false;
            }
            throw e;
        }
    }

    private static void keepTrend(Document stored, Document line) {
        for (String field : TREND_FIELDS) {
            if (stored.containsKey(field)) {
                line.put(field, stored.get(field));
            }
        }
    }
}
