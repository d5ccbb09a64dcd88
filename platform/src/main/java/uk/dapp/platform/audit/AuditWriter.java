package uk.dapp.platform.audit;

import java.time.Clock;
import java.util.UUID;
import org.slf4j.MDC;
import org.springframework.data.mongodb.core.MongoTemplate;
import uk.dapp.platform.security.CurrentUser;
import uk.dapp.platform.web.CorrelationIdFilter;

/**
 * Appends an audit record for the current caller. Called before case data is returned or after it
 * is stored; when the audit write fails, the request fails too: no unaudited access.
 */
public class AuditWriter {

    private final MongoTemplate mongo;
    private final Clock clock;

    public AuditWriter(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public void record(AuditAction action, String caseId, String resourceType, String resourceId) {
        record(action, caseId, resourceType, resourceId, null);
    }

    public void record(AuditAction action, String caseId, String resourceType, String resourceId, String reason) {
        CurrentUser user = CurrentUser.get();
        // insert, never save: an audit record is never replaced
        mongo.insert(new AuditRecord(UUID.randomUUID().toString(), clock.instant(), user.userId(),
                user.username(), user.roles(), caseId, action, resourceType, resourceId, reason,
                MDC.get(CorrelationIdFilter.MDC_KEY)));
    }
}
