package uk.dapp.partnersupport.evaluator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.dapp.partnersupport.track.WorkingDays;

class FirstContactTest {

    private static final ZoneId UK = ZoneId.of("Europe/London");
    // Friday 3 April 2026 and Monday 6 April 2026 are bank holidays (Good Friday, Easter Monday)
    private static final WorkingDays CALENDAR =
            new WorkingDays(List.of(LocalDate.of(2026, 4, 3), LocalDate.of(2026, 4, 6)));

    private static Instant at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(UK).toInstant();
    }

    @Test
    void notReachedYetHasNoTime() {
        assertThat(FirstContact.of(CALENDAR, at(LocalDate.of(2026, 3, 2), 9), LocalDate.of(2026, 3, 9), null))
                .isNull();
    }

    @Test
    void workingDaysSkipWeekendsAndBankHolidaysAndNotTheOpeningDay() {
        LocalDate thursday = LocalDate.of(2026, 4, 2);
        LocalDate due = CALENDAR.after(thursday, 5); // Tue 7, Wed 8, Thu 9, Fri 10, Mon 13
        assertThat(due).isEqualTo(LocalDate.of(2026, 4, 13));
        assertThat(FirstContact.of(CALENDAR, at(thursday, 16), due, at(thursday, 17)))
                .isEqualTo(new FirstContact(0, true));
        assertThat(FirstContact.of(CALENDAR, at(thursday, 16), due, at(LocalDate.of(2026, 4, 7), 10)))
                .isEqualTo(new FirstContact(1, true));
        assertThat(FirstContact.of(CALENDAR, at(thursday, 16), due, at(due, 23)))
                .isEqualTo(new FirstContact(5, true));
        assertThat(FirstContact.of(CALENDAR, at(thursday, 16), due, at(LocalDate.of(2026, 4, 14), 9)))
                .isEqualTo(new FirstContact(6, false));
    }

    @Test
    void daysAreUkDates() {
        // 23:30 UTC on Monday 30 March 2026 is already Tuesday in the UK (summer time)
        Instant lateMonday = LocalDate.of(2026, 3, 30)
                .atTime(23, 30)
                .atZone(ZoneId.of("UTC"))
                .toInstant();
        assertThat(FirstContact.of(CALENDAR, at(LocalDate.of(2026, 3, 30), 9), LocalDate.of(2026, 3, 30), lateMonday))
                .isEqualTo(new FirstContact(1, false));
    }

    @Test
    void aTrackWithoutADueDateSaysNothingAboutTheDeadline() {
        assertThat(FirstContact.of(CALENDAR, at(LocalDate.of(2026, 3, 2), 9), null, at(LocalDate.of(2026, 3, 4), 9)))
                .isEqualTo(new FirstContact(2, null));
    }
}
