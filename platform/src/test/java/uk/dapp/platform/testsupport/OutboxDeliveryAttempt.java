package uk.dapp.platform.testsupport;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import uk.dapp.platform.outbox.CaseEventType;
import uk.dapp.platform.outbox.OutboxMessage;
import uk.dapp.platform.outbox.OutboxRelay;
import uk.dapp.platform.outbox.OutboxStatus;

/**
 * One delivery attempt through a service's own relay, for its metrics test: the observation each
 * delivery runs in ({@code dapp.outbox.delivery}, ADR 0017) makes its timer only once a delivery has
 * been tried. The message is of a type the service sends, for a case of its own, first in line; its
 * receiver is not running in the test, so the attempt fails, and the message is removed afterwards,
 * leaving the shared outbox as it was.
 */
public final class OutboxDeliveryAttempt {

    private OutboxDeliveryAttempt() {}

    public static void of(CaseEventType<?> type, MongoTemplate mongo, OutboxRelay relay) {
        String id = UUID.randomUUID().toString();
        Instant first = Instant.EPOCH;
        mongo.insert(new OutboxMessage(
                id,
                type.destination(),
                type.name(),
                "METRICS-" + id,
                Map.of(),
                first,
                0,
                OutboxStatus.PENDING,
                0,
                first,
                null,
                null,
                null,
                null));
        try {
            relay.runOnce();
        } finally {
            mongo.remove(Query.query(Criteria.where("_id").is(id)), OutboxMessage.class);
        }
    }
}
