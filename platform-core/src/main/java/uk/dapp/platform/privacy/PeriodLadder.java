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

    /**
     * A month as {@link YearMonth#parse} reads it ({@code 2026-03}), without the formatter's cost for
     * the usual four-digit year: an extract parses one per case.
     *
     * @throws java.time.format.DateTimeParseException as {@link YearMonth#parse} does
     */
    public static YearMonth parseMonth(String text) {
        if (text.length() == 7 && text.charAt(4) == '-') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            if (year >= 0 && month >= 1 && month <= 12) {
                return YearMonth.of(year, month);
            }
        }
        return YearMonth.parse(text); // anything else, valid or not, as the formatter has it
    }

    /** The number the ASCII digits from {@code start} to {@code end} spell, or -1 if any is not one. */
    private static int digits(String text, int start, int end) {
        int value = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
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
