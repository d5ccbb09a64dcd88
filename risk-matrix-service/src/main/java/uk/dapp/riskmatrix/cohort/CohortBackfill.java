package uk.dapp.riskmatrix.cohort;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.stereotype.Component;

/**
 * At start-up, gives every nominal without a cohort line its line (a store from before the lines) and
 * brings up to date any line behind its nominal (a stop between a write and its refresh); idempotent.
 * It also drops the nominals' ranking index of a store from before the lines: the cohort reads its
 * lines, so nothing reads that index, and every score written would keep it up to date for nothing.
 */
@Component
class CohortBackfill implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CohortBackfill.class);

    /** The nominals' ranking index (score, harm, case ID) from before the cohort lines. */
    static final String OLD_RANKING_INDEX = "cohort_rank";

    private final CohortRankings rankings;
    private final MongoTemplate mongo;

    CohortBackfill(CohortRankings rankings, MongoTemplate mongo) {
        this.rankings = rankings;
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        IndexOperations nominalIndexes = mongo.indexOps("nominals");
        if (nominalIndexes.getIndexInfo().stream()
                .anyMatch(index -> index.getName().equals(OLD_RANKING_INDEX))) {
            nominalIndexes.dropIndex(OLD_RANKING_INDEX);
            log.info("Dropped the nominals' index {}, which the cohort lines replaced", OLD_RANKING_INDEX);
        }
        long added = rankings.backfill();
        log.info("Cohort lines check done: {} lines written", added);
    }
}
