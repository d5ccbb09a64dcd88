package uk.dapp.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import uk.dapp.platform.calls.CallRejectedException;
import uk.dapp.platform.calls.CircuitOpenException;
import uk.dapp.platform.store.EmbeddedMongoStore;
import uk.dapp.platform.testsupport.MovableClock;

/** The relay against the embedded store: order, retries, final states, and two relays on one database. */
class OutboxRelayTest {

    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
    private static final OutboxRelay.Settings SETTINGS =
            new OutboxRelay.Settings(10, Duration.ofSeconds(1), Duration.ofSeconds(30));

    private static Path folder;
    private static EmbeddedMongoStore store;
    private static MongoClient client;
    private static MongoTemplate mongo;

    private final MovableClock clock = new MovableClock(T0);
    private final RecordingDelivery receiver = new RecordingDelivery();

    @BeforeAll
    static void startStore() throws Exception {
        folder = Files.createTempDirectory("outbox-relay-test");
        store = new EmbeddedMongoStore(folder, 0);
        client = MongoClients.create(store.connectionString("outbox"));
        mongo = new MongoTemplate(client, "outbox");
    }

    @AfterAll
    static void stopStore() throws Exception {
        client.close();
        store.close();
    }

    @BeforeEach
    void empty() {
        for (String collection : List.of(OutboxMessage.COLLECTION, RelayLease.COLLECTION, "referrals")) {
            mongo.remove(new Query(), collection);
        }
    }

    @Test
    void entriesWrittenWithAChangeAreMovedOnceAndDeliveredOnce() {
        Document referral = new Document("_id", "r1").append("status", "EXITED");
        OutboxEntry entry = entry("CASE-A", 0, T0);
        referral.append(OutboxEntry.FIELD, List.of(toDocument(entry)));
        mongo.insert(referral, "referrals");

        OutboxRelay relay = relay("one", List.of());
        assertThat(relay.runOnce().delivered()).isEqualTo(1);
        assertThat(mongo.findById("r1", Document.class, "referrals").getList(OutboxEntry.FIELD, Document.class))
                .isEmpty();

        // a stale save of the referral puts the entry back: moved again, refused as a duplicate, not resent
        mongo.getCollection("referrals")
                .updateOne(
                        new Document("_id", "r1"),
                        new Document("$set", new Document(OutboxEntry.FIELD, List.of(toDocument(entry)))));
        assertThat(relay.runOnce().delivered()).isZero();
        assertThat(receiver.received).containsExactly(entry.messageId());
        assertThat(status(entry.messageId())).isEqualTo(OutboxStatus.DELIVERED);
        // delivered: the facts it carried are not kept here
        assertThat(mongo.findById(entry.messageId(), OutboxMessage.class).payload())
                .isNull();
    }

    @Test
    void anUnreadableEntryIsLeftInPlaceAndDoesNotStopTheOthers() {
        OutboxEntry good = entry("CASE-A", 0, T0);
        mongo.insert(
                new Document("_id", "r1")
                        .append(
                                OutboxEntry.FIELD,
                                List.of(
                                        new Document("messageId", "old-shape").append("destination", "PARTNER_SUPPORT"),
                                        toDocument(good))),
                "referrals");
        assertThat(relay("one", List.of()).runOnce().delivered()).isEqualTo(1);
        assertThat(receiver.received).containsExactly(good.messageId());
        assertThat(mongo.findById("r1", Document.class, "referrals").getList(OutboxEntry.FIELD, Document.class))
                .singleElement()
                .satisfies(left -> assertThat(left.get("messageId")).isEqualTo("old-shape"));
    }

    @Test
    void aFailureHoldsBackTheLaterMessagesOfThatCaseOnlyAndIsRetriedWithBackoff() {
        OutboxEntry first = store(entry("CASE-A", 0, T0));
        OutboxEntry second = store(entry("CASE-A", 1, T0));
        OutboxEntry other = store(entry("CASE-B", 0, T0));
        receiver.failWhen = id -> id.equals(first.messageId());

        OutboxRelay relay = relay("one", List.of());
        OutboxRelay.Pass pass = relay.runOnce();
        assertThat(pass.failed()).isEqualTo(1);
        assertThat(receiver.received).containsExactly(other.messageId());
        OutboxMessage waiting = mongo.findById(first.messageId(), OutboxMessage.class);
        assertThat(waiting.attempts()).isEqualTo(1);
        assertThat(waiting.nextAttemptAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(waiting.lastError()).isEqualTo("IllegalStateException");

        receiver.failWhen = id -> false;
        relay.runOnce(); // not yet due: the case stays held back
        assertThat(receiver.received).containsExactly(other.messageId());

        clock.advance(Duration.ofSeconds(1));
        relay.runOnce();
        assertThat(receiver.received).containsExactly(other.messageId(), first.messageId(), second.messageId());
    }

    @Test
    void aBatchOfMessagesWaitingOutTheirBackoffDoesNotStarveNewerMessagesOfOtherCases() {
        List<String> failing = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) { // a whole batch (SETTINGS: 10) for a receiver that keeps failing
            failing.add(store(entry("CASE-DOWN-" + i, 0, T0)).messageId());
        }
        receiver.failWhen = failing::contains;
        OutboxRelay relay = relay("one", List.of());
        assertThat(relay.runOnce().failed()).isEqualTo(10);

        OutboxEntry later = store(entry("CASE-NEW", 0, T0.plusMillis(1)));
        clock.advance(Duration.ofMillis(1));
        relay.runOnce(); // the ten wait out their backoff: they must not take the batch's places
        assertThat(receiver.received).containsExactly(later.messageId());
    }

    @Test
    void messagesQueuedBehindABackoffInTheirCaseDoNotTakeTheBatchsPlacesEither() {
        OutboxEntry head = store(entry("CASE-HELD", 0, T0));
        for (int i = 1; i <= 10; i++) { // a batch's worth queued behind it, due but held for order
            store(entry("CASE-HELD", i, T0));
        }
        receiver.failWhen = id -> id.equals(head.messageId());
        OutboxRelay relay = relay("one", List.of());
        relay.runOnce();
        OutboxEntry later = store(entry("CASE-OTHER", 0, T0.plusMillis(1)));
        clock.advance(Duration.ofMillis(1));

        relay.runOnce();
        assertThat(receiver.received).containsExactly(later.messageId());
    }

    @Test
    void entriesOfOneDocumentWrittenInTheSameMillisecondLeaveInTheOrderWritten() {
        // the later entry has the smaller ID and is stored first: only its sequence puts it second
        OutboxEntry second = store(entry("a-second", "CASE-A", 7, T0));
        OutboxEntry first = store(entry("z-first", "CASE-A", 6, T0));

        relay("one", List.of()).runOnce();

        assertThat(receiver.received).containsExactly(first.messageId(), second.messageId());
    }

    @Test
    void outboxRecordsNeverShowTheirPayload() {
        OutboxEntry entry = new OutboxEntry(
                "m1",
                Destinations.PARTNER_SUPPORT,
                "partner-referral.v1",
                "CASE-A",
                Map.of("name", "Fakeley Mockington", "phone", "07700 900123"),
                T0,
                0,
                null);
        assertThat(entry.toString()).contains("m1", "partner-referral.v1").doesNotContain("Fakeley", "07700");
        assertThat(OutboxMessage.pending(entry).toString()).contains("m1").doesNotContain("Fakeley", "07700");
    }

    @Test
    void backoffDoublesUpToItsCeiling() {
        OutboxEntry entry = store(entry("CASE-A", 0, T0));
        receiver.failWhen = id -> true;
        OutboxRelay relay = relay("one", List.of());
        List<Duration> waits = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            relay.runOnce();
            Instant next =
                    mongo.findById(entry.messageId(), OutboxMessage.class).nextAttemptAt();
            waits.add(Duration.between(clock.instant(), next));
            clock.set(next);
        }
        assertThat(waits).extracting(Duration::toSeconds).containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L);
    }

    @Test
    void aRefusedMessageIsKeptAsRejectedAndDoesNotHoldUpTheCase() {
        OutboxEntry bad = store(entry("CASE-A", 0, T0));
        OutboxEntry next = store(entry("CASE-A", 1, T0));
        receiver.rejectWhen = id -> id.equals(bad.messageId());
        OutboxRelay.Pass pass = relay("one", List.of()).runOnce();
        assertThat(pass.rejected()).isEqualTo(1);
        assertThat(status(bad.messageId())).isEqualTo(OutboxStatus.REJECTED);
        assertThat(receiver.received).containsExactly(next.messageId());
    }

    @Test
    void theSenderLearnsOfARefusalBeforeTheMessageIsClosed_asItsOwnServiceAccount_andAFailedHandlingKeepsTheMessage() {
        OutboxEntry refused = store(entry("CASE-A", 0, T0));
        receiver.rejectWhen = id -> id.equals(refused.messageId());
        List<String> told = new CopyOnWriteArrayList<>();
        AtomicInteger failuresLeft = new AtomicInteger(1);
        RefusalHandler sender = (message, reason) -> {
            assertThat(message.payload()).as("the payload is still there").containsEntry("n", 0);
            assertThat(org.springframework.security.core.context.SecurityContextHolder.getContext()
                            .getAuthentication()
                            .getName())
                    .isEqualTo("service-account-svc-test");
            if (failuresLeft.getAndDecrement() > 0) {
                throw new IllegalStateException("store busy");
            }
            told.add(message.id() + ": " + reason);
        };
        OutboxRelay relay = relay("one", List.of(), List.of(sender), clock, Duration.ofSeconds(30));
        OutboxRelay.Pass first = relay.runOnce();
        assertThat(first.rejected()).isZero();
        assertThat(status(refused.messageId()))
                .as("kept until the sender has recorded the refusal")
                .isEqualTo(OutboxStatus.PENDING);
        clock.advance(Duration.ofSeconds(2));
        assertThat(relay.runOnce().rejected()).isEqualTo(1);
        assertThat(told).containsExactly(refused.messageId() + ": riskLevel (Eligibility): not taken");
        OutboxMessage closed = mongo.findById(refused.messageId(), OutboxMessage.class);
        assertThat(closed.status()).isEqualTo(OutboxStatus.REJECTED);
        assertThat(closed.closedReason())
                .as("what the receiver said goes to the sender's handler only, never the logs")
                .contains("HTTP 400")
                .doesNotContain("not taken");
        assertThat(org.springframework.security.core.context.SecurityContextHolder.getContext()
                        .getAuthentication())
                .isNull();
    }

    @Test
    void aPolicyCanWithholdAMessageAtTheLastMoment() {
        OutboxEntry withheld = store(entry("CASE-A", 0, T0));
        DeliveryPolicy consentWithdrawn = message ->
                message.id().equals(withheld.messageId()) ? Optional.of("sharing consent withdrawn") : Optional.empty();
        OutboxRelay.Pass pass = relay("one", List.of(consentWithdrawn)).runOnce();
        assertThat(pass.withheld()).isEqualTo(1);
        assertThat(receiver.received).isEmpty();
        OutboxMessage kept = mongo.findById(withheld.messageId(), OutboxMessage.class);
        assertThat(kept.status()).isEqualTo(OutboxStatus.WITHHELD);
        assertThat(kept.closedReason()).isEqualTo("sharing consent withdrawn");
    }

    @Test
    void anOpenCircuitMakesTheRelayWaitForThatDestinationWithoutCountingAnAttempt() {
        OutboxEntry entry = store(entry("CASE-A", 0, T0));
        receiver.circuitOpen = true;
        relay("one", List.of()).runOnce();
        OutboxMessage waiting = mongo.findById(entry.messageId(), OutboxMessage.class);
        assertThat(waiting.status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(waiting.attempts()).isZero();
    }

    @Test
    void onlyTheLeaseHolderDeliversAndAnotherTakesOverWhenItsLeaseRunsOut() {
        store(entry("CASE-A", 0, T0));
        OutboxRelay first = relay("first", List.of());
        OutboxRelay second = relay("second", List.of());
        assertThat(first.runOnce().leader()).isTrue();
        assertThat(second.runOnce().leader()).isFalse();

        // the first replica is killed: nobody renews its lease
        store(entry("CASE-A", 1, T0));
        clock.advance(Duration.ofSeconds(29));
        assertThat(second.runOnce().leader()).isFalse();
        clock.advance(Duration.ofSeconds(2));
        OutboxRelay.Pass takeover = second.runOnce();
        assertThat(takeover.leader()).isTrue();
        assertThat(takeover.delivered()).isEqualTo(1);
        assertThat(receiver.received).hasSize(2).doesNotHaveDuplicates();
    }

    @Test
    void twoRelaysRacingOnOneDatabaseDeliverEachMessageOnceAndInOrderPerCase() throws Exception {
        Clock realTime = Clock.systemUTC();
        int cases = 20;
        int perCase = 10;
        List<OutboxEntry> written = new ArrayList<>();
        for (int n = 0; n < perCase; n++) {
            for (int c = 0; c < cases; c++) {
                written.add(store(entry("CASE-" + c, n, T0.plusMillis(n))));
            }
        }
        receiver.pause = Duration.ofMillis(2); // widens the window in which a second sender could slip in
        // both replicas poll all the time and hand the lease over after every pass, so leadership changes
        // hands hundreds of times in the run. (A replica stalled for longer than its lease, 30 s by default,
        // could repeat a delivery after a takeover; receivers are idempotent for that reason.)
        OutboxRelay first = relay("first", List.of(), realTime, Duration.ofSeconds(5));
        OutboxRelay second = relay("second", List.of(), realTime, Duration.ofSeconds(5));
        AtomicInteger passesLed = new AtomicInteger();
        List<Thread> replicas = new ArrayList<>();
        for (OutboxRelay relay : List.of(first, second)) {
            replicas.add(Thread.ofPlatform().start(() -> {
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (receiver.received.size() < written.size() && System.nanoTime() < deadline) {
                    if (relay.runOnce().leader()) {
                        passesLed.incrementAndGet();
                    }
                    relay.release();
                }
            }));
        }
        for (Thread replica : replicas) {
            replica.join();
        }
        assertThat(receiver.received).hasSameSizeAs(written).doesNotHaveDuplicates();
        assertThat(receiver.received)
                .containsExactlyInAnyOrderElementsOf(
                        written.stream().map(OutboxEntry::messageId).toList());
        for (int c = 0; c < cases; c++) {
            String caseId = "CASE-" + c;
            List<String> expected = written.stream()
                    .filter(e -> e.caseId().equals(caseId))
                    .map(OutboxEntry::messageId)
                    .toList();
            assertThat(receiver.received.stream().filter(expected::contains).toList())
                    .as(caseId)
                    .containsExactlyElementsOf(expected);
        }
        assertThat(passesLed.get()).isGreaterThan(2);
    }

    private OutboxRelay relay(String owner, List<DeliveryPolicy> policies) {
        return relay(owner, policies, clock, Duration.ofSeconds(30));
    }

    private OutboxRelay relay(String owner, List<DeliveryPolicy> policies, Clock relayClock, Duration lease) {
        return relay(owner, policies, List.of(), relayClock, lease);
    }

    private OutboxRelay relay(
            String owner,
            List<DeliveryPolicy> policies,
            List<RefusalHandler> refusals,
            Clock relayClock,
            Duration lease) {
        return new OutboxRelay(
                mongo,
                new OutboxCollector(mongo, List.of("referrals")),
                new RelayLease(mongo, owner, lease),
                List.of(receiver),
                policies,
                refusals,
                "svc-test",
                SETTINGS,
                relayClock,
                new OutboxMetrics(new io.micrometer.core.instrument.simple.SimpleMeterRegistry()),
                io.micrometer.observation.ObservationRegistry.NOOP);
    }

    private static OutboxEntry entry(String caseId, int sequence, Instant at) {
        return entry(java.util.UUID.randomUUID().toString(), caseId, sequence, at);
    }

    private static OutboxEntry entry(String messageId, String caseId, int sequence, Instant at) {
        return new OutboxEntry(
                messageId, Destinations.PROGRAMME, "test-event.v1", caseId, Map.of("n", sequence), at, sequence, null);
    }

    private static OutboxEntry store(OutboxEntry entry) {
        mongo.insert(OutboxMessage.pending(entry));
        return entry;
    }

    private static Document toDocument(OutboxEntry entry) {
        Document document = new Document();
        mongo.getConverter().write(entry, document);
        return document;
    }

    private static OutboxStatus status(String id) {
        return mongo.findById(id, OutboxMessage.class).status();
    }

    /** A receiver that records what it got, in order, and can be told to fail. */
    static final class RecordingDelivery implements OutboxDelivery {
        final List<String> received = Collections.synchronizedList(new CopyOnWriteArrayList<>());
        final Map<String, Integer> calls = new ConcurrentHashMap<>();
        volatile Predicate<String> failWhen = id -> false;
        volatile Predicate<String> rejectWhen = id -> false;
        volatile boolean circuitOpen;
        volatile Duration pause = Duration.ZERO;

        @Override
        public String destination() {
            return Destinations.PROGRAMME;
        }

        @Override
        public boolean handles(String type) {
            return type.equals("test-event.v1");
        }

        @Override
        public void deliver(OutboxMessage message) throws Exception {
            if (circuitOpen) {
                throw new CircuitOpenException(destination());
            }
            calls.merge(message.id(), 1, Integer::sum);
            if (failWhen.test(message.id())) {
                throw new IllegalStateException("receiver down");
            }
            if (rejectWhen.test(message.id())) {
                throw new CallRejectedException(destination(), 400, "riskLevel (Eligibility): not taken");
            }
            Thread.sleep(pause);
            received.add(message.id());
        }
    }
}
