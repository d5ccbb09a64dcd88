package uk.dapp.platform.outbox;

import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import uk.dapp.platform.calls.CallRejectedException;
import uk.dapp.platform.calls.CircuitOpenException;
import uk.dapp.platform.web.CorrelationIdFilter;

/**
 * Delivers the outbox at least once, in order per case and destination. One pass: hold the lease
 * (else do nothing), collect entries from their documents, then walk the pending messages oldest
 * first. A message that fails, or is not yet due again, blocks the later messages of its case for
 * that destination, so a receiver never sees them out of order; an open circuit makes the relay
 * wait for that destination. Every state change is conditional on the message still being
 * PENDING. Each message goes out with its ID as the receiver's idempotency key, so a delivery that
 * succeeded but was not recorded (a crash in between) is repeated harmlessly.
 */
public final class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    /** What a pass did. */
    public record Pass(boolean leader, int delivered, int failed, int withheld, int rejected) {}

    /** Tuning; see {@code dapp.outbox.*}. */
    public record Settings(int batch, Duration firstBackoff, Duration maxBackoff) {}

    private final MongoTemplate mongo;
    private final OutboxCollector collector;
    private final RelayLease lease;
    private final List<OutboxDelivery> deliveries;
    private final List<DeliveryPolicy> policies;
    private final List<RefusalHandler> refusals;
    private final String serviceAccount;
    private final Settings settings;
    private final Clock clock;
    private final OutboxMetrics metrics;
    private final ObservationRegistry observations;

    OutboxRelay(
            MongoTemplate mongo,
            OutboxCollector collector,
            RelayLease lease,
            List<OutboxDelivery> deliveries,
            List<DeliveryPolicy> policies,
            List<RefusalHandler> refusals,
            String serviceAccount,
            Settings settings,
            Clock clock,
            OutboxMetrics metrics,
            ObservationRegistry observations) {
        this.mongo = mongo;
        this.collector = collector;
        this.lease = lease;
        this.deliveries = List.copyOf(deliveries);
        this.policies = List.copyOf(policies);
        this.refusals = List.copyOf(refusals);
        this.serviceAccount = serviceAccount;
        this.settings = settings;
        this.clock = clock;
        this.metrics = metrics;
        this.observations = observations;
    }

    /** The lanes (receiver and case) whose oldest undelivered message waits out a backoff at {@code now}. */
    private Set<String> lanesBackingOff(Instant now) {
        Query backingOff = Query.query(Criteria.where("status")
                .is(OutboxStatus.PENDING.name())
                .and("nextAttemptAt")
                .gt(now));
        backingOff.fields().include("destination", "caseId");
        Set<String> lanes = new HashSet<>();
        for (org.bson.Document message : mongo.find(backingOff, org.bson.Document.class, OutboxMessage.COLLECTION)) {
            lanes.add(message.getString("destination") + "/" + message.getString("caseId"));
        }
        return lanes;
    }

    public synchronized Pass runOnce() {
        if (!lease.acquire(clock.instant())) {
            return new Pass(false, 0, 0, 0, 0);
        }
        collector.collect(settings.batch());
        Instant start = clock.instant();
        // A batch is a number of messages tried, not read: messages waiting out a backoff, and those queued
        // behind them in their case's lane (which must wait, so order holds), are passed over without taking
        // a place. Otherwise a batch's worth of them (a receiver down for a while) would starve every newer
        // message to other receivers and cases.
        Query pending = Query.query(Criteria.where("status")
                        .is(OutboxStatus.PENDING.name())
                        .and("nextAttemptAt")
                        .lte(start))
                .with(Sort.by("createdAt", "sequence", "_id"));
        Set<String> blocked = lanesBackingOff(start);
        Set<String> waiting = new HashSet<>();
        int delivered = 0;
        int failed = 0;
        int withheld = 0;
        int rejected = 0;
        int tried = 0;
        try (Stream<OutboxMessage> due = mongo.stream(pending, OutboxMessage.class)) {
            for (OutboxMessage message : (Iterable<OutboxMessage>) due::iterator) {
                if (tried >= settings.batch()) {
                    break;
                }
                String lane = message.destination() + "/" + message.caseId();
                Instant now = clock.instant();
                if (blocked.contains(lane)
                        || waiting.contains(message.destination())
                        || message.nextAttemptAt().isAfter(now)) {
                    blocked.add(lane);
                    continue;
                }
                if (!lease.acquire(now)) {
                    break; // paused past the lease and another replica took over: stop at once
                }
                tried++;
                Optional<String> withhold = policies.stream()
                        .map(policy -> policy.withholdReason(message))
                        .flatMap(Optional::stream)
                        .findFirst();
                if (withhold.isPresent()) {
                    close(message, OutboxStatus.WITHHELD, withhold.get());
                    withheld++;
                    continue;
                }
                Optional<OutboxDelivery> delivery = deliveries.stream()
                        .filter(d -> d.destination().equals(message.destination()) && d.handles(message.type()))
                        .findFirst();
                if (delivery.isEmpty()) {
                    retryLater(message, "no delivery for " + message.type() + " to " + message.destination());
                    blocked.add(lane);
                    failed++;
                    continue;
                }
                MDC.put(CorrelationIdFilter.MDC_KEY, "outbox-" + message.id());
                try {
                    // inside a span continuing the trace that wrote the message (OutboxTrace)
                    OutboxTrace.delivery(message, observations)
                            .observeChecked(() -> delivery.get().deliver(message));
                    close(message, OutboxStatus.DELIVERED, null);
                    delivered++;
                } catch (CallRejectedException e) {
                    try {
                        tellSender(message, e.reason());
                    } catch (RuntimeException handlerFailed) {
                        // the refusal's consequence is not recorded yet: keep the message, and be refused again later
                        retryLater(
                                message,
                                "refused by " + message.destination() + ", and the sender's handling of it"
                                        + " failed: " + handlerFailed.getClass().getSimpleName());
                        blocked.add(lane);
                        failed++;
                        continue;
                    }
                    log.error(
                            "outbox message {} ({}) refused by {}: {}; kept as REJECTED",
                            message.id(),
                            message.type(),
                            message.destination(),
                            e.getMessage());
                    close(message, OutboxStatus.REJECTED, e.getMessage());
                    rejected++;
                } catch (CircuitOpenException e) {
                    waiting.add(message.destination());
                    blocked.add(lane);
                } catch (Exception e) {
                    retryLater(message, describe(e));
                    blocked.add(lane);
                    failed++;
                } finally {
                    MDC.remove(CorrelationIdFilter.MDC_KEY);
                }
            }
        }
        metrics.counted(delivered, failed, withheld, rejected);
        return new Pass(true, delivered, failed, withheld, rejected);
    }

    /**
     * Asks every {@link RefusalHandler} to record what the refusal means for the sender, as the service's
     * own account (the relay has no person behind it, and what the handlers write is audited).
     */
    private void tellSender(OutboxMessage message, String reason) {
        if (refusals.isEmpty()) {
            return;
        }
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext asService = SecurityContextHolder.createEmptyContext();
        asService.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "service-account-" + serviceAccount,
                null,
                List.of(new SimpleGrantedAuthority("ROLE_" + serviceAccount))));
        SecurityContextHolder.setContext(asService);
        try {
            refusals.forEach(handler -> handler.refused(message, reason));
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    /** Lets another replica take over at once. */
    void release() {
        lease.release();
    }

    /** Final: the payload is erased, so facts passed through this service (partner details) are not kept here. */
    private void close(OutboxMessage message, OutboxStatus status, String reason) {
        mongo.updateFirst(
                stillPending(message),
                new Update()
                        .set("status", status.name())
                        .set("closedAt", clock.instant())
                        .set("closedReason", reason)
                        .unset("payload"),
                OutboxMessage.class);
    }

    private void retryLater(OutboxMessage message, String error) {
        int attempts = message.attempts() + 1;
        Duration backoff = settings.firstBackoff().multipliedBy(1L << Math.min(attempts - 1, 20));
        if (backoff.compareTo(settings.maxBackoff()) > 0) {
            backoff = settings.maxBackoff();
        }
        mongo.updateFirst(
                stillPending(message),
                new Update()
                        .set("attempts", attempts)
                        .set("nextAttemptAt", clock.instant().plus(backoff))
                        .set("lastError", error),
                OutboxMessage.class);
        log.warn(
                "outbox message {} ({}) to {} not delivered (attempt {}): {}; next try in {}",
                message.id(),
                message.type(),
                message.destination(),
                attempts,
                error,
                backoff);
    }

    private static Query stillPending(OutboxMessage message) {
        return Query.query(Criteria.where("_id").is(message.id()).and("status").is(OutboxStatus.PENDING.name()));
    }

    /** The failure's kind only: exception messages can quote a response body. */
    private static String describe(Exception e) {
        return e instanceof uk.dapp.platform.calls.ServiceCalls.CallFailedException
                ? e.getMessage()
                : e.getClass().getSimpleName();
    }
}
