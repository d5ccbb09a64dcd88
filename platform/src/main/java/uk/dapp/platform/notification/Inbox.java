package uk.dapp.platform.notification;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import uk.dapp.platform.audit.AuditAction;
import uk.dapp.platform.audit.AuditWriter;
import uk.dapp.platform.problem.NotFoundException;
import uk.dapp.platform.security.CurrentUser;

/**
 * A service's notification inbox (ADR 0016): notifications arrive from the outbox ({@link #receive}),
 * each once, and a person reads those addressed to them, by name or by one of their roles in one of
 * their teams or areas, and marks them read for themselves.
 */
public class Inbox {

    static final String RESOURCE = "notification";

    /** A page of the caller's notifications, with how many of all of them are unread. */
    public record Page(List<Notification> items, int page, int size, long total, long unread) {}

    private final MongoTemplate mongo;
    private final AuditWriter audit;
    private final Clock clock;
    private final boolean email;

    /** @param email whether urgent notifications are also emailed (GOV.UK Notify is configured) */
    public Inbox(MongoTemplate mongo, AuditWriter audit, Clock clock, boolean email) {
        this.mongo = mongo;
        this.audit = audit;
        this.clock = clock;
        this.email = email;
    }

    /**
     * Stores a notification raised by message {@code messageId}, under that ID: false when an earlier
     * delivery stored it. An urgent one owes its email in the same insert.
     */
    public boolean receive(String messageId, Notice notice, Instant raisedAt) {
        List<String> audience =
                notice.recipients().stream().map(Recipient::key).distinct().toList();
        List<uk.dapp.platform.outbox.OutboxEntry> owed = email && notice.kind().urgent()
                ? List.of(Email.TYPE.entry(new Email(notice.caseId(), messageId), raisedAt, 0))
                : List.of();
        try {
            mongo.insert(new Notification(
                    messageId,
                    notice.kind(),
                    notice.caseId(),
                    notice.subjectId(),
                    notice.recipients(),
                    audience,
                    raisedAt,
                    List.of(),
                    List.of(),
                    List.of(),
                    owed,
                    owed.size()));
            return true;
        } catch (DuplicateKeyException earlierDelivery) {
            return false;
        }
    }

    /** The caller's notifications, newest first; every case listed is audited. */
    public Page page(boolean unreadOnly, int page, int size) {
        CurrentUser caller = CurrentUser.get();
        Criteria mine = mine(caller);
        Query listed = query(unreadOnly ? unread(mine, caller) : mine);
        long total = mongo.count(listed, Notification.class);
        listed.with(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("_id")))
                .skip((long) page * size)
                .limit(size);
        List<Notification> items = mongo.find(listed, Notification.class);
        long unread = unreadOnly ? total : mongo.count(query(unread(mine(caller), caller)), Notification.class);
        audit.recordList(
                AuditAction.SEARCH,
                RESOURCE,
                items.stream().map(Notification::caseId).toList(),
                "unreadOnly=" + unreadOnly + "&page=" + page + "&size=" + size);
        return new Page(items, page, size, total, unread);
    }

    /** How many of the caller's notifications are unread (a count only: nothing about a case is read). */
    public long unread() {
        CurrentUser caller = CurrentUser.get();
        return mongo.count(query(unread(mine(caller), caller)), Notification.class);
    }

    /** Marks one of the caller's notifications read for them; again changes nothing; anyone else's is 404. */
    public Notification markRead(String notificationId) {
        CurrentUser caller = CurrentUser.get();
        Query target = query(where("_id").is(notificationId).andOperator(mine(caller)));
        if (!mongo.exists(target, Notification.class)) {
            throw new NotFoundException("No notification " + notificationId);
        }
        mongo.updateFirst(
                Query.of(target).addCriteria(where("readers").ne(caller.username())),
                new Update()
                        .push("readers", caller.username())
                        .push("reads", new Notification.Read(caller.username(), clock.instant())),
                Notification.class);
        Notification read = mongo.findOne(target, Notification.class);
        audit.record(AuditAction.UPDATE, read.caseId(), RESOURCE, notificationId, "read");
        return read;
    }

    /** The notification, for the email delivery (no person reads it). */
    Notification find(String notificationId) {
        return mongo.findById(notificationId, Notification.class);
    }

    /** Notes that Notify accepted an email to this user, so a repeat delivery skips them. */
    void emailed(String notificationId, String userId) {
        mongo.updateFirst(
                query(where("_id").is(notificationId)), new Update().addToSet("emailedTo", userId), Notification.class);
    }

    private static Criteria mine(CurrentUser caller) {
        Set<String> keys = Recipient.keysOf(caller);
        return where("audience").in(keys);
    }

    private static Criteria unread(Criteria mine, CurrentUser caller) {
        return new Criteria().andOperator(mine, where("readers").ne(caller.username()));
    }
}
