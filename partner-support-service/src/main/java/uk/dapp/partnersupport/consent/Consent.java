package uk.dapp.partnersupport.consent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** A partner's consent to support or to information sharing (with its scope), and its withdrawal. */
@Document("consents")
public record Consent(
        @Id String consentId,
        @Indexed String trackId,
        @Indexed String caseId,
        ConsentType type,
        LocalDate givenOn,
        List<SharingScope> scope,
        ConsentStatus status,
        String recordedBy,
        Instant recordedAt,
        Instant withdrawnAt,
        String withdrawnBy,
        String withdrawalNote,
        @Version Long version) {

    public Consent {
        scope = scope == null ? List.of() : List.copyOf(scope);
    }

    Consent withdrawn(Instant at, String by, String note) {
        return new Consent(
                consentId,
                trackId,
                caseId,
                type,
                givenOn,
                scope,
                ConsentStatus.WITHDRAWN,
                recordedBy,
                recordedAt,
                at,
                by,
                note,
                version);
    }

    /** In force at this moment: given and not withdrawn. */
    public boolean inForce() {
        return status == ConsentStatus.GIVEN;
    }
}
