package uk.dapp.platform.audit.unusual;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import uk.dapp.platform.audit.AuditAction;
import uk.dapp.platform.audit.AuditRecord;

/** Synthetic audit records for the rule tests. */
final class Reads {

    static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
    private static final AtomicInteger IDS = new AtomicInteger();

    private Reads() {}

    static AuditRecord read(String user, String role, long secondsAfterT0, String caseId, String resourceType) {
        return record(user, role, AuditAction.READ, secondsAfterT0, caseId, resourceType, null);
    }

    static AuditRecord record(
            String user,
            String role,
            AuditAction action,
            long secondsAfterT0,
            String caseId,
            String resourceType,
            String reason) {
        return new AuditRecord(
                "r" + IDS.incrementAndGet(),
                T0.plusSeconds(secondsAfterT0),
                "id-" + user,
                user,
                List.of(role),
                caseId,
                action,
                resourceType,
                null,
                reason,
                "corr",
                null);
    }
}
