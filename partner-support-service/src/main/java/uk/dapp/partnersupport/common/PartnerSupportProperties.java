package uk.dapp.partnersupport.common;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The service's settings under {@code dapp.partner-support}: the first-contact period in working
 * days, the period within which a partner is to be contacted after a programme exit, and the field
 * encryption keys. The bank holidays that do not count as working days are the working-day
 * calendar's own settings ({@code dapp.partner-support.bank-holidays}, BankHolidaySettings).
 */
@ConfigurationProperties("dapp.partner-support")
public record PartnerSupportProperties(
        @DefaultValue("5") int firstContactWorkingDays,
        @DefaultValue("2") int exitContactWorkingDays,
        @DefaultValue Encryption encryption) {

    /** Key ID to base64 key; the current key encrypts, every key decrypts. */
    public record Encryption(@DefaultValue Map<String, String> keys, String currentKey) {

        @Override
        public String toString() {
            return "Encryption[keyIds=" + keys.keySet() + ", currentKey=" + currentKey + "]";
        }
    }
}
