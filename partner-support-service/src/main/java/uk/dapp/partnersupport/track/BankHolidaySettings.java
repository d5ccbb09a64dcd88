package uk.dapp.partnersupport.track;

import java.time.LocalDate;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code dapp.partner-support.bank-holidays}: which of GOV.UK's divisions the partnership works in,
 * where the data comes from (the copy bundled with the release, or a newer one a deployment
 * provides, as {@code file:/path}), and the partnership's own closure days that do not count either.
 */
@ConfigurationProperties("dapp.partner-support.bank-holidays")
public record BankHolidaySettings(
        @DefaultValue("england-and-wales") BankHolidayDivision division,
        @DefaultValue(BankHolidaySettings.BUNDLED) String source,
        @DefaultValue List<LocalDate> extraClosures) {

    /** GOV.UK's data as bundled with the release, refreshed by scripts/refresh-bank-holidays.sh. */
    public static final String BUNDLED = "classpath:bank-holidays.json";
}
