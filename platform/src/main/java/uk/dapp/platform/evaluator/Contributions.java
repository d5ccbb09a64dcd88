package uk.dapp.platform.evaluator;

import java.time.Instant;
import java.util.stream.Stream;

/**
 * A service's part of the anonymised outcome extract (common.yaml {@code GET /evaluator/contributions}):
 * one row per case opened by {@code asOf}, ascending by case ID, each a record whose every component
 * carries a sensitivity label. The platform serves it ({@link ContributionController}); the service
 * says what its rows hold.
 */
public interface Contributions {

    /** The rows, streamed; the caller closes the stream. */
    Stream<? extends Record> contributions(Instant asOf);
}
