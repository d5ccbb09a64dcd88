package uk.dapp.riskmatrix.mywork;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import uk.dapp.platform.audit.AuditAction;
import uk.dapp.platform.audit.AuditWriter;
import uk.dapp.platform.security.CurrentUser;
import uk.dapp.platform.status.StatusChange;
import uk.dapp.riskmatrix.mywork.RiskMatrixWork.Awaiting;
import uk.dapp.riskmatrix.mywork.RiskMatrixWork.Changed;
import uk.dapp.riskmatrix.mywork.RiskMatrixWork.Reason;
import uk.dapp.riskmatrix.mywork.RiskMatrixWork.Section;
import uk.dapp.riskmatrix.mywork.RiskMatrixWork.Task;
import uk.dapp.riskmatrix.nominal.Nominal;
import uk.dapp.riskmatrix.nominal.NominalService;
import uk.dapp.riskmatrix.onward.OnwardReferralService;
import uk.dapp.riskmatrix.onward.OnwardReferralService.CaseReferral;
import uk.dapp.riskmatrix.routing.DisruptionTaskService;
import uk.dapp.riskmatrix.routing.Routing;
import uk.dapp.riskmatrix.routing.RoutingRepository;
import uk.dapp.riskmatrix.values.RoutingStatus;

/**
 * An offender manager's work (issue 16 item 5), in their areas only: nominals awaiting a routing
 * decision, their own disruption tasks due, the cohort's changes since they last looked, and their own
 * onward referrals whose follow-up is due (issue 15 item 6). Every
 * case served is audited, once per list, with the list's name as the query (ADR 0012).
 */
@Service
public class RiskMatrixWorkService {

    static final String RESOURCE = "my-work";
    /** Tasks due within this many days are listed beside the overdue ones. */
    static final int TASKS_AHEAD_DAYS = 7;
    /** A first visit sees the changes of this long before it. */
    static final Duration FIRST_VISIT = Duration.ofDays(7);

    private final MongoTemplate mongo;
    private final RoutingRepository routings;
    private final OnwardReferralService onwardReferrals;
    private final DisruptionTaskService disruptionTasks;
    private final AuditWriter audit;
    private final Clock clock;

    RiskMatrixWorkService(
            MongoTemplate mongo,
            RoutingRepository routings,
            OnwardReferralService onwardReferrals,
            DisruptionTaskService disruptionTasks,
            AuditWriter audit,
            Clock clock) {
        this.mongo = mongo;
        this.routings = routings;
        this.onwardReferrals = onwardReferrals;
        this.disruptionTasks = disruptionTasks;
        this.audit = audit;
        this.clock = clock;
    }

    public RiskMatrixWork work(int limit) {
        Instant now = clock.instant();
        String me = CurrentUser.get().username();
        Criteria mine = NominalService.scope().criteria("area");

        Query waiting = query(new Criteria()
                .andOperator(
                        mine,
                        new Criteria()
                                .orOperator(
                                        where("routingStatus")
                                                .in(
                                                        RoutingStatus.AWAITING_DECISION.name(),
                                                        RoutingStatus.AWAITING_REROUTING.name()),
                                        where("routingStatus").is(null))));
        NominalService.withoutDetail(waiting);
        List<Nominal> awaitingNominals = mongo.find(waiting, Nominal.class);
        Map<String, Routing> routingOf = new java.util.HashMap<>();
        routings.findAllById(awaitingNominals.stream().map(Nominal::caseId).toList())
                .forEach(r -> routingOf.put(r.caseId(), r));
        List<Awaiting> awaiting = awaitingNominals.stream()
                .map(n -> awaiting(n, routingOf.get(n.caseId())))
                .sorted(Comparator.comparing(Awaiting::since)
                        .thenComparing(a -> a.nominal().caseId()))
                .toList();

        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        List<Task> tasks = new ArrayList<>();
        for (DisruptionTaskService.CaseTasks routing : disruptionTasks.withOpenTasksInCallersAreas()) {
            routing.tasks().stream()
                    .filter(t ->
                            !t.done() && me.equals(t.owner()) && !t.dueDate().isAfter(today.plusDays(TASKS_AHEAD_DAYS)))
                    .forEach(t -> tasks.add(new Task(routing.caseId(), t)));
        }
        tasks.sort(Comparator.comparing((Task t) -> t.task().dueDate()).thenComparing(Task::caseId));

        Instant since = lastVisit(me).orElse(now.minus(FIRST_VISIT));
        Query changedSince = query(new Criteria()
                .andOperator(mine, where("scoreHistory.calculatedAt").gt(since)));
        // only what a change and its line show: the score history, not the score's explanation or the incidents
        changedSince.fields().include("givenName", "familyName", "area", "scoreHistory");
        List<Changed> changes = mongo.find(changedSince, Nominal.class).stream()
                .flatMap(n ->
                        CohortChangeRules.since(n.scoreHistoryOrEmpty(), since).map(c -> new Changed(n, c)).stream())
                .sorted(Comparator.comparing((Changed c) -> c.change().changedAt())
                        .reversed()
                        .thenComparing(c -> c.nominal().caseId()))
                .toList();

        List<CaseReferral> followUps =
                onwardReferrals.followUpsOf(me, today.plusDays(OnwardReferralService.FOLLOW_UPS_AHEAD_DAYS));

        Section<Awaiting> awaitingSection = section(awaiting, a -> false, limit);
        Section<Task> taskSection = section(tasks, t -> t.task().overdue(today), limit);
        Section<Changed> changeSection = section(changes, c -> false, limit);
        Section<CaseReferral> followUpSection =
                section(followUps, c -> c.referral().overdue(today), limit);
        // the four lists in one batch of audit records (one per case and list, each with its list's name)
        Map<String, List<String>> shown = new LinkedHashMap<>();
        shown.put(
                "awaitingDecision",
                awaitingSection.items().stream().map(a -> a.nominal().caseId()).toList());
        shown.put(
                "disruptionTasks",
                taskSection.items().stream().map(Task::caseId).toList());
        shown.put(
                "cohortChanges",
                changeSection.items().stream().map(c -> c.nominal().caseId()).toList());
        shown.put(
                "onwardReferrals",
                followUpSection.items().stream().map(CaseReferral::caseId).toList());
        audit.recordLists(AuditAction.SEARCH, RESOURCE, shown);
        return new RiskMatrixWork(now, awaitingSection, taskSection, since, changeSection, followUpSection);
    }

    /** Keeps the later of what was kept and {@code seenUpTo}, never later than now; answers what is kept. */
    public Instant markSeen(Instant seenUpTo) {
        Instant now = clock.instant();
        Instant kept = seenUpTo.isAfter(now) ? now : seenUpTo;
        LastVisit stored = mongo.findAndModify(
                query(where("_id").is(CurrentUser.get().username())),
                new Update().max("seenUpTo", kept),
                FindAndModifyOptions.options().upsert(true).returnNew(true),
                LastVisit.class);
        return stored.seenUpTo();
    }

    private Optional<Instant> lastVisit(String username) {
        return Optional.ofNullable(mongo.findById(username, LastVisit.class)).map(LastVisit::seenUpTo);
    }

    private static Awaiting awaiting(Nominal nominal, Routing routing) {
        List<StatusChange> history = routing == null ? List.of() : routing.history();
        if (history.isEmpty()) {
            return new Awaiting(nominal, Reason.NEW, null, nominal.createdAt());
        }
        StatusChange last = history.get(history.size() - 1);
        Reason reason = routing.status() == RoutingStatus.AWAITING_REROUTING ? Reason.REROUTING : Reason.RETURNED;
        return new Awaiting(nominal, reason, last.reason(), last.at());
    }

    private static <T> Section<T> section(List<T> all, Predicate<T> overdue, int limit) {
        return new Section<>(
                all.size(),
                (int) all.stream().filter(overdue).count(),
                all.stream().limit(limit).toList());
    }
}
