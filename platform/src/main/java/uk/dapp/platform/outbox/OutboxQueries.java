package uk.dapp.platform.outbox;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** What a service may show of its own outbox: the messages about a case, whether moved yet or not. */
public final class OutboxQueries {

    private final MongoTemplate mongo;

    public OutboxQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * The messages of a type about a case, newest first: those in the outbox collection, plus the
     * given entries still waiting in their documents (shown as PENDING).
     */
    public List<OutboxMessage> messagesOf(String caseId, CaseEventType<?> type, List<OutboxEntry> notYetMoved) {
        List<OutboxMessage> found = new ArrayList<>(mongo.find(
                Query.query(Criteria.where("caseId")
                                .is(caseId)
                                .and("type")
                                .is(type.name())
                                .and("destination")
                                .is(type.destination()))
                        .with(Sort.by(Sort.Direction.DESC, "createdAt")),
                OutboxMessage.class));
        for (OutboxEntry entry : notYetMoved) {
            boolean ofType =
                    entry.type().equals(type.name()) && entry.destination().equals(type.destination());
            if (ofType && found.stream().noneMatch(m -> m.id().equals(entry.messageId()))) {
                found.add(OutboxMessage.pending(entry));
            }
        }
        found.sort(Comparator.comparing(OutboxMessage::createdAt).reversed());
        return found;
    }
}
