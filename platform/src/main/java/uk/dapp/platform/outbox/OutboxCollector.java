package uk.dapp.platform.outbox;

import java.util.List;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Moves entries from the documents that wrote them into the outbox collection: insert first
 * (the message ID is the key, so a second copy is refused and ignored), then pull the entry from
 * its document. A crash between the two leaves the entry to be moved again, harmlessly. The pull
 * leaves the document's version alone, so a service's own concurrent save is not refused because
 * of it; a stale save that puts a moved entry back only causes another ignored insert.
 */
public final class OutboxCollector {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(OutboxCollector.class);

    private final MongoTemplate mongo;
    private final List<String> sources;

    public OutboxCollector(MongoTemplate mongo, List<String> sources) {
        this.mongo = mongo;
        this.sources = List.copyOf(sources);
    }

    /** Moves the entries of at most {@code limit} documents per source; answers how many entries moved. */
    public int collect(int limit) {
        int moved = 0;
        for (String source : sources) {
            Query holding = new Query(Criteria.where(OutboxEntry.FIELD + ".0").exists(true)).limit(limit);
            holding.fields().include(OutboxEntry.FIELD);
            for (Document document : mongo.find(holding, Document.class, source)) {
                for (Document raw : document.getList(OutboxEntry.FIELD, Document.class)) {
                    OutboxEntry entry;
                    try {
                        entry = mongo.getConverter().read(OutboxEntry.class, raw);
                    } catch (RuntimeException unreadable) {
                        // left where it is, for a person to look at: one bad entry must not stop every other message
                        log.error(
                                "an outbox entry in {} {} cannot be read ({}); left in place",
                                source,
                                document.get("_id"),
                                unreadable.getClass().getSimpleName());
                        continue;
                    }
                    try {
                        mongo.insert(OutboxMessage.pending(entry));
                    } catch (DuplicateKeyException alreadyMoved) {
                        // moved before (a crash came between insert and pull, or a stale save put it back)
                    }
                    mongo.updateFirst(
                            Query.query(Criteria.where("_id").is(document.get("_id"))),
                            new Update().pull(OutboxEntry.FIELD, new Document("messageId", entry.messageId())),
                            source);
                    moved++;
                }
            }
        }
        return moved;
    }
}
