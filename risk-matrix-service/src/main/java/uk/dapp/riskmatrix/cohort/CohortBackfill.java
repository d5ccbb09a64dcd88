package uk.dapp.riskmatrix.cohort;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * At start-up, gives every nominal without a cohort line its line (a store from before the lines) and
 * brings up to date any line behind its nominal (a stop between a write and its refresh); idempotent.
 */
@Component
class CohortBackfill implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CohortBackfill.class);

    private final CohortRankings rankings;

    CohortBackfill(CohortRankings rankings) {
        this.rankings = rankings;
    }

    @Override
    public void run(ApplicationArguments args) {
        long added = rankings.backfill();
        log.info("Cohort lines check done: {} lines written", added);
    }
}
