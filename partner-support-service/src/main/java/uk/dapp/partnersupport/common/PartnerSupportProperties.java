package uk.dapp.partnersupport.common;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The service's settings under {@code dapp.partner-support}: the first-contact period in working
 * days, the period within which a partner is to be contacted after a programme exit, and how many
 * working days before its meeting a MARAC is near (its worker notified). The
 * working-day calendar ({@code .bank-holidays}, BankHolidaySettings) and the field encryption
 * ({@code .encryption}, EncryptionSettings) have settings of their own, beside the code they set.
 */
@ConfigurationProperties("dapp.partner-support")
public record PartnerSupportProperties(
        @DefaultValue("5") int firstContactWorkingDays,
        @DefaultValue("2") int exitContactWorkingDays,
        @DefaultValue("2") int maracNearWorkingDays) {}
