package uk.dapp.gateway.outcomes;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;
import uk.dapp.platform.problem.RuleViolationException;

/**
 * The moment the outcome extract and the KPIs are taken as of: now (to the second) unless the
 * caller names an earlier moment; never the future, which no service can answer for yet.
 */
public final class Snapshot {

    private Snapshot() {}

    public static OffsetDateTime of(@Nullable OffsetDateTime asOf, Clock clock) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        if (asOf == null) {
            return now.truncatedTo(ChronoUnit.SECONDS);
        }
        if (asOf.isAfter(now)) {
            throw new RuleViolationException("asOf", "NotInFuture", "the snapshot may not be in the future");
        }
        return asOf.withOffsetSameInstant(ZoneOffset.UTC);
    }
}
