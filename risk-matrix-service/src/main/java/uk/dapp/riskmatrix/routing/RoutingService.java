package uk.dapp.riskmatrix.routing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import uk.dapp.platform.audit.AuditAction;
import uk.dapp.platform.audit.AuditWriter;
import uk.dapp.platform.caseid.CaseId;
import uk.dapp.platform.notification.Notice;
import uk.dapp.platform.notification.NotificationKind;
import uk.dapp.platform.notification.Recipient;
import uk.dapp.platform.outbox.MessageReceipts;
import uk.dapp.platform.problem.ConflictException;
import uk.dapp.platform.problem.RuleViolationException;
import uk.dapp.platform.risk.RiskLevel;
import uk.dapp.platform.security.CurrentUser;
import uk.dapp.platform.security.Roles;
import uk.dapp.platform.status.StatusChange;
import uk.dapp.platform.status.StatusMachine;
import uk.dapp.platform.team.TakingTeam;
import uk.dapp.riskmatrix.eligibility.ProgrammeEligibilityService;
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
 * {@link #applyProgrammeExit}, assessments not suitable with the onward route back for disruption
 * through {@link #applyReturnForDisruption}, and refused referrals through {@link #applyReferralRefused}.
 */
@Service
public class RoutingService {

    static final String RESOURCE = "routing";

    public enum RerouteKind {
        ENGAGEMENT_FAILED,
        AGREES_TO_ENGAGE
    }

    /** What a programme exit did to the routing. */
    public enum ExitOutcome {
        REROUTED,
        ALREADY_APPLIED,
        NO_CHANGE
    }

    /** The facts of a programme exit that matter here. */
    public record ProgrammeExit(String programmeCode, String exitStatus, boolean nonCompliance, Instant exitedAt) {}

    private final RoutingRepository routings;
    private final NominalService nominals;
    private final ReferenceDataService referenceData;
    private final ProgrammeEligibilityService eligibility;
    private final MongoTemplate mongo;
    private final MessageReceipts receipts;
    private final AuditWriter audit;
    private final Clock clock;

    RoutingService(
            RoutingRepository routings,
            NominalService nominals,
            ReferenceDataService referenceData,
            ProgrammeEligibilityService eligibility,
            MongoTemplate mongo,
            MessageReceipts receipts,
            AuditWriter audit,
            Clock clock) {
        this.routings = routings;
        this.nominals = nominals;
        this.referenceData = referenceData;
        this.eligibility = eligibility;
        this.mongo = mongo;
        this.receipts = receipts;
        this.audit = audit;
        this.clock = clock;
    }

    /** The routing, its recommendation made again first if anything it was made from has changed. */
    public Routing read(CaseId caseId) {
        Routing routing = current(caseId);
        audit.record(AuditAction.READ, routing.caseId(), RESOURCE, routing.caseId());
        return routing;
    }

    /**
     * The routing with a recommendation that is not stale: when what it was made from (the facts, the
     * score, the nominal's sex and age, the risk level a referral would carry, who the programmes take)
     * is not what it was made from, it is made again and saved with the time. A concurrent change wins
     * the save; the advice made here is still the one answered. Unaudited: the caller audits.
     */
    Routing current(CaseId caseId) {
        Nominal nominal = nominals.load(caseId);
        Routing routing = routings.findById(nominal.caseId()).orElseGet(() -> Routing.fresh(nominal.caseId()));
        if (routing.facts() == null) {
            return routing;
        }
        Advice advice = advise(nominal, routing.facts().facts());
        if (routing.recommendation() != null
                && advice.basis().equals(routing.recommendation().basis())) {
            return routing;
        }
        Routing advised = routing.withRecommendation(advice.recommendation());
        try {
            return routings.save(advised);
        } catch (OptimisticLockingFailureException changedMeanwhile) {
            return advised;
        }
    }

    /** A recommendation and what it was made from. */
    private record Advice(Recommendation recommendation, String basis) {}

    private Advice advise(Nominal nominal, SuitabilityFacts facts) {
        boolean serial = nominal.score() != null && nominal.score().serial();
        int harm = nominal.score() == null ? 0 : nominal.score().harmDays();
        LocalDate today = LocalDate.now(clock);
        RiskLevel level = ReferralRiskLevel.of(
                nominal.incidentsOrEmpty(), today, referenceData.current().windowMonths());
        Integer age = nominal.dateOfBirth() == null
                ? null
                : Period.between(nominal.dateOfBirth(), today).getYears();
        ProgrammeEligibilityService.Catalogue catalogue = eligibility.catalogue();
        String basis =
                "score " + (nominal.score() == null ? "none" : nominal.score().calculatedAt()) + "; serial "
                        + serial + "; harm " + harm + "; sex " + nominal.sex() + "; age " + age + "; risk " + level
                        + "; programmes " + catalogue.basis() + "; facts " + facts;
        Recommendation recommendation = RoutingAdvisor.recommend(
                        facts,
                        serial,
                        harm,
                        new RoutingAdvisor.Person(nominal.sex(), age, level),
                        catalogue.byPathway())
                .computed(clock.instant().truncatedTo(ChronoUnit.MILLIS), level, basis); // as the store keeps it
        return new Advice(recommendation, basis);
    }

    /** The routing of a nominal that exists; a fresh one (awaiting a decision) until something is recorded. Unaudited. */
    public Routing load(CaseId caseId) {
        Nominal nominal = nominals.loadSummary(caseId);
        return routings.findById(nominal.caseId()).orElseGet(() -> Routing.fresh(nominal.caseId()));
    }

    public Routing recordFacts(CaseId caseId, SuitabilityFacts facts) {
        Nominal nominal = nominals.load(caseId);
        Routing routing = routings.findById(nominal.caseId()).orElseGet(() -> Routing.fresh(nominal.caseId()));
        Recommendation recommendation = advise(nominal, facts).recommendation();
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
            throw new RuleViolationException(
                    "pathways", "EmptyForCatchAndConvict", "a catch-and-convict decision has no support pathways");
        }
        // the decision is weighed against the advice as it stands now, never a stale one
        Routing routing = current(caseId);
        RoutingStatus to = RoutingMachine.MACHINE.next(
                routing.status(), RoutingMachine.decisionMove(route), StatusMachine.Actor.PERSON);
        Recommendation recommendation = routing.recommendation();
        if (routing.facts() == null || recommendation == null) {
            throw new ConflictException(
                    "Record the suitability facts before deciding",
                    Map.of("currentStatus", routing.status().name()));
        }
        List<Pathway> chosen = pathways;
        if (route == Route.ENGAGE && chosen.isEmpty()) {
            if (recommendation.route() != Route.ENGAGE) {
                throw new RuleViolationException(
                        "pathways", "NotEmpty", "an ENGAGE decision needs at least one pathway");
            }
            chosen = recommendation.pathways();
        }
        boolean overrides = route != recommendation.route()
                || !new HashSet<>(chosen).equals(new HashSet<>(recommendation.pathways()));
        boolean hasReason = reason != null && !reason.isBlank();
        if (overrides && !hasReason) {
            throw new RuleViolationException(
                    "reason",
                    "OverrideReason",
                    "the decision differs from the recommendation (" + recommendation.route() + " "
                            + recommendation.pathways() + "): give a reason");
        }
        Instant now = clock.instant();
        String username = CurrentUser.get().username();
        String why = hasReason ? reason.strip() : "as recommended: " + String.join("; ", recommendation.reasons());
        List<StatusChange> history = new ArrayList<>(routing.history());
        history.add(new StatusChange(
                routing.status().name(), to.name(), RoutingMachine.decisionMove(route), username, now, why));
        List<DisruptionTask> tasks = route == Route.CATCH_AND_CONVICT
                ? DisruptionRules.opened(
                        routing.tasks(), EnumSet.allOf(DisruptionTaskKind.class), username, LocalDate.now(clock), now)
                : routing.tasks();
        List<EngageReferral> referrals = List.of();
        if (EngageReferral.anyProgramme(route, chosen)) {
            // the referral messages go in the same save as the decision: one write, nothing lost between them
            Nominal full = nominals.load(caseId);
            RiskLevel riskLevel = ReferralRiskLevel.of(
                    full.incidentsOrEmpty(),
                    LocalDate.now(clock),
                    referenceData.current().windowMonths());
            String takingTeam = TakingTeam.choose(CurrentUser.get(), team, "team");
            EngageReferral.Person person = new EngageReferral.Person(
                    full.givenName(), full.familyName(), full.dateOfBirth(), full.sex(), full.probationId());
            referrals = EngageReferral.of(routing.caseId(), route, chosen, riskLevel, person, takingTeam, now);
        }
        Routing saved = routings.save(
                routing.decided(to, route, List.copyOf(chosen), overrides, now, history, tasks, referrals));
        copyStatus(saved);
        audit.record(AuditAction.UPDATE, saved.caseId(), RESOURCE, saved.caseId(), overrides ? why : null);
        return saved;
    }

    /**
     * Opens the disruption reviews asked for, those not open already, for a catch-and-convict nominal or an
     * engaged one at HIGH risk (Drive's disruption strand, {@link DisruptionRules}); 409 for anyone else.
     */
    public Routing openDisruptionTasks(CaseId caseId, Set<DisruptionTaskKind> kinds) {
        Nominal nominal = nominals.load(caseId);
        Routing routing = routings.findById(nominal.caseId()).orElseGet(() -> Routing.fresh(nominal.caseId()));
        RiskLevel level = ReferralRiskLevel.of(
                nominal.incidentsOrEmpty(),
                LocalDate.now(clock),
                referenceData.current().windowMonths());
        if (!DisruptionRules.mayOpen(routing.status(), level)) {
            throw new ConflictException(
                    "Disruption tasks are for catch-and-convict nominals, and engaged ones at"
                            + " HIGH risk; this one is " + routing.status() + " at " + level + " risk",
                    Map.of("currentStatus", routing.status().name(), "riskLevel", level.name()));
        }
        Routing saved = routings.save(routing.withTasks(DisruptionRules.opened(
                routing.tasks(), kinds, CurrentUser.get().username(), LocalDate.now(clock), clock.instant())));
        audit.record(AuditAction.UPDATE, saved.caseId(), DisruptionTaskService.RESOURCE, saved.caseId());
        return saved;
    }

    /** Returns a decided nominal for a new decision; the reason is kept in the history. */
    public Routing reroute(CaseId caseId, RerouteKind kind, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new RuleViolationException("reason", "NotBlank", "say why the nominal is re-routed");
        }
        Routing routing = load(caseId);
        String move = kind == RerouteKind.ENGAGEMENT_FAILED
                ? RoutingMachine.ENGAGEMENT_FAILED
                : RoutingMachine.AGREES_TO_ENGAGE;
        RoutingStatus to = RoutingMachine.MACHINE.next(routing.status(), move, StatusMachine.Actor.PERSON);
        List<StatusChange> history = new ArrayList<>(routing.history());
        history.add(new StatusChange(
                routing.status().name(),
                to.name(),
                move,
                CurrentUser.get().username(),
                clock.instant(),
                reason.strip()));
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
        String reason = "programme exit for non-compliance: " + exit.programmeCode() + " " + exit.exitStatus() + " on "
                + LocalDate.ofInstant(exit.exitedAt(), clock.getZone());
        return backForDecision(
                caseId,
                messageId,
                RoutingMachine.PROGRAMME_EXIT,
                reason,
                exit.exitedAt(),
                CurrentUser.get().username(),
                NotificationKind.REROUTING_NEEDED);
    }

    /**
     * A programme assessed the referral not suitable with the onward route back to the matrix for
     * disruption: an engaged nominal goes back for a routing decision (the system's
     * {@link RoutingMachine#RETURNED_FOR_DISRUPTION} move), as for an exit for non-compliance: once per
     * message, and only while still engaged under a decision made no later than the assessment.
     */
    public ExitOutcome applyReturnForDisruption(
            CaseId caseId, String messageId, String programmeCode, Instant assessedAt) {
        String reason = "assessed not suitable by " + programmeCode + " on "
                + LocalDate.ofInstant(assessedAt, clock.getZone()) + ": back to the matrix for disruption";
        return backForDecision(
                caseId,
                messageId,
                RoutingMachine.RETURNED_FOR_DISRUPTION,
                reason,
                assessedAt,
                CurrentUser.get().username(),
                NotificationKind.REROUTING_NEEDED);
    }

    /**
     * A programme refused an ENGAGE referral, or it could not be delivered for good (the receiver's 4xx
     * answer, final for the relay): the nominal goes back for a routing decision with the programme's
     * words as the reason (the system's {@link RoutingMachine#REFERRAL_REFUSED} move), so a refused
     * referral never vanishes. Applied once per message, and only while he is still engaged under the
     * decision that sent it (a newer decision is not undone by an older refusal). Offender managers see
     * it in the routing's history and in {@link #awaitingRerouting}, and are told by a
     * {@link NotificationKind#REFERRAL_REFUSED} notification raised in the same update (so once per refusal).
     */
    public ExitOutcome applyReferralRefused(CaseId caseId, String messageId, EngageReferral referral, String refusal) {
        String reason = "the programme refused the " + referral.pathway() + " referral of the decision of "
                + referral.decidedAt() + ": " + refusal;
        return backForDecision(
                caseId,
                messageId,
                RoutingMachine.REFERRAL_REFUSED,
                reason,
                referral.decidedAt(),
                REFUSED_BY,
                NotificationKind.REFERRAL_REFUSED);
    }

    /** Who the history names for a refusal: the programme refused it, through this service's relay. */
    static final String REFUSED_BY = "programme-service";

    /**
     * The one way the system returns an ENGAGED nominal for a new decision: one conditional update of
     * the routing document that changes the status, appends the history entry and records the message ID
     * together (status still ENGAGED, decided no later than {@code decidedNoLaterThan}, message not yet
     * received: {@link MessageReceipts}), so a duplicate, a concurrent duplicate or a crash and redelivery
     * cannot apply it twice, and it bumps the version so a person's save from an older read is refused
     * rather than undoing it. A nominal in any other status, decided again since, or unknown here changes
     * nothing, which is neither written to the history (the status machine's log of moves) nor audited.
     */
    private ExitOutcome backForDecision(
            CaseId caseId,
            String messageId,
            String move,
            String reason,
            Instant decidedNoLaterThan,
            String by,
            NotificationKind tell) {
        RoutingStatus from = RoutingStatus.ENGAGED;
        RoutingStatus to = RoutingMachine.MACHINE.next(from, move, StatusMachine.Actor.SYSTEM);
        StatusChange change = new StatusChange(from.name(), to.name(), move, by, clock.instant(), reason);
        Query stillEngaged = Query.query(Criteria.where("_id")
                .is(caseId.value())
                .and("status")
                .is(from)
                .and("decidedAt")
                .lte(decidedNoLaterThan));
        Update reroute = new Update().set("status", to).push("history", change).inc("version", 1);
        Routing before = routings.findById(caseId.value()).orElse(null);
        if (before != null && before.status() == from) {
            // the offender managers of the nominal's area are told, in the same write as the move (ADR 0016)
            String area = nominals.loadSummary(caseId).area();
            Notice notice =
                    Notice.of(tell, caseId.value(), caseId.value(), Recipient.roleInArea(Roles.OFFENDER_MANAGER, area));
            reroute.push("outbox", Notice.TYPE.entry(notice, clock.instant(), before.outboxSequence()))
                    .inc("outboxSequence", 1);
        }
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

    /** A nominal back for a routing decision, with the move that sent it back. */
    public record AwaitingRerouting(String caseId, StatusChange since) {}

    /**
     * Nominals in the caller's areas awaiting a new routing decision, longest waiting first, each with the
     * history entry that sent it back; audited once per nominal listed.
     */
    public org.springframework.data.domain.Page<AwaitingRerouting> awaitingRerouting(int page, int size) {
        List<Routing> waiting =
                mongo.find(Query.query(Criteria.where("status").is(RoutingStatus.AWAITING_REROUTING)), Routing.class);
        Set<String> visible =
                nominals.inCallersAreas(waiting.stream().map(Routing::caseId).toList());
        List<AwaitingRerouting> all = waiting.stream()
                .filter(r -> visible.contains(r.caseId()) && !r.history().isEmpty())
                .map(r -> new AwaitingRerouting(r.caseId(), r.history().getLast()))
                .sorted(java.util.Comparator.comparing(
                                (AwaitingRerouting a) -> a.since().at())
                        .thenComparing(AwaitingRerouting::caseId))
                .toList();
        List<AwaitingRerouting> shown =
                all.stream().skip((long) page * size).limit(size).toList();
        audit.recordList(
                AuditAction.SEARCH,
                RESOURCE,
                shown.stream().map(AwaitingRerouting::caseId).toList(),
                "awaiting-rerouting&page=" + page + "&size=" + size);
        return new org.springframework.data.domain.PageImpl<>(
                shown, org.springframework.data.domain.PageRequest.of(page, size), all.size());
    }

    private void copyStatus(Routing routing) {
        nominals.routingStatusChanged(routing.caseId(), routing.status());
    }
}
