package uk.dapp.riskmatrix.values;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A nominal's score, explained: the RFGV components, the harm, the serial flag, the weights
 * version and window used, and what each incident contributed. {@code total} is recency +
 * frequency + gravity + victims points; gravity and harm are the sums of the incidents' parts.
 */
public record Score(
        int total,
        ScoreComponent recency,
        ScoreComponent frequency,
        ScoreComponent gravity,
        ScoreComponent victims,
        int harmDays,
        boolean serial,
        String serialBasis,
        int referenceVersion,
        int windowMonths,
        LocalDate asOf,
        Instant calculatedAt,
        List<Contribution> incidents) {

    public ScoreHistoryEntry historyEntry(String trigger) {
        return new ScoreHistoryEntry(total, harmDays, serial, referenceVersion, asOf, calculatedAt, trigger);
    }
}
