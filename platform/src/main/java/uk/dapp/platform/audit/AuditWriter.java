package uk.dapp.platform.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
    /** {@code dapp.audit.records{action}}: records written, by action (never by case or user) */
    private final Map<AuditAction, Counter> written = new EnumMap<>(AuditAction.class);

    public AuditWriter(MongoTemplate mongo, Clock clock) {
        this(mongo, clock, new SimpleMeterRegistry());
    }

    public AuditWriter(MongoTemplate mongo, Clock clock, MeterRegistry meters) {
        this.mongo = mongo;
        this.clock = clock;
        for (AuditAction action : AuditAction.values()) {
            written.put(
                    action,
                    Counter.builder("dapp.audit.records")
                            .tag("action", action.name())
                            .description("audit records written")
                            .register(meters));
        }
    }

    public void record(AuditAction action, String caseId, String resourceType, String resourceId) {
        record(action, caseId, resourceType, resourceId, null);
    }

    public void record(AuditAction action, String caseId, String resourceType, String resourceId, String reason) {
        CurrentUser user = CurrentUser.get();
        // insert, never save: an audit record is never replaced
        mongo.insert(new AuditRecord(
                UUID.randomUUID().toString(),
                clock.instant(),
                user.userId(),
                user.username(),
                user.roles(),
                caseId,
                action,
                resourceType,
                resourceId,
                reason,
                MDC.get(CorrelationIdFilter.MDC_KEY),
                null));
        written.get(action).increment();
    }

    /**
     * Audits a list or search the caller is shown: one record per distinct case it returned (so the
     * case's trail, the admin's filter by case and the bulk-read rule all see it), each carrying the
     * query, written in one batch; a list that returned no case still leaves one record with the
     * query. {@code query} is what was asked for, as the caller gave it (at most
     * {@value #QUERY_LENGTH} characters are kept).
     */
    public void recordList(AuditAction action, String resourceType, Collection<String> caseIds, String query) {
        List<AuditRecord> records =
                listRecords(CurrentUser.get(), clock.instant(), action, resourceType, caseIds, query);
        mongo.insert(records, AuditRecord.class);
        written.get(action).increment(records.size());
    }

    /**
     * Audits several lists shown in one answer (a start page's lists) exactly as {@link #recordList}
     * audits each, keyed by query, in one batch: one insert (and one commit of the store) however
     * many lists.
     */
    public void recordLists(
            AuditAction action, String resourceType, Map<String, ? extends Collection<String>> caseIdsByQuery) {
        CurrentUser user = CurrentUser.get();
        Instant at = clock.instant();
        List<AuditRecord> records = new ArrayList<>();
        caseIdsByQuery.forEach(
                (query, caseIds) -> records.addAll(listRecords(user, at, action, resourceType, caseIds, query)));
        mongo.insert(records, AuditRecord.class);
        written.get(action).increment(records.size());
    }

    private static List<AuditRecord> listRecords(
            CurrentUser user,
            Instant at,
            AuditAction action,
            String resourceType,
            Collection<String> caseIds,
            String query) {
        String correlationId = MDC.get(CorrelationIdFilter.MDC_KEY);
        String kept = query == null || query.length() <= QUERY_LENGTH ? query : query.substring(0, QUERY_LENGTH);
        List<String> distinct = List.copyOf(new LinkedHashSet<>(caseIds));
        return (distinct.isEmpty() ? java.util.Collections.<String>singletonList(null) : distinct)
                .stream()
                        .map(caseId -> new AuditRecord(
                                UUID.randomUUID().toString(),
                                at,
                                user.userId(),
                                user.username(),
                                user.roles(),
                                caseId,
                                action,
                                resourceType,
                                null,
                                null,
                                correlationId,
                                kept))
                        .toList();
    }

    /** The longest query kept on an audit record (the contract's limit). */
    public static final int QUERY_LENGTH = 1000;
}
