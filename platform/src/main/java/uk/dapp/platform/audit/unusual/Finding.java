package uk.dapp.platform.audit.unusual;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import uk.dapp.platform.audit.AuditRecord;

/**
 * One unusual access: a single audit record (restricted or break-glass reads), or a burst of one
 * user's reads (bulk), which names how many cases it took in but not which.
 */
public record Finding(
        UnusualAccessRule rule,
        String userId,
        String username,
        List<String> roles,
        Instant firstAt,
        Instant lastAt,
        int accesses,
        @Nullable Integer distinctCases,
        @Nullable String auditRecordId,
        @Nullable String caseId,
        @Nullable String resourceType,
        @Nullable String reason) {

    static Finding single(UnusualAccessRule rule, AuditRecord read) {
        return new Finding(
                rule,
                read.userId(),
                read.username(),
                rolesOf(read),
                read.at(),
                read.at(),
                1,
                null,
                read.id(),
                read.caseId(),
                read.resourceType(),
                read.reason());
    }

    static List<String> rolesOf(AuditRecord read) {
        return read.roles() == null ? List.of() : read.roles();
    }
}
