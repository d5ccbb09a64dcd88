package uk.dapp.riskmatrix.values;

import java.time.Instant;
import java.time.LocalDate;

/** One past score of a nominal, and what caused it. */
public record ScoreHistoryEntry(
        int total,
        int harmDays,
        boolean serial,
        int referenceVersion,
        LocalDate asOf,
        Instant calculatedAt,
        String trigger) {

    public static final String INCIDENT_ADDED = "INCIDENT_ADDED";
    public static final String REGISTERED = "REGISTERED";
    public static final String DETAILS_CORRECTED = "DETAILS_CORRECTED";
    public static final String BULK_RESCORING = "BULK_RESCORING";
}
