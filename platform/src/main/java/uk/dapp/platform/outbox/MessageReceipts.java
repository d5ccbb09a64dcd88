package uk.dapp.platform.outbox;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * How every receiver applies a message once, however often it arrives, with no multi-document
 * transaction: the message's effect is one single-document write that itself records the message.
 * <ul>
 * <li>an effect that creates a document keys it by the message ID (or an ID derived from it), so a
 * repeat is a refused insert ({@link #insert});</li>
 * <li>an effect that changes a document records the message ID in that document's
 * {@value #FIELD} list in the same conditional update, which a repeat no longer matches
 * ({@link #update}).</li>
 * </ul>
 * The holding projections are the one other rule: they take a change only when it is newer than the
 * one they know (ADR 0009), which a repeat never is.
 */
public final class MessageReceipts {

    /** The list of message IDs a document changed by messages records. */
    public static final String FIELD = "receivedMessages";

    private final MongoTemplate mongo;

    public MessageReceipts(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Inserts the document a message creates; false when an earlier delivery of the message inserted it. */
    public boolean insert(Object document) {
        try {
            mongo.insert(document);
            return true;
        } catch (DuplicateKeyException earlierDelivery) {
            return false;
        }
    }

    /**
     * Applies a message's change to the document {@code target} finds, if it has not recorded the
     * message yet, recording it in the same write; false when it had (or the target matches nothing).
     */
    public boolean update(Query target, Update change, Class<?> type, String messageId) {
        Query notYet = Query.of(target).addCriteria(Criteria.where(FIELD).ne(messageId));
        return mongo.updateFirst(notYet, change.push(FIELD, messageId), type).getModifiedCount() == 1;
    }

    /** Whether the document {@code target} finds recorded the message. */
    public boolean received(Query target, Class<?> type, String messageId) {
        return mongo.exists(Query.of(target).addCriteria(Criteria.where(FIELD).is(messageId)), type);
    }
}
