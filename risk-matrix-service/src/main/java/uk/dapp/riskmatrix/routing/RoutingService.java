package uk.dapp.riskmatrix.routing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import uk.dapp.platform.audit.AuditAction;
import uk.dapp.platform.audit.AuditWriter;
import uk.dapp.platform.caseid.CaseId;
import uk.dapp.platform.outbox.MessageReceipts;
import uk.dapp.platform.problem.ConflictException;
import uk.dapp.platform.problem.RuleViolationException;
import uk.dapp.platform.risk.RiskLevel;
import uk.dapp.platform.security.CurrentUser;
import uk.dapp.platform.team.TakingTeam;
import uk.dapp.platform.status.StatusChange;
import uk.dapp.platform.status.StatusMachine;
import uk.dapp.riskmatrix.nominal.Nominal;
import uk.dapp.riskmatrix.nominal.NominalService;
import uk.dapp.riskmatrix.referencedata.ReferenceDataService;
import uk.dapp.riskmatrix.values.DisruptionTask;
import uk.dapp.riskmatrix.values.DisruptionTaskKind;
import uk.dapp.riskmatrix.values.Pathway;
import uk.dapp.riskmatrix.values.Recommendation;
import uk.dapp.riskmatrix.values.RecordedFacts;
import uk.dapp.riskmatrix.values.Route;
import uk.dapp.riskmatrix.values.RoutingStatus;
import uk.dapp.riskmatrix.values.SuitabilityFacts;

/**
 * Suitability facts, the recommendation, the offender manager's decision and re-routing. Every
 * change is one optimistic write of the routing document (a concurrent change answers 409),
 * followed by copying the status onto the nominal for the cohort filter (through {@link NominalService}:
 * the routing side never writes the nominal document itself). An ENGAGE decision with a
 * programme pathway writes its referral messages to programme-service into the same save
 * ({@link EngageReferral}); programme exits for non-compliance arrive through
 * {@link #applyProgrammeExit}.
 */
@Service
public class RoutingService {

    static final String RESOURCE = "routing";

    public enum RerouteKind { ENGAGEMENT_FAILED, AGREES_TO_ENGAGE }

    /** What a programme exit did to the routing. */
    public enum ExitOutcome { REROUTED, ALREADY_APPLIED, NO_CHANGE }

    /** The facts of a programme exit that matter here. */
    public record ProgrammeExit(String programmeCode, String exitStatus, boolean nonCompliance, Instant exitedAt) {
    }

    private final RoutingRepository routings;
    private final NominalService nominals;
    private final ReferenceDataService referenceData;
    private final MongoTemplate mongo;
    private final MessageReceipts receipts;
    private final AuditWriter audit;
    private final Clock clock;

    RoutingService(RoutingRepository routings, NominalService nominals, ReferenceDataService referenceData,
            MongoTemplate mongo, MessageReceipts receipts, AuditWriter audit, Clock clock) {
        this.routings = routings;
        this.nominals = nominals;
        this.referenceData = referenceData;
        this.mongo = mongo;
        this.receipts = receipts;
        this.audit = audit;
        this.clock = clock;
    }

    public Routing read(CaseId caseId) {
        Routing routing = load(caseId);
        audit.record(AuditAction.READ, routing.caseId(), RESOURCE, routing.caseId());
        return routing;
    }

    /** The routing of a nominal that exists; a fresh one (awaiting a decision) until something is recorded. Unaudited. */
    public Routing load(CaseId caseId) {
        Nominal nominal = nominals.loadSummary(caseId);
        return routings.findById(nominal.caseId()).orElseGet(() -> Routing.fresh(nominal.caseId()));
    }

    public Routing recordFacts(CaseId caseId, SuitabilityFacts facts) {
        Nominal nominal = nominals.loadSummary(caseId);
        Routing routing = routings.findById(nominal.caseId()).orElseGet(() -> Routing.fresh(nominal.caseId()));
        boolean serial = nominal.score() != null && nominal.score().serial();
        int harm = nominal.score() == null ? 0 : nominal.score().harmDays();
        Recommendation recommendation = RoutingAdvisor.recommend(facts, serial, harm);
        Routing saved = routings.save(routing.withFacts(
                new RecordedFacts(facts, CurrentUser.get().username(), clock.instant()), recommendation));
        audit.record(AuditAction.UPDATE, saved.caseId(), RESOURCE, saved.caseId());
        return saved;
    }

    /**
     * Records the decision. A decision other than the recommendation (another route, or other
     * pathways) needs a reason; a catch-and-convict decision opens the review tasks not already open.
     */
    public Routing decide(CaseId caseId, Route route, List<Pathway> pathways, String reason, String team) {
        if (route == Route.CATCH_AND_CONVICT && !pathways.isEmpty()) {
            throw new RuleViolationException("pathways", "EmptyForCatchAndConvict",
                    "a catch-and-convict decision has no support pathways");
        }
        Routing routing = load(caseId);
        RoutingStatus to = RoutingMachine.MACHINE.next(routing.status(), RoutingMachine.decisionMove(route),
                StatusMachine.Actor.PERSON);
        Recommendation recommendation = routing.recommendation();
        if (routing.facts() == null || recommendation == null) {
            throw new ConflictException("Record the suitability facts before deciding",
                    Map.of("currentStatus", routing.status().name()));
        }
        List<Pathway> chosen = pathways;
        if (route == Route.ENGAGE && chosen.isEmpty()) {
            if (recommendation.route() != Route.ENGAGE) {
                throw new RuleViolationException("pathways", "NotEmpty",
                        "an ENGAGE decision needs at least one pathway");
            }
            chosen = recommendation.pathways();
        }
        boolean overrides = route != recommendation.route()
                || !new HashSet<>(chosen).equals(new HashSet<>(recommendation.pathways()));
        boolean hasReason = reason != null && !reason.isBlank();
        if (overrides && !hasReason) {
            throw new RuleViolationException("reason", "OverrideReason",
                    "the decision differs from the recommendation (" + recommendation.route() + " "
                            + recommendation.pathways() + "): give a reason");
        }
        Instant now = clock.instant();
        String username = CurrentUser.get().username();
        String why = hasReason ? reason.strip() : "as recommended: " + String.join("; ", recommendation.reasons());
        List<StatusChange> history = new ArrayList<>(routing.history());
        history.add(new StatusChange(routing.status().name(), to.name(), RoutingMachine.decisionMove(route), username,
                now, why));
        List<DisruptionTask> tasks = new ArrayList<>(routing.tasks());
        if (route == Route.CATCH_AND_CONVICT) {
            Set<DisruptionTaskKind> open = EnumSet.noneOf(DisruptionTaskKind.class);
            tasks.stream().filter(t -> !t.done()).forEach(t -> open.add(t.kind()));
            LocalDate today = LocalDate.now(clock);
            for (DisruptionTaskKind kind : DisruptionTaskKind.values()) {
                if (!open.contains(kind)) {
                    tasks.add(new DisruptionTask(UUID.randomUUID().toString(), kind, username,
                            today.plusDays(kind.daysToComplete()), false, null, now));
                }
            }
        }
        List<EngageReferral> referrals = List.of();
        if (EngageReferral.anyProgramme(route, chosen)) {
            // the referral messages go in the same save as the decision: one write, nothing lost between them
            Nominal full = nominals.load(caseId);
            RiskLevel riskLevel = ReferralRiskLevel.of(full.incidentsOrEmpty(), LocalDate.now(clock),
                    referenceData.current().windowMonths());
            String takingTeam = TakingTeam.choose(CurrentUser.get(), team, "team");
            EngageReferral.Person person = new EngageReferral.Person(full.givenName(), full.familyName(),
                    full.dateOfBirth(), full.sex(), full.probationId());
            referrals = EngageReferral.of(routing.caseId(), route, chosen, riskLevel, person, takingTeam, now);
        }
        Routing saved = routings.save(routing.decided(to, route, List.copyOf(chosen), overrides, now, history, tasks,
                referrals));
        copyStatus(saved);
        audit.record(AuditAction.UPDATE, saved.caseId(), RESOURCE, saved.caseId(), overrides ? why : null);
        return saved;
    }

    /** Returns a decided nominal for a new decision; the reason is kept in the history. */
    public Routing reroute(CaseId caseId, RerouteKind kind, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new RuleViolationException("reason", "NotBlank", "say why the nominal is re-routed");
        }
        Routing routing = load(caseId);
        String move = kind == RerouteKind.ENGAGEMENT_FAILED ? RoutingMachine.ENGAGEMENT_FAILED
                : RoutingMachine.AGREES_TO_ENGAGE;
        RoutingStatus to = RoutingMachine.MACHINE.next(routing.status(), move, StatusMachine.Actor.PERSON);
        List<StatusChange> history = new ArrayList<>(routing.history());
        history.add(new StatusChange(routing.status().name(), to.name(), move, CurrentUser.get().username(),
                clock.instant(), reason.strip()));
        Routing saved = routings.save(routing.moved(to, history));
        copyStatus(saved);
        audit.record(AuditAction.UPDATE, saved.caseId(), RESOURCE, saved.caseId(), reason.strip());
        return saved;
    }

    /**
     * A programme exit reported by programme-service, applied at most once per message ID. An exit
     * for non-compliance returns an ENGAGED nominal for a new decision (the system's
     * {@link RoutingMachine#PROGRAMME_EXIT} move, the counterpart of a person's engagement-failed);
     * the history names the programme, the exit status and its date, and the actor is the calling
     * service account. Any other exit, a nominal in any other status, or a case unknown here
     * changes nothing.
     * <p>
     * The status, the history entry and the message ID change together in ONE conditional update of
     * the routing document (status still ENGAGED, message not yet received: {@link MessageReceipts}), so a duplicate, a
     * concurrent duplicate or a crash and redelivery cannot apply it twice. The update also bumps
     * the version, so a person's save from an older read is refused rather than undoing it. It is
     * also conditional on the current engagement having been decided no later than the exit: an
     * exit redelivered late, after the nominal was re-routed and engaged again, is about the
     * earlier engagement and must not end the new one.
     * <p>
     * An exit that changes nothing is not written to the routing history: that history is the
     * status machine's log of moves (who moved it, from where, to where, why), and an entry that is
     * no move would blur it; the exit itself is programme-service's record, which the composed case
     * view shows. Nor is it audited, since nothing of the case is read or written.
     */
    public ExitOutcome applyProgrammeExit(CaseId caseId, String messageId, ProgrammeExit exit) {
        if (!exit.nonCompliance()) {
            return ExitOutcome.NO_CHANGE;
        }
        RoutingStatus from = RoutingStatus.ENGAGED;
        RoutingStatus to = RoutingMachine.MACHINE.next(from, RoutingMachine.PROGRAMME_EXIT,
                StatusMachine.Actor.SYSTEM);
        String reason = "programme exit for non-compliance: " + exit.programmeCode() + " " + exit.exitStatus()
                + " on " + LocalDate.ofInstant(exit.exitedAt(), clock.getZone());
        StatusChange change = new StatusChange(from.name(), to.name(), RoutingMachine.PROGRAMME_EXIT,
                CurrentUser.get().username(), clock.instant(), reason);
        Query stillEngaged = Query.query(Criteria.where("_id").is(caseId.value()).and("status").is(from)
                .and("decidedAt").lte(exit.exitedAt()));
        Update reroute = new Update().set("status", to).push("history", change).inc("version", 1);
        if (receipts.update(stillEngaged, reroute, Routing.class, messageId)) {
            nominals.routingStatusChanged(caseId.value(), to);
            audit.record(AuditAction.UPDATE, caseId.value(), RESOURCE, caseId.value(), reason);
            return ExitOutcome.REROUTED;
        }
        Query thisCase = Query.query(Criteria.where("_id").is(caseId.value()));
        if (receipts.received(thisCase, Routing.class, messageId)) {
            // applied before: copying the status again repairs the cohort's copy if a crash came between
            copyStatus(mongo.findOne(thisCase, Routing.class));
            return ExitOutcome.ALREADY_APPLIED;
        }
        return ExitOutcome.NO_CHANGE;
    }

    private void copyStatus(Routing routing) {
        nominals.routingStatusChanged(routing.caseId(), routing.status());
    }
}
