package uk.dapp.partnersupport.track;

import java.time.LocalDate;
import java.time.Month;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * One division's bank holidays, and how far the data reaches. GOV.UK publishes whole years, so
 * the data covers up to 31 December of the last year it lists a holiday in; past that, a working
 * day count would silently treat every weekday as working.
 */
public record BankHolidayCalendar(BankHolidayDivision division, Set<LocalDate> holidays, LocalDate coveredUntil) {

    /** How long before the data runs out the service starts warning. */
    public static final int WARN_MONTHS_AHEAD = 6;

    public BankHolidayCalendar {
        holidays = Set.copyOf(holidays);
    }

    /** The calendar of {@code holidays}, covering up to the end of the latest one's year. */
    public static BankHolidayCalendar of(BankHolidayDivision division, Collection<LocalDate> holidays) {
        if (holidays.isEmpty()) {
            throw new IllegalArgumentException("the bank holidays data lists no holiday for " + division.key());
        }
        int lastYear = holidays.stream().mapToInt(LocalDate::getYear).max().orElseThrow();
        return new BankHolidayCalendar(division, Set.copyOf(holidays), LocalDate.of(lastYear, Month.DECEMBER, 31));
    }

    /** Working days over these holidays and a partnership's own closure days. */
    public WorkingDays workingDays(Collection<LocalDate> extraClosures) {
        Set<LocalDate> all = new HashSet<>(holidays);
        all.addAll(extraClosures);
        return new WorkingDays(all);
    }

    /** A warning to give when the data ends within {@link #WARN_MONTHS_AHEAD} months of {@code today}. */
    public Optional<String> endingWarning(LocalDate today) {
        if (!coveredUntil.isBefore(today.plusMonths(WARN_MONTHS_AHEAD))) {
            return Optional.empty();
        }
        String when = coveredUntil.isBefore(today) ? "ended on " : "ends on ";
        return Optional.of("the bank holidays data for " + division.key() + " " + when + coveredUntil
                + ": working-day deadlines after it count every weekday. Run scripts/refresh-bank-holidays.sh and"
                + " release, or point dapp.partner-support.bank-holidays.source at a newer copy of GOV.UK's data");
    }
}
