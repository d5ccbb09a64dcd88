package uk.dapp.riskmatrix.nominal;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** A known perpetrator on the risk matrix. The case ID is the key: one nominal, one case. */
@Document("nominals")
public record Nominal(
        @Id String caseId,
        String givenName,
        String familyName,
        LocalDate dateOfBirth,
        @Indexed(unique = true) String policeId,
        String probationId,
        String area,
        Instant createdAt,
        String createdBy,
        @Version Long version) {
}
