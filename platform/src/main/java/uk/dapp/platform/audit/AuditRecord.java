package uk.dapp.platform.audit;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One read or write of case data: who, with which roles, when, on which case, what they did.
 * Appended only: no API of any service updates or deletes these.
 */
@Document(AuditRecord.COLLECTION)
public record AuditRecord(
        @Id String id,
        Instant at,
        String userId,
        String username,
        List<String> roles,
        @Indexed String caseId,
        AuditAction action,
        String resourceType,
        String resourceId,
        String reason,
        String correlationId) {

    public static final String COLLECTION = "audit_log";
}
