package uk.dapp.riskmatrix.rescoring;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import uk.dapp.platform.audit.AuditAction;
import uk.dapp.platform.audit.AuditWriter;
import uk.dapp.platform.problem.ConflictException;
import uk.dapp.platform.problem.NotFoundException;
import uk.dapp.platform.security.CurrentUser;
import uk.dapp.riskmatrix.cohort.CohortRankings;
import uk.dapp.riskmatrix.referencedata.ReferenceData;
import uk.dapp.riskmatrix.referencedata.ReferenceDataService;

/**
 * Runs {@link BulkRescorer} in the background, one job at a time, recording progress after every
 * batch. Reads are never blocked: each nominal is updated on its own, readers see its old or new score.
 */
@Service
public class RescoringService {

    private static final Logger log = LoggerFactory.getLogger(RescoringService.class);
    static final String RESOURCE = "rescoring-job";

    private final MongoTemplate mongo;
    private final ReferenceDataService referenceData;
    private final AuditWriter audit;
    private final Clock clock;
    private final BulkRescorer rescorer;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "bulk-rescoring");
        thread.setDaemon(true);
        return thread;
    });

    RescoringService(
            MongoTemplate mongo,
            ReferenceDataService referenceData,
            AuditWriter audit,
            CohortRankings rankings,
            Clock clock) {
        this.mongo = mongo;
        this.referenceData = referenceData;
        this.audit = audit;
        this.clock = clock;
        this.rescorer = new BulkRescorer(mongo, rankings, clock);
    }

    /** A job left RUNNING by a process that stopped will never finish: say so. */
    @EventListener(ApplicationReadyEvent.class)
    void failInterruptedJobs() {
        mongo.updateMulti(
                Query.query(Criteria.where("status").is(RescoringJob.Status.RUNNING.name())),
                new Update()
                        .set("status", RescoringJob.Status.FAILED.name())
                        .set("finishedAt", clock.instant())
                        .set("error", "interrupted by a restart; start a new job"),
                RescoringJob.class);
    }

    public synchronized RescoringJob start() {
        RescoringJob running = mongo.findOne(
                Query.query(Criteria.where("status").is(RescoringJob.Status.RUNNING.name())), RescoringJob.class);
        if (running != null) {
            throw new ConflictException("A rescoring job is already running", Map.of("runningJobId", running.jobId()));
        }
        ReferenceData weights = referenceData.current();
        RescoringJob job = mongo.insert(new RescoringJob(
                UUID.randomUUID().toString(),
                RescoringJob.Status.RUNNING,
                weights.version(),
                rescorer.count(),
                0,
                0,
                clock.instant(),
                null,
                CurrentUser.get().username(),
                null));
        audit.record(AuditAction.CREATE, null, RESOURCE, job.jobId());
        // execute, not submit: whatever escapes run (an Error) reaches the thread's handler, not a dropped Future
        worker.execute(() -> run(job, weights));
        return job;
    }

    public RescoringJob get(String jobId) {
        RescoringJob job = mongo.findById(jobId, RescoringJob.class);
        if (job == null) {
            throw new NotFoundException("No rescoring job " + jobId);
        }
        audit.record(AuditAction.READ, null, RESOURCE, jobId);
        return job;
    }

    private void run(RescoringJob job, ReferenceData weights) {
        Query thisJob = Query.query(Criteria.where("_id").is(job.jobId()));
        try {
            BulkRescorer.Outcome outcome = rescorer.run(
                    weights,
                    (processed, changed) -> mongo.updateFirst(
                            thisJob,
                            new Update().set("processed", processed).set("changed", changed),
                            RescoringJob.class));
            mongo.updateFirst(
                    thisJob,
                    new Update()
                            .set("status", RescoringJob.Status.FINISHED.name())
                            .set("processed", outcome.processed())
                            .set("changed", outcome.changed())
                            .max("total", outcome.processed())
                            .set("finishedAt", clock.instant()),
                    RescoringJob.class);
        } catch (RuntimeException e) {
            log.error("Rescoring job {} failed", job.jobId(), e);
            mongo.updateFirst(
                    thisJob,
                    new Update()
                            .set("status", RescoringJob.Status.FAILED.name())
                            .set("finishedAt", clock.instant())
                            .set("error", e.getClass().getSimpleName()),
                    RescoringJob.class);
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
