package uk.dapp.gateway.outcomes;

import java.time.OffsetDateTime;
import java.util.stream.Stream;
import uk.dapp.gateway.problem.ContributionsUnavailableException;

/**
 * The three services' evaluator contributions as of one moment, joined on the case ID in
 * ascending case ID order, read as a stream so that no more than one case per service is held.
 * Blocking: call it on a worker thread, never on an event loop. The stream holds open connections
 * and must be closed.
 */
public interface JoinedCaseSource {

    /**
     * @param asOf the snapshot: every service is asked for the same moment
     * @param bearerToken the evaluator's access token, relayed to the services
     * @throws ContributionsUnavailableException when a service cannot be read (at the start or
     *     part way through the stream)
     */
    Stream<JoinedCase> cases(OffsetDateTime asOf, String bearerToken);
}
