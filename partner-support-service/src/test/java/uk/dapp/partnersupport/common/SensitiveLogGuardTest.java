package uk.dapp.partnersupport.common;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.dapp.platform.testsupport.ServiceTest;

/** The settings as the service reads them, and the guard that keeps bodies out of debug logs. */
@ServiceTest
class SensitiveLogGuardTest {

    @Autowired
    PartnerSupportProperties properties;

    @Test
    void theDefaultsAreFiveWorkingDaysEnglishBankHolidaysAndTheDemoKey() {
        assertThat(properties.firstContactWorkingDays()).isEqualTo(5);
        assertThat(properties.bankHolidayDates()).contains(LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 28),
                LocalDate.of(2027, 3, 26));
        assertThat(properties.encryption().currentKey()).startsWith("demo-");
    }

    @Test
    void bodyLoggersAreSilencedBelowInfoAndOthersAreNot() {
        LoggerContext context = new LoggerContext();
        SensitiveLogGuard.BodyFilter filter = new SensitiveLogGuard.BodyFilter();
        String body = "org.springframework.web.servlet.mvc.method.annotation.RequestResponseBodyMethodProcessor";
        assertThat(filter.decide(null, context.getLogger(body), Level.DEBUG, "", null, null)).isEqualTo(FilterReply.DENY);
        assertThat(filter.decide(null, context.getLogger(body), Level.TRACE, "", null, null)).isEqualTo(FilterReply.DENY);
        assertThat(filter.decide(null, context.getLogger("org.mongodb.driver.protocol.command"), Level.DEBUG, "", null, null))
                .isEqualTo(FilterReply.DENY);
        assertThat(filter.decide(null, context.getLogger(body), Level.WARN, "", null, null)).isEqualTo(FilterReply.NEUTRAL);
        assertThat(filter.decide(null, context.getLogger("org.springframework.web.servlet.DispatcherServlet"), Level.DEBUG,
                "", null, null)).isEqualTo(FilterReply.NEUTRAL);
    }

    @Test
    void theGuardIsInstalled() {
        assertThat(((LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory()).getTurboFilterList())
                .anyMatch(SensitiveLogGuard.BodyFilter.class::isInstance);
    }
}
