package uk.dapp.partnersupport.common;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Dates as the partnership's workers see them (UK local time) and instants as the API carries them (UTC). */
public final class Times {

    public static final ZoneId UK = ZoneId.of("Europe/London");

    private Times() {}

    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), UK);
    }

    public static LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, UK);
    }

    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
