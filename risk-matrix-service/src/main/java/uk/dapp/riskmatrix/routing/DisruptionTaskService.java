package uk.dapp.riskmatrix.routing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import uk.dapp.platform.audit.AuditAction;
import uk.dapp.platform.audit.AuditWriter;
import uk.dapp.platform.caseid.CaseId;
import uk.dapp.platform.problem.NotFoundException;
import uk.dapp.riskmatrix.nominal.NominalService;
import uk.dapp.riskmatrix.values.DisruptionTask;

/** Disruption review tasks: the open list (overdue on request) and changes to one task. */
@Service
public class DisruptionTaskService {

    static final String RESOURCE = "disruption-task";

    public record CaseTask(String caseId, DisruptionTask task) {}

    private final RoutingRepository routings;
    private final NominalService nominals;
    private final MongoTemplate mongo;
    private final AuditWriter audit;
    private final Clock clock;

    DisruptionTaskService(
            RoutingRepository routings, NominalService nominals, MongoTemplate mongo, AuditWriter audit, Clock clock) {
        this.routings = routings;
        this.nominals = nominals;
        this.mongo = mongo;
        this.audit = audit;
        this.clock = clock;
    }

    /** A routing's tasks only, as {@link #withOpenTasksInCallersAreas} reads them. */
    public record CaseTasks(@Id String caseId, List<DisruptionTask> tasks) {}

    /**
     * The tasks of each nominal in the caller's areas that has an open one (only the routing's tasks
     * are read, not its history, recommendation or outbox); unaudited: the caller audits what it shows.
     */
    public List<CaseTasks> withOpenTasksInCallersAreas() {
        Query withOpenTasks = Query.query(Criteria.where("tasks.done").is(false));
        withOpenTasks.fields().include("tasks");
        List<CaseTasks> found = mongo.find(withOpenTasks, CaseTasks.class, Routing.COLLECTION);
        Set<String> inScope =
                nominals.inCallersAreas(found.stream().map(CaseTasks::caseId).toList());
        return found.stream().filter(r -> inScope.contains(r.caseId())).toList();
    }

    /** Open tasks of nominals in the caller's areas, soonest due first; audited once per case on the page. */
    public Page<CaseTask> open(boolean overdueOnly, String owner, int page, int size) {
        LocalDate today = LocalDate.now(clock);
        List<CaseTask> found = new ArrayList<>();
        for (CaseTasks routing : withOpenTasksInCallersAreas()) {
            for (DisruptionTask task : routing.tasks()) {
                if (!task.done()
                        && (!overdueOnly || task.overdue(today))
                        && (owner == null || owner.equals(task.owner()))) {
                    found.add(new CaseTask(routing.caseId(), task));
                }
            }
        }
        found.sort(Comparator.comparing((CaseTask t) -> t.task().dueDate())
                .thenComparing(CaseTask::caseId)
                .thenComparing(t -> t.task().kind()));
        int from = (int) Math.min((long) page * size, found.size());
        int to = Math.min(from + size, found.size());
        List<CaseTask> shown = found.subList(from, to);
        audit.recordList(
                AuditAction.SEARCH,
                RESOURCE,
                shown.stream().map(CaseTask::caseId).toList(),
                "overdueOnly=" + overdueOnly + (owner == null ? "" : "&owner=" + owner) + "&page=" + page + "&size="
                        + size);
        return new PageImpl<>(List.copyOf(shown), PageRequest.of(page, size), found.size());
    }

    public CaseTask update(CaseId caseId, String taskId, String owner, LocalDate dueDate, boolean done) {
        nominals.loadSummary(caseId); // outside the caller's areas: 404, audited
        Routing routing = routings.findById(caseId.value())
                .orElseThrow(
                        () -> new NotFoundException("No disruption task " + taskId + " on case " + caseId.value()));
        List<DisruptionTask> tasks = new ArrayList<>(routing.tasks());
        DisruptionTask changed = null;
        for (int i = 0; i < tasks.size(); i++) {
            DisruptionTask task = tasks.get(i);
            if (task.taskId().equals(taskId)) {
                changed = new DisruptionTask(
                        task.taskId(),
                        task.kind(),
                        owner.strip(),
                        dueDate,
                        done,
                        done ? (task.done() ? task.doneAt() : clock.instant()) : null,
                        task.createdAt());
                tasks.set(i, changed);
            }
        }
        if (changed == null) {
            throw new NotFoundException("No disruption task " + taskId + " on case " + caseId.value());
        }
        routings.save(routing.withTasks(tasks));
        audit.record(AuditAction.UPDATE, caseId.value(), RESOURCE, taskId);
        return new CaseTask(caseId.value(), changed);
    }
}
