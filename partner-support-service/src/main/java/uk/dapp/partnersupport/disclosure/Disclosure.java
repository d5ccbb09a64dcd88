package uk.dapp.partnersupport.disclosure;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import uk.dapp.platform.outbox.OutboxEntry;
import uk.dapp.platform.risk.RiskLevel;

/**
 * A partner's report of new abuse, in full. Its words and location never leave this service. The
 * risk alert it raises for the programme is written into {@code outbox} in the same insert (the
 * alert's message ID is the disclosure ID), and {@code alertBasis} says on what basis the alert was
 * last let go (set by {@link RiskAlertConsentCheck} at delivery time).
 */
@Document(Disclosure.COLLECTION)
public record Disclosure(
        @Id String disclosureId,
        @Indexed String trackId,
        @Indexed String caseId,
        LocalDate disclosedOn,
        AbuseCategory category,
        RiskLevel riskLevel,
        String account,
        String location,
        String recordedBy,
        Instant recordedAt,
        String alertId,
        AlertBasis alertBasis,
        List<OutboxEntry> outbox) {

    public static final String COLLECTION = "disclosures";
    static final String ALERT_BASIS = "alertBasis";

    public Disclosure {
        outbox = outbox == null ? List.of() : List.copyOf(outbox);
    }

    @Override
    public String toString() {
        return "Disclosure[" + disclosureId + ", case " + caseId + ", " + category + "]";
    }
}
