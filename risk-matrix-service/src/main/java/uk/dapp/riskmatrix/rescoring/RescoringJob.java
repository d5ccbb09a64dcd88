package uk.dapp.riskmatrix.rescoring;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A bulk rescoring run and its progress. */
@Document("rescoring_jobs")
public record RescoringJob(
        @Id String jobId,
        Status status,
        int referenceVersion,
        long total,
        long processed,
        long changed,
        Instant startedAt,
        Instant finishedAt,
        String startedBy,
        String error) {

    public enum Status {
        RUNNING,
        FINISHED,
        FAILED
    }

    public int percent() {
        if (status == Status.FINISHED || total == 0) {
            return status == Status.RUNNING ? 0 : 100;
        }
        return (int) Math.min(100, processed * 100 / total);
    }
}
