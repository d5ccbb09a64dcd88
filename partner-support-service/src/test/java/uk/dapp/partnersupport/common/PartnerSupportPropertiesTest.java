package uk.dapp.partnersupport.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.dapp.platform.testsupport.ServiceTest;

/** The settings as the service reads them. */
@ServiceTest
class PartnerSupportPropertiesTest {

    @Autowired
    PartnerSupportProperties properties;

    @Test
    void theDefaultsAreFiveWorkingDaysEnglishBankHolidaysAndTheDemoKey() {
        assertThat(properties.firstContactWorkingDays()).isEqualTo(5);
        assertThat(properties.bankHolidayDates()).contains(LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 28),
                LocalDate.of(2027, 3, 26));
        assertThat(properties.encryption().currentKey()).startsWith("demo-");
    }
}
