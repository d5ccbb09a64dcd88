package uk.dapp.riskmatrix.routing;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;
import uk.dapp.platform.outbox.MessageReceipts;
import uk.dapp.platform.outbox.OutboxEntry;
import uk.dapp.platform.status.StatusChange;
import uk.dapp.riskmatrix.values.DisruptionTask;
import uk.dapp.riskmatrix.values.Pathway;
import uk.dapp.riskmatrix.values.Recommendation;
import uk.dapp.riskmatrix.values.RecordedFacts;
import uk.dapp.riskmatrix.values.Route;
import uk.dapp.riskmatrix.values.RoutingStatus;

/**
 * A nominal's routing: the facts recorded, the recommendation they give, the decision and its
 * append-only history (who, when, why), and the catch-and-convict tasks. One document per case,
 * saved with optimistic locking.
 * <p>
 * It also carries the messages its changes cause ({@code outbox}: an ENGAGE decision's programme
 * referrals, written in the same save as the decision and moved out by the outbox collector, with
 * {@code outboxSequence} counting every entry it ever wrote) and the IDs of the case events that
 * changed it ({@code receivedMessages}, see {@link MessageReceipts}). All are fields of this record,
 * so a whole-document save keeps them.
 */
@Document(Routing.COLLECTION)
public record Routing(
        @Id String caseId,
        RoutingStatus status,
        RecordedFacts facts,
        Recommendation recommendation,
        Route decidedRoute,
        List<Pathway> decidedPathways,
        boolean overridesRecommendation,
        Instant decidedAt,
        Instant firstDecidedAt,
        List<StatusChange> history,
        List<DisruptionTask> tasks,
        List<OutboxEntry> outbox,
        long outboxSequence,
        List<String> receivedMessages,
        @Version Long version) {

    public static final String COLLECTION = "routings";

    public Routing {
        // documents written before the outbox existed have neither list
        outbox = outbox == null ? List.of() : outbox;
        receivedMessages = receivedMessages == null ? List.of() : receivedMessages;
    }

    public static Routing fresh(String caseId) {
        return new Routing(
                caseId,
                RoutingStatus.AWAITING_DECISION,
                null,
                null,
                null,
                List.of(),
                false,
                null,
                null,
                List.of(),
                List.of(),
                List.of(),
                0,
                List.of(),
                null);
    }

    public Routing withRecommendation(Recommendation newRecommendation) {
        return withFacts(facts, newRecommendation);
    }

    public Routing withFacts(RecordedFacts newFacts, Recommendation newRecommendation) {
        return new Routing(
                caseId,
                status,
                newFacts,
                newRecommendation,
                decidedRoute,
                decidedPathways,
                overridesRecommendation,
                decidedAt,
                firstDecidedAt,
                history,
                tasks,
                outbox,
                outboxSequence,
                receivedMessages,
                version);
    }

    /** The decision, with the messages it causes appended to those not yet moved out. */
    public Routing decided(
            RoutingStatus to,
            Route route,
            List<Pathway> pathways,
            boolean overrides,
            Instant at,
            List<StatusChange> newHistory,
            List<DisruptionTask> newTasks,
            List<EngageReferral> caused) {
        List<OutboxEntry> newOutbox = new java.util.ArrayList<>(outbox);
        long sequence = outboxSequence;
        for (EngageReferral referral : caused) {
            newOutbox.add(EngageReferral.TYPE.entry(referral, at, sequence++));
        }
        return new Routing(
                caseId,
                to,
                facts,
                recommendation,
                route,
                pathways,
                overrides,
                at,
                firstDecidedAt == null ? at : firstDecidedAt,
                newHistory,
                newTasks,
                List.copyOf(newOutbox),
                sequence,
                receivedMessages,
                version);
    }

    public Routing moved(RoutingStatus to, List<StatusChange> newHistory) {
        return new Routing(
                caseId,
                to,
                facts,
                recommendation,
                decidedRoute,
                decidedPathways,
                overridesRecommendation,
                decidedAt,
                firstDecidedAt,
                newHistory,
                tasks,
                outbox,
                outboxSequence,
                receivedMessages,
                version);
    }

    public Routing withTasks(List<DisruptionTask> newTasks) {
        return new Routing(
                caseId,
                status,
                facts,
                recommendation,
                decidedRoute,
                decidedPathways,
                overridesRecommendation,
                decidedAt,
                firstDecidedAt,
                history,
                newTasks,
                outbox,
                outboxSequence,
                receivedMessages,
                version);
    }
}
