package uk.dapp.platform.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import uk.dapp.platform.store.StreamedQueries;

/**
 * Reads of the audit log, the same in every service (each over its own database). Only reads: the
 * log is written by {@link AuditWriter} alone, which only inserts.
 */
public class AuditQueries {

    /** The actions that disclose data to the caller, which the unusual-access rules look at. */
    static final List<AuditAction> READS = List.of(AuditAction.READ, AuditAction.SEARCH);

    private final MongoTemplate mongo;

    public AuditQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** One page of the records matching the filter, newest first (ties broken by ID, so pages never overlap). */
    public Page<AuditRecord> page(AuditFilter filter, int page, int size) {
        Query query = Query.query(criteria(filter));
        long total = mongo.count(query, AuditRecord.class);
        PageRequest pageable = PageRequest.of(page, size, Sort.by(Sort.Order.desc("at"), Sort.Order.desc("_id")));
        return new PageImpl<>(mongo.find(query.with(pageable), AuditRecord.class), pageable, total);
    }

    /** Every record about one case, oldest first: the case's whole trail, for a subject access export. */
    public List<AuditRecord> trail(String caseId) {
        Query query = Query.query(Criteria.where("caseId").is(caseId))
                .with(Sort.by(Sort.Order.asc("at"), Sort.Order.asc("_id")));
        return mongo.find(query, AuditRecord.class);
    }

    /**
     * Every read and search in [from, to), grouped by user and in time order within each user, handed
     * over one at a time from a cursor, so a long window is never held in memory at once.
     */
    public void readsBetween(Instant from, Instant to, Consumer<AuditRecord> each) {
        Query query = Query.query(
                        Criteria.where("at").gte(from).lt(to).and("action").in(READS))
                .with(Sort.by(Sort.Order.asc("userId"), Sort.Order.asc("at"), Sort.Order.asc("_id")));
        try (Stream<AuditRecord> records = mongo.stream(StreamedQueries.batched(query), AuditRecord.class)) {
            records.forEach(each);
        }
    }

    private static Criteria criteria(AuditFilter filter) {
        List<Criteria> parts = new ArrayList<>();
        if (filter.caseId() != null) {
            parts.add(Criteria.where("caseId").is(filter.caseId()));
        }
        if (filter.user() != null) {
            parts.add(new Criteria()
                    .orOperator(
                            Criteria.where("username").is(filter.user()),
                            Criteria.where("userId").is(filter.user())));
        }
        if (filter.action() != null) {
            parts.add(Criteria.where("action").is(filter.action()));
        }
        if (filter.from() != null || filter.to() != null) {
            Criteria at = Criteria.where("at");
            if (filter.from() != null) {
                at = at.gte(filter.from());
            }
            if (filter.to() != null) {
                at = at.lt(filter.to());
            }
            parts.add(at);
        }
        return parts.isEmpty() ? new Criteria() : new Criteria().andOperator(parts);
    }
}
