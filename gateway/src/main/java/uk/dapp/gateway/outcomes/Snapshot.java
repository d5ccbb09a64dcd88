package uk.dapp.gateway.outcomes;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;
import uk.dapp.platform.problem.RuleViolationException;

/**
 * The moment the outcome extract and the KPIs are taken as of: now unless the caller names an
 * earlier moment; never the future, which no service can answer for yet.
 *
 * <p>Now is kept to the millisecond, the precision the services store their times in. Cut to the
 * second, it left out whatever was recorded in the request's own second before it arrived: an
 * evaluator asking straight after a case was made (the e2e tests do, within one second) did not
 * see it, while the answer claimed to be as of a moment after it.
 */
public final class Snapshot {

    private Snapshot() {}

    public static OffsetDateTime of(@Nullable OffsetDateTime asOf, Clock clock) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        if (asOf == null) {
            return now.truncatedTo(ChronoUnit.MILLIS);
        }
        if (asOf.isAfter(now)) {
            throw new RuleViolationException("asOf", "NotInFuture", "the snapshot may not be in the future");
        }
        return asOf.withOffsetSameInstant(ZoneOffset.UTC);
    }
}
