package uk.dapp.partnersupport.track;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Set;

/** Working-day arithmetic: Saturdays, Sundays and the configured bank holidays do not count. */
public final class WorkingDays {

    private final Set<LocalDate> bankHolidays;

    public WorkingDays(Collection<LocalDate> bankHolidays) {
        this.bankHolidays = Set.copyOf(bankHolidays);
    }

    public boolean isWorkingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !bankHolidays.contains(date);
    }

    /**
     * The date {@code days} working days after {@code start}; the start day itself never counts, so a
     * track opened on Friday with 5 days is due the next Friday, and one opened on Saturday the Friday after.
     */
    public LocalDate after(LocalDate start, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative");
        }
        LocalDate date = start;
        int left = days;
        while (left > 0) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                left--;
            }
        }
        return date;
    }

    /** Working days in (from, to]: how many working days {@code to} lies past {@code from} (0 if not after). */
    public int between(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate date = from.plusDays(1); !date.isAfter(to); date = date.plusDays(1)) {
            if (isWorkingDay(date)) {
                count++;
            }
        }
        return count;
    }
}
