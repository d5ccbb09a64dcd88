package uk.dapp.riskmatrix.routing;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;
import uk.dapp.platform.status.StatusChange;
import uk.dapp.riskmatrix.disruption.DisruptionTask;

/**
 * A nominal's routing: the facts recorded, the recommendation they give, the decision and its
 * append-only history (who, when, why), and the catch-and-convict tasks. One document per case,
 * saved with optimistic locking.
 */
@Document("routings")
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
        @Version Long version) {

    public static Routing fresh(String caseId) {
        return new Routing(caseId, RoutingStatus.AWAITING_DECISION, null, null, null, List.of(), false, null, null,
                List.of(), List.of(), null);
    }

    public Routing withFacts(RecordedFacts newFacts, Recommendation newRecommendation) {
        return new Routing(caseId, status, newFacts, newRecommendation, decidedRoute, decidedPathways,
                overridesRecommendation, decidedAt, firstDecidedAt, history, tasks, version);
    }

    public Routing decided(RoutingStatus to, Route route, List<Pathway> pathways, boolean overrides, Instant at,
            List<StatusChange> newHistory, List<DisruptionTask> newTasks) {
        return new Routing(caseId, to, facts, recommendation, route, pathways, overrides, at,
                firstDecidedAt == null ? at : firstDecidedAt, newHistory, newTasks, version);
    }

    public Routing moved(RoutingStatus to, List<StatusChange> newHistory) {
        return new Routing(caseId, to, facts, recommendation, decidedRoute, decidedPathways, overridesRecommendation,
                decidedAt, firstDecidedAt, newHistory, tasks, version);
    }

    public Routing withTasks(List<DisruptionTask> newTasks) {
        return new Routing(caseId, status, facts, recommendation, decidedRoute, decidedPathways,
                overridesRecommendation, decidedAt, firstDecidedAt, history, newTasks, version);
    }
}
