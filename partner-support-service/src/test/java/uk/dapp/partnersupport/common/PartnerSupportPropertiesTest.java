package uk.dapp.partnersupport.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.dapp.partnersupport.track.BankHolidayCalendar;
import uk.dapp.partnersupport.track.BankHolidayDivision;
import uk.dapp.partnersupport.track.WorkingDays;
import uk.dapp.platform.testsupport.ServiceTest;

/** The settings as the service reads them. */
@ServiceTest
class PartnerSupportPropertiesTest {

    @Autowired
    PartnerSupportProperties properties;

    @Autowired
    BankHolidayCalendar bankHolidays;

    @Autowired
    WorkingDays workingDays;

    @Test
    void theDefaultsAreFiveWorkingDaysAndEnglishBankHolidays() {
        assertThat(properties.firstContactWorkingDays()).isEqualTo(5);
        assertThat(bankHolidays.division()).isEqualTo(BankHolidayDivision.ENGLAND_AND_WALES);
        assertThat(bankHolidays.holidays())
                .contains(LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 28), LocalDate.of(2027, 3, 26))
                .doesNotContain(LocalDate.of(2026, 11, 30)); // St Andrew's Day is Scotland's
        assertThat(bankHolidays.coveredUntil()).isAfterOrEqualTo(LocalDate.of(2027, 12, 31));
        assertThat(workingDays.isWorkingDay(LocalDate.of(2027, 8, 30)))
                .as("summer bank holiday, England")
                .isFalse();
        assertThat(workingDays.isWorkingDay(LocalDate.of(2027, 8, 2)))
                .as("summer bank holiday, Scotland only")
                .isTrue();
    }
}
