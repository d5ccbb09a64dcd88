package uk.dapp.platform.outbox;

import java.time.Duration;
import java.time.Instant;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * One relay per database at a time: replicas of a service share the outbox, and only the holder of
 * this lease delivers, so two replicas never race to send the same message and per-case order
 * holds. The lease is one document changed by atomic single-document operations; a holder that
 * stops renewing (killed, paused) loses it when it runs out and another replica takes over.
 */
final class RelayLease {

    static final String COLLECTION = "outbox_lease";
    private static final String ID = "relay";

    private final MongoTemplate mongo;
    private final String owner;
    private final Duration length;

    RelayLease(MongoTemplate mongo, String owner, Duration length) {
        this.mongo = mongo;
        this.owner = owner;
        this.length = length;
    }

    /** Takes or renews the lease; true when this relay holds it until {@code now + length}. */
    boolean acquire(Instant now) {
        Query free = Query.query(new Criteria().andOperator(Criteria.where("_id").is(ID),
                new Criteria().orOperator(Criteria.where("until").lt(now), Criteria.where("owner").is(owner))));
        Update take = new Update().set("owner", owner).set("until", now.plus(length));
        try {
            Document held = mongo.findAndModify(free, take,
                    FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION);
            return held != null && owner.equals(held.get("owner"));
        } catch (DuplicateKeyException heldByAnother) {
            // the upsert tried to create the lease document because another relay holds it
            return false;
        }
    }

    /** Lets another replica take over at once (on shutdown). */
    void release() {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(ID).and("owner").is(owner)),
                new Update().set("until", Instant.EPOCH), COLLECTION);
    }

    String owner() {
        return owner;
    }
}
