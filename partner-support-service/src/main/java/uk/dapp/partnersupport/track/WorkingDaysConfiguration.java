package uk.dapp.partnersupport.track;

import java.io.IOException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import uk.dapp.partnersupport.common.Times;

/**
 * The service's one working-day calendar: GOV.UK's bank holidays for the configured division plus
 * the partnership's own closure days. Warns at start-up when the data ends within six months.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BankHolidaySettings.class)
class WorkingDaysConfiguration {

    private static final Logger log = LoggerFactory.getLogger(WorkingDaysConfiguration.class);

    @Bean
    BankHolidayCalendar bankHolidayCalendar(BankHolidaySettings settings, ResourceLoader resources, Clock clock) {
        Resource source = resources.getResource(settings.source());
        BankHolidayCalendar calendar;
        try {
            calendar = GovUkBankHolidays.read(source.getInputStream(), settings.source())
                    .get(settings.division());
        } catch (IOException e) {
            throw new IllegalStateException(
                    "cannot read the bank holidays data at " + settings.source()
                            + " (dapp.partner-support.bank-holidays.source)",
                    e);
        }
        log.info(
                "working days: bank holidays of {} from {}, covering up to {}; {} extra closure days",
                settings.division().key(),
                settings.source(),
                calendar.coveredUntil(),
                settings.extraClosures().size());
        calendar.endingWarning(Times.today(clock)).ifPresent(log::warn);
        return calendar;
    }

    @Bean
    WorkingDays workingDays(BankHolidayCalendar calendar, BankHolidaySettings settings) {
        return calendar.workingDays(settings.extraClosures());
    }
}
