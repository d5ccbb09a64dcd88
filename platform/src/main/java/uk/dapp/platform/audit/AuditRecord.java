package uk.dapp.platform.audit;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One read or write of case data: who, with which roles, when, on which case, what they did.
 * Appended only: no API of any service updates or deletes these. {@code reason} is the reason the
 * caller stated (required for an admin's read of casework) or the kind of change; absent in most
 * records. {@code query} is what a search or list asked for; a list or search writes one record per
 * case it returned, all with the same query (ADR 0012).
 */
@Document(AuditRecord.COLLECTION)
// the admin's views: newest first over a time range, and one user's reads in time order (bulk reads)
@CompoundIndex(name = "user_time", def = "{'userId': 1, 'at': 1}")
public record AuditRecord(
        @Id String id,
        @Indexed Instant at,
        String userId,
        String username,
        List<String> roles,
        @Indexed String caseId,
        AuditAction action,
        String resourceType,
        String resourceId,
        String reason,
        String correlationId,
        String query) {

    public static final String COLLECTION = "audit_log";
}
