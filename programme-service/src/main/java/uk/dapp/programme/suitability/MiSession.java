package uk.dapp.programme.suitability;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/** A motivational-interviewing session held while a referral needs motivational work. */
@Document("mi_sessions")
@CompoundIndex(name = "one_mi_session_per_number", def = "{'referralId': 1, 'number': 1}", unique = true)
public record MiSession(
        @Id String miSessionId,
        String referralId,
        String caseId,
        int number,
        int cap,
        LocalDate heldOn,
        String recordedBy,
        Instant recordedAt) {}
