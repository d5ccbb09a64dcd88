package uk.dapp.partnersupport.disclosure;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import uk.dapp.partnersupport.common.RiskLevel;

/** A partner's report of new abuse, in full. Its words and location never leave this service. */
@Document("disclosures")
public record Disclosure(
        @Id String disclosureId,
        @Indexed String trackId,
        String caseId,
        LocalDate disclosedOn,
        AbuseCategory category,
        RiskLevel riskLevel,
        String account,
        String location,
        String recordedBy,
        Instant recordedAt,
        String alertId) {

    @Override
    public String toString() {
        return "Disclosure[" + disclosureId + ", case " + caseId + ", " + category + "]";
    }
}
