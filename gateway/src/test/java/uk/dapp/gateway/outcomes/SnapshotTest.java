package uk.dapp.gateway.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import uk.dapp.platform.problem.RuleViolationException;

class SnapshotTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T15:20:07.750123Z"), ZoneOffset.UTC);

    @Test
    void byDefaultItIsNowToTheMillisecondSoThatARecordMadeEarlierInTheSameSecondIsIn() {
        OffsetDateTime snapshot = Snapshot.of(null, CLOCK);

        assertThat(snapshot).isEqualTo(OffsetDateTime.parse("2026-12-07T15:20:07.750Z"));
        // a case made a quarter of a second before the request, as the services store it (milliseconds)
        Instant madeJustBefore = Instant.parse("2026-12-07T15:20:07.500Z");
        assertThat(madeJustBefore).isBeforeOrEqualTo(snapshot.toInstant());
    }

    @Test
    void aMomentTheCallerNamesIsKeptInUtc() {
        OffsetDateTime named = OffsetDateTime.parse("2026-10-31T23:00:00+01:00");

        assertThat(Snapshot.of(named, CLOCK)).isEqualTo(OffsetDateTime.parse("2026-10-31T22:00:00Z"));
    }

    @Test
    void theFutureIsRefusedNamingTheField() {
        assertThatThrownBy(() -> Snapshot.of(OffsetDateTime.parse("2026-12-07T15:20:08Z"), CLOCK))
                .isInstanceOfSatisfying(
                        RuleViolationException.class,
                        e -> assertThat(e.violations())
                                .extracting(v -> v.field() + " " + v.rule())
                                .containsExactly("asOf NotInFuture"));
    }
}
