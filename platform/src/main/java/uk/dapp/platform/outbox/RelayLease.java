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

    /**
     * Takes or renews the lease; true when this relay holds it until {@code now + length}. The
     * lease document is created once, by an upsert matching its ID alone (which cannot collide with
     * a held lease), and only then taken by a conditional update without upsert: an upsert on the
     * "free or mine" condition would try to insert a second document every pass while another
     * replica holds the lease, and the store logs each of those duplicate-key refusals as an ERROR.
     */
    boolean acquire(Instant now) {
        Query free = Query.query(new Criteria()
                .andOperator(
                        Criteria.where("_id").is(ID),
                        new Criteria()
                                .orOperator(
                                        Criteria.where("until").lt(now),
                                        Criteria.where("owner").is(owner))));
        Update take = new Update().set("owner", owner).set("until", now.plus(length));
        Document held = mongo.findAndModify(
                free, take, FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION);
        if (held == null && createIfAbsent()) {
            held = mongo.findAndModify(
                    free, take, FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION);
        }
        return held != null && owner.equals(held.get("owner"));
    }

    /** Creates the free lease document when there is none; true when it did not exist before. */
    private boolean createIfAbsent() {
        try {
            return mongo.upsert(
                                    Query.query(Criteria.where("_id").is(ID)),
                                    new Update().setOnInsert("until", Instant.EPOCH),
                                    COLLECTION)
                            .getUpsertedId()
                    != null;
        } catch (DuplicateKeyException createdByAnother) {
            // two replicas starting together both inserted; one document exists, which is all we need
            return true;
        }
    }

    /** Lets another replica take over at once (on shutdown). */
    void release() {
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(ID).and("owner").is(owner)),
                new Update().set("until", Instant.EPOCH),
                COLLECTION);
    }

    String owner() {
        return owner;
    }
}
