package uk.dapp.riskmatrix.values;

import java.time.Instant;
import java.time.LocalDate;

/** A disruption review task, with its owner and due date; overdue when open past its due date. */
public record DisruptionTask(
        String taskId,
        DisruptionTaskKind kind,
        String owner,
        LocalDate dueDate,
        boolean done,
        Instant doneAt,
        Instant createdAt) {

    public boolean overdue(LocalDate today) {
        return !done && dueDate.isBefore(today);
    }
}
