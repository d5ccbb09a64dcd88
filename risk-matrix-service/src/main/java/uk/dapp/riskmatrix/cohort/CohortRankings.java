package uk.dapp.riskmatrix.cohort;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import uk.dapp.riskmatrix.values.RoutingStatus;

/**
 * Keeps each nominal's cohort line ({@link RankedNominal}) in step with the nominal and its routing.
 * Every write of a nominal's score, flag, area, name, incidents or routing status calls
 * {@link #refresh} after it, in the same request. A refresh reads the stored line's version first,
 * then the sources, and writes the new line only if the stored one is still at that version, else
 * reads again: so the last line written was made from sources read after every write whose refresh
 * had begun, and concurrent writes to one nominal never leave a stale line behind (no transaction
 * needed). Writing the same line twice changes nothing but its version, so a repeated refresh is
 * harmless. What a line is made from is read by {@link RankingSourceReads}; the stored lines are read
 * and written by {@link CohortLineStore}.
 */
@Service
public class CohortRankings {

    private static final Logger log = LoggerFactory.getLogger(CohortRankings.class);
    /** Every failed attempt means another refresh of the same nominal wrote meanwhile; this many is a storm. */
    private static final int ATTEMPTS = 20;

    private static final int BACKFILL_BATCH = 500;

    private final MongoTemplate mongo;
    private final HarmTallies tallies;
    private final Clock clock;
    private final RankingSourceReads sourceReads;
    private final CohortLineStore lineStore;

    public CohortRankings(MongoTemplate mongo, HarmTallies tallies, Clock clock) {
        this.mongo = mongo;
        this.tallies = tallies;
        this.clock = clock;
        this.sourceReads = new RankingSourceReads(mongo);
        this.lineStore = new CohortLineStore(mongo);
    }

    public void refresh(String caseId) {
        refresh(List.of(caseId));
    }

    /** Rewrites the lines of these nominals (a batch: three reads and one bulk write for all of them). */
    public void refresh(Collection<String> caseIds) {
        Set<String> trendChanged = new HashSet<>();
        refresh(caseIds, trendChanged);
        tallies.settle(trendChanged);
    }

    private void refresh(Collection<String> caseIds, Set<String> trendChanged) {
        List<String> pending = List.copyOf(Set.copyOf(caseIds));
        for (int attempt = 1; attempt <= ATTEMPTS && !pending.isEmpty(); attempt++) {
            pending = write(pending, trendChanged);
        }
        if (!pending.isEmpty()) {
            log.error("Cohort lines of {} nominal(s) kept changing concurrently; not refreshed", pending.size());
            throw new OptimisticLockingFailureException(
                    "the cohort lines of " + pending + " kept changing concurrently");
        }
    }

    /**
     * After a batch of the bulk rescoring: the lines made from the nominals as the rescoring read
     * them and the scores it wrote, without reading the nominals again, in one bulk write. A
     * nominal's line is written so only when its stored line was made from the same version and
     * routing status of the nominal (a write that raced the rescoring left it otherwise) and is still
     * at the version read; every other nominal, and every one of a bulk write that missed, is
     * refreshed the ordinary way ({@link #refresh}). So the lines are those {@link #refresh} writes.
     */
    public void refreshRescored(List<RankingSource> rescored) {
        if (rescored.isEmpty()) {
            return;
        }
        List<String> ids = rescored.stream().map(RankingSource::caseId).toList();
        Map<String, Document> stored = lineStore.read(ids, "sourceVersion", "routingStatus");
        Map<String, LocalDate> decided = sourceReads.firstDecisions(ids);
        LocalDate today = LocalDate.now(clock);
        List<String> ordinary = new ArrayList<>();
        List<String> written = new ArrayList<>();
        List<RankedNominal> fresh = new ArrayList<>(rescored.size());
        for (RankingSource source : rescored) {
            Document line = stored.get(source.caseId());
            if (line == null || !madeFromTheSame(line, source)) {
                ordinary.add(source.caseId());
                continue;
            }
            fresh.add(CohortRankingRules.line(source, decided.get(source.caseId()), today)
                    .over(CohortLineStore.version(line)));
            written.add(source.caseId());
        }
        Set<String> trendChanged = new HashSet<>();
        if (!lineStore.writeAll(fresh, stored, trendChanged)) {
            // a line changed since it was read: which one is not told, so all of them again
            ordinary.addAll(written);
        }
        if (!ordinary.isEmpty()) {
            refresh(ordinary, trendChanged);
        }
        tallies.settle(trendChanged);
    }

    private static boolean madeFromTheSame(Document line, RankingSource source) {
        Number sourceVersion = (Number) line.get("sourceVersion");
        RoutingStatus status =
                source.routingStatus() == null ? RoutingStatus.AWAITING_DECISION : source.routingStatus();
        return sourceVersion != null
                && source.version() != null
                && sourceVersion.longValue() == source.version()
                && status.name().equals(line.getString("routingStatus"));
    }

    /** One attempt for each nominal: the ones whose line another refresh wrote meanwhile, to be tried again. */
    private List<String> write(List<String> caseIds, Set<String> trendChanged) {
        Map<String, Document> stored = lineStore.read(caseIds);
        Map<String, LocalDate> decided = sourceReads.firstDecisions(caseIds);
        List<RankingSource> sources = new ArrayList<>(sourceReads.sources(
                caseIds.stream().filter(id -> !decided.containsKey(id)).toList(), false));
        sources.addAll(sourceReads.sources(List.copyOf(decided.keySet()), true));
        LocalDate today = LocalDate.now(clock);
        List<RankedNominal> fresh = new ArrayList<>(sources.size());
        for (RankingSource source : sources) {
            fresh.add(CohortRankingRules.line(source, decided.get(source.caseId()), today)
                    .over(CohortLineStore.version(stored.get(source.caseId()))));
        }
        return lineStore.writeAll(fresh, stored, trendChanged) ? List.of() : caseIds;
    }

    /**
     * Checks every nominal's line, a batch at a time, and refreshes the missing ones (a store from
     * before the lines existed) and those behind their nominal (a stop between a write and its
     * refresh), logging progress. Only the fields that tell are read; running it again refreshes
     * nothing. Safe beside live writes: it refreshes as they do.
     *
     * @return how many lines it wrote
     */
    public long backfill() {
        Query all = new Query().cursorBatchSize(BACKFILL_BATCH);
        all.fields().include("_id", "version", "score.calculatedAt", "routingStatus");
        // the collection's own count (for the log only): a count of matches of an empty filter read
        // every document into memory at once on the embedded store
        long total = mongo.estimatedCount(RankingSourceReads.NOMINALS);
        long checked = 0;
        long written = 0;
        List<Document> batch = new ArrayList<>(BACKFILL_BATCH);
        try (var nominals = mongo.stream(all, Document.class, RankingSourceReads.NOMINALS)) {
            var iterator = nominals.iterator();
            while (iterator.hasNext()) {
                batch.add(iterator.next());
                if (batch.size() == BACKFILL_BATCH || !iterator.hasNext()) {
                    written += refreshStale(batch);
                    checked += batch.size();
                    batch.clear();
                    if (checked % 20_000 == 0 || !iterator.hasNext()) {
                        log.info(
                                "Cohort lines check: {} of {} nominals checked, {} lines written",
                                checked,
                                total,
                                written);
                    }
                }
            }
        }
        return written;
    }

    private int refreshStale(List<Document> nominals) {
        List<String> ids = nominals.stream().map(d -> d.getString("_id")).toList();
        Query lines = Query.query(Criteria.where("_id").in(ids));
        lines.fields().exclude("harmFigures");
        Map<String, RankedNominal> stored = mongo.find(lines, RankedNominal.class).stream()
                .collect(Collectors.toMap(RankedNominal::caseId, line -> line));
        Map<String, LocalDate> decided = sourceReads.firstDecisions(ids);
        List<String> stale = new ArrayList<>();
        for (Document nominal : nominals) {
            String caseId = nominal.getString("_id");
            RankedNominal line = stored.get(caseId);
            Document score = nominal.get("score", Document.class);
            java.util.Date calculatedAt = score == null ? null : score.getDate("calculatedAt");
            Number version = (Number) nominal.get("version");
            String status = nominal.getString("routingStatus");
            if (line == null
                    || CohortRankingRules.behind(
                            line,
                            version == null ? null : version.longValue(),
                            calculatedAt == null ? null : calculatedAt.toInstant(),
                            status == null ? null : RoutingStatus.valueOf(status),
                            decided.get(caseId))) {
                stale.add(caseId);
            }
        }
        if (!stale.isEmpty()) {
            refresh(stale);
        }
        // and the harm trend's tallies: a store from before them, or a stop while adding a change
        tallies.settle(ids);
        return stale.size();
    }
}
