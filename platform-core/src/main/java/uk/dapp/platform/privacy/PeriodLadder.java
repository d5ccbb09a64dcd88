package uk.dapp.platform.privacy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

/** Dates in an extract: month {@code 2026-03}, quarter {@code 2026-Q1} or year {@code 2026}. */
public final class PeriodLadder {

    /** Where the partnerships are: a moment belongs to the month of its local date there. */
    public static final ZoneId UK = ZoneId.of("Europe/London");

    private PeriodLadder() {}

    /** The month of a moment in UK local time (23:30 UTC on 31 March in summer time is already April). */
    public static YearMonth monthOf(Instant moment) {
        return YearMonth.from(moment.atZone(UK));
    }

    public static YearMonth monthOf(LocalDate date) {
        return YearMonth.from(date);
    }

    /** The period of a month (null when unknown) at a level. */
    public static String generalise(YearMonth month, PeriodLevel level) {
        if (month == null) {
            return Ladders.UNKNOWN;
        }
        return switch (level) {
            case MONTH -> month.toString();
            case QUARTER -> month.getYear() + "-Q" + ((month.getMonthValue() - 1) / 3 + 1);
            case YEAR -> Integer.toString(month.getYear());
        };
    }
}
