package uk.dapp.partnersupport.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkingDaysTest {

    private static final LocalDate MON = LocalDate.of(2026, 11, 16);
    private final WorkingDays plain = new WorkingDays(List.of());

    @Test
    void fiveWorkingDaysFromAMondayIsTheNextMonday() {
        assertThat(plain.after(MON, 5)).isEqualTo(LocalDate.of(2026, 11, 23));
    }

    @Test
    void fromAFridayTheWeekendDoesNotCount() {
        assertThat(plain.after(LocalDate.of(2026, 11, 20), 1)).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(plain.after(LocalDate.of(2026, 11, 20), 5)).isEqualTo(LocalDate.of(2026, 11, 27));
    }

    @Test
    void openedOnAWeekendCountsFromTheMonday() {
        assertThat(plain.after(LocalDate.of(2026, 11, 21), 5)).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(plain.after(LocalDate.of(2026, 11, 22), 1)).isEqualTo(LocalDate.of(2026, 11, 23));
    }

    @Test
    void bankHolidaysDoNotCount() {
        WorkingDays christmas = new WorkingDays(
                List.of(LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 28), LocalDate.of(2027, 1, 1)));
        // Tue 22 Dec + 5: Wed 23, Thu 24, (Fri 25 holiday, weekend, Mon 28 holiday) Tue 29, Wed 30, Thu 31
        assertThat(christmas.after(LocalDate.of(2026, 12, 22), 5)).isEqualTo(LocalDate.of(2026, 12, 31));
        // Thu 24 Dec + 5: Tue 29, Wed 30, Thu 31, (Fri 1 Jan holiday, weekend) Mon 4, Tue 5
        assertThat(christmas.after(LocalDate.of(2026, 12, 24), 5)).isEqualTo(LocalDate.of(2027, 1, 5));
        assertThat(christmas.isWorkingDay(LocalDate.of(2026, 12, 28))).isFalse();
        assertThat(plain.isWorkingDay(LocalDate.of(2026, 12, 28))).isTrue();
    }

    @Test
    void aHolidayOnTheStartDayChangesNothingButOneOnTheDueDayPushesItOn() {
        WorkingDays easter = new WorkingDays(List.of(LocalDate.of(2026, 4, 3), LocalDate.of(2026, 4, 6)));
        // Good Friday 3 Apr start: Tue 7 .. Mon 13
        assertThat(easter.after(LocalDate.of(2026, 4, 3), 5)).isEqualTo(LocalDate.of(2026, 4, 13));
        // Mon 30 Mar + 5 would be Mon 6 Apr (Easter Monday): Tue 7
        assertThat(easter.after(LocalDate.of(2026, 3, 30), 4)).isEqualTo(LocalDate.of(2026, 4, 7));
    }

    @Test
    void countsWorkingDaysOverdue() {
        assertThat(plain.between(LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 23)))
                .isEqualTo(1);
        assertThat(plain.between(MON, MON)).isZero();
        assertThat(plain.between(MON, MON.minusDays(3))).isZero();
        assertThat(plain.between(MON, MON.plusDays(7))).isEqualTo(5);
    }

    @Test
    void refusesNegativeDays() {
        assertThatThrownBy(() -> plain.after(MON, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(plain.after(MON, 0)).isEqualTo(MON);
    }
}
