package uk.dapp.partnersupport.contact;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** One attempt to reach the partner: when, how, and how it went. Appended, never changed. */
@Document("contact_attempts")
public record ContactAttempt(
        @Id String attemptId,
        @Indexed String trackId,
        @Indexed String caseId,
        Instant attemptedAt,
        ContactMethod method,
        ContactOutcome outcome,
        String loggedBy,
        Instant loggedAt) {}
