package uk.dapp.platform.holding;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import uk.dapp.platform.audit.AuditAction;
import uk.dapp.platform.audit.AuditWriter;
import uk.dapp.platform.caseid.CaseId;
import uk.dapp.platform.problem.NotFoundException;
import uk.dapp.platform.tracing.TraceContexts;

/**
 * A projection of another service's hold on cases, one document per case in a collection of the
 * receiving service's own database, fed by that service's outbox (ADR 0009). Each change is one
 * single-document write guarded by the document's version (compare and set, repeated on a lost race),
 * so a receiver applying it is idempotent through its own data: a repeat is not newer and changes
 * nothing.
 * <p>
 * Each holding thing also keeps the W3C trace context its first change was received under
 * ({@code madeUnder}, ADR 0017), so that work it leads to later can continue the trace that made it
 * (a partner track opened on a referral, in the trace of the ENGAGE decision that made the referral).
 * Later changes keep it; a thing first received before contexts were kept, or outside a trace, has none.
 */
public class HoldingStore {

    /** One case's holdings as stored; {@code marks} keyed by the other service's opaque key. */
    record CaseHoldings(@Id String caseId, List<StoredMark> marks, long version) {}

    record StoredMark(
            String key,
            boolean held,
            long sequence,
            @Nullable String madeUnder) {}

    private static final int ATTEMPTS = 20;

    private final MongoTemplate mongo;
    private final String collection;
    private final AuditWriter audit;
    private final String resource;

    /**
     * @param collection where the projection lives
     * @param resource   the audit resource type of a change received (the key is the resource ID)
     */
    public HoldingStore(MongoTemplate mongo, String collection, AuditWriter audit, String resource) {
        this.mongo = mongo;
        this.collection = collection;
        this.audit = audit;
        this.resource = resource;
    }

    /** Applies a change received; answers whether it changed anything (false for a repeat or an older change). */
    public boolean apply(CaseId caseId, String key, boolean held, long sequence) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<CaseHoldings> stored = load(caseId.value());
            Holdings known = stored.map(HoldingStore::toHoldings).orElse(Holdings.none());
            Optional<Holdings> next = known.apply(key, held, sequence);
            if (next.isEmpty()) {
                return false;
            }
            if (write(caseId.value(), stored, next.get(), key, TraceContexts.current())) {
                audit.record(AuditAction.UPDATE, caseId.value(), resource, key, held ? "held" : "no longer held");
                return true;
            }
        }
        throw new IllegalStateException(
                "could not apply a holding change to case " + caseId.value() + " after " + ATTEMPTS + " attempts");
    }

    /** Whether the other service holds the case now (false when it was never told of). */
    public boolean holds(CaseId caseId) {
        return load(caseId.value())
                .map(HoldingStore::toHoldings)
                .map(Holdings::holds)
                .orElse(false);
    }

    /**
     * Lets the caller on only when the case is held; otherwise writes the refused read to the audit
     * log (with {@code refusal} as its reason) and answers 404, the same whether or not the case
     * exists here, so the answer reveals nothing about it.
     */
    public void requireHeld(CaseId caseId, String readResource, String refusal) {
        if (!holds(caseId)) {
            audit.record(AuditAction.READ, caseId.value(), readResource, null, "refused: " + refusal);
            throw new NotFoundException("Nothing to show for case " + caseId.value());
        }
    }

    /**
     * The W3C {@code traceparent} the thing's first change was received under, as stored: empty when
     * none was kept. Unchecked, so whoever uses it reads it as input ({@link TraceContexts#parse}).
     */
    public Optional<String> madeUnder(CaseId caseId, String key) {
        return load(caseId.value()).map(CaseHoldings::marks).stream()
                .flatMap(List::stream)
                .filter(mark -> key.equals(mark.key()))
                .map(StoredMark::madeUnder)
                .filter(Objects::nonNull)
                .findFirst();
    }

    /** What is known of the case's holdings (for tests and subject access). */
    public Holdings of(CaseId caseId) {
        return load(caseId.value()).map(HoldingStore::toHoldings).orElse(Holdings.none());
    }

    private Optional<CaseHoldings> load(String caseId) {
        return Optional.ofNullable(mongo.findById(caseId, CaseHoldings.class, collection));
    }

    private boolean write(
            String caseId, Optional<CaseHoldings> stored, Holdings next, String changed, @Nullable String context) {
        Map<String, String> madeUnder = new HashMap<>();
        stored.map(CaseHoldings::marks).stream().flatMap(List::stream).forEach(mark -> {
            if (mark.madeUnder() != null) {
                madeUnder.put(mark.key(), mark.madeUnder());
            }
        });
        boolean firstChange = stored.map(CaseHoldings::marks).stream()
                .flatMap(List::stream)
                .noneMatch(mark -> changed.equals(mark.key()));
        if (firstChange && context != null) {
            madeUnder.put(changed, context);
        }
        List<Document> marks = new ArrayList<>();
        next.marks().forEach((key, mark) -> {
            Document document =
                    new Document("key", key).append("held", mark.held()).append("sequence", mark.sequence());
            if (madeUnder.containsKey(key)) {
                document.append("madeUnder", madeUnder.get(key));
            }
            marks.add(document);
        });
        if (stored.isEmpty()) {
            try {
                mongo.insert(new Document("_id", caseId).append("marks", marks).append("version", 0L), collection);
                return true;
            } catch (DuplicateKeyException lostRace) {
                return false;
            }
        }
        long version = stored.get().version();
        return mongo.updateFirst(
                                query(where("_id").is(caseId).and("version").is(version)),
                                new Update().set("marks", marks).set("version", version + 1),
                                collection)
                        .getMatchedCount()
                == 1;
    }

    private static Holdings toHoldings(CaseHoldings stored) {
        Map<String, Holdings.Mark> marks = new LinkedHashMap<>();
        if (stored.marks() != null) {
            stored.marks().forEach(m -> marks.put(m.key(), new Holdings.Mark(m.held(), m.sequence())));
        }
        return new Holdings(marks);
    }
}
