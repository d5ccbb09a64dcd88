package uk.dapp.riskmatrix.onward;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import uk.dapp.platform.audit.AuditAction;
import uk.dapp.platform.audit.AuditWriter;
import uk.dapp.platform.caseid.CaseId;
import uk.dapp.platform.problem.ConflictException;
import uk.dapp.platform.problem.NotFoundException;
import uk.dapp.platform.security.CurrentUser;
import uk.dapp.platform.status.StatusChange;
import uk.dapp.platform.status.StatusMachine;
import uk.dapp.riskmatrix.nominal.Nominal;
import uk.dapp.riskmatrix.nominal.NominalService;
import uk.dapp.riskmatrix.routing.RoutingService;
import uk.dapp.riskmatrix.values.OnwardReferral;
import uk.dapp.riskmatrix.values.OnwardReferralStatus;
import uk.dapp.riskmatrix.values.OnwardReferralType;
import uk.dapp.riskmatrix.values.RoutingStatus;

/**
 * Onward referrals of engaged nominals (issue 15 item 6): made, answered, ended with an outcome. Each
 * change is one optimistic save of the nominal's {@link OnwardReferrals} document (a concurrent change
 * answers 409); every read of a case's referrals is audited, and the follow-ups listed in my-work once per
 * case listed.
 */
@Service
public class OnwardReferralService {

    static final String RESOURCE = "onward-referral";

    /** An onward referral with its case. */
    public record CaseReferral(String caseId, OnwardReferral referral) {}

    private final OnwardReferralsRepository repository;
    private final NominalService nominals;
    private final RoutingService routings;
    private final MongoTemplate mongo;
    private final AuditWriter audit;
    private final Clock clock;

    OnwardReferralService(
            OnwardReferralsRepository repository,
            NominalService nominals,
            RoutingService routings,
            MongoTemplate mongo,
            AuditWriter audit,
            Clock clock) {
        this.repository = repository;
        this.nominals = nominals;
        this.routings = routings;
        this.mongo = mongo;
        this.audit = audit;
        this.clock = clock;
    }

    /** The nominal's referrals, newest first; audited as a read of the case. */
    public List<OnwardReferral> list(CaseId caseId) {
        Nominal nominal = nominals.loadSummary(caseId);
        List<OnwardReferral> all = unaudited(nominal.caseId());
        audit.record(AuditAction.READ, nominal.caseId(), RESOURCE, nominal.caseId());
        return all;
    }

    /** For other features that audit their own read (the subject access export). */
    public List<OnwardReferral> unaudited(String caseId) {
        return repository.findById(caseId).map(OnwardReferrals::referrals).orElse(List.of()).stream()
                .sorted(Comparator.comparing(OnwardReferral::madeOn)
                        .reversed()
                        .thenComparing(OnwardReferral::referralId))
                .toList();
    }

    public OnwardReferral make(
            CaseId caseId, OnwardReferralType type, String provider, LocalDate madeOn, LocalDate followUpDate) {
        Nominal nominal = nominals.loadSummary(caseId);
        OnwardReferralMachine.checkNew(madeOn, followUpDate, LocalDate.now(clock));
        RoutingStatus routing = routings.load(caseId).status();
        if (routing != RoutingStatus.ENGAGED) {
            throw new ConflictException(
                    "Onward referrals are made for engaged nominals; this one is " + routing,
                    Map.of("routingStatus", routing.name()));
        }
        OnwardReferrals stored =
                repository.findById(nominal.caseId()).orElseGet(() -> OnwardReferrals.none(nominal.caseId()));
        stored.referrals().stream()
                .filter(r -> r.type() == type && r.status().open())
                .findFirst()
                .ifPresent(open -> {
                    throw new ConflictException(
                            "A " + type + " referral is already open (" + open.status() + ")",
                            Map.of(
                                    "openReferralId",
                                    open.referralId(),
                                    "currentStatus",
                                    open.status().name()));
                });
        String me = CurrentUser.get().username();
        StatusChange made = new StatusChange(
                null,
                OnwardReferralStatus.MADE.name(),
                "make",
                me,
                clock.instant(),
                provider == null ? null : "to " + provider.strip());
        OnwardReferral referral = new OnwardReferral(
                UUID.randomUUID().toString(),
                type,
                provider == null ? null : provider.strip(),
                OnwardReferralStatus.MADE,
                madeOn,
                me,
                followUpDate,
                null,
                null,
                List.of(made));
        repository.save(stored.with(referral));
        audit.record(AuditAction.CREATE, nominal.caseId(), RESOURCE, referral.referralId());
        return referral;
    }

    /** Moves a referral to {@code to}; asking for the status it already has changes nothing. */
    public OnwardReferral record(
            CaseId caseId, String referralId, OnwardReferralStatus to, String outcome, LocalDate nextFollowUp) {
        Nominal nominal = nominals.loadSummary(caseId);
        OnwardReferrals stored =
                repository.findById(nominal.caseId()).orElseThrow(() -> notFound(referralId, nominal.caseId()));
        OnwardReferral referral = stored.referrals().stream()
                .filter(r -> r.referralId().equals(referralId))
                .findFirst()
                .orElseThrow(() -> notFound(referralId, nominal.caseId()));
        if (referral.status() == to) {
            audit.record(AuditAction.READ, nominal.caseId(), RESOURCE, referralId);
            return referral;
        }
        OnwardReferralMachine.MACHINE.next(
                referral.status(), OnwardReferralMachine.moveTo(to), StatusMachine.Actor.PERSON);
        LocalDate followUp = OnwardReferralMachine.checkMove(referral, to, outcome, nextFollowUp, LocalDate.now(clock));
        String said = outcome == null || outcome.isBlank() ? null : outcome.strip();
        StatusChange change = new StatusChange(
                referral.status().name(),
                to.name(),
                OnwardReferralMachine.moveTo(to),
                CurrentUser.get().username(),
                clock.instant(),
                said);
        OnwardReferral moved =
                referral.moved(to, followUp, said == null ? referral.outcome() : said, clock.instant(), change);
        repository.save(stored.replaced(moved));
        audit.record(AuditAction.UPDATE, nominal.caseId(), RESOURCE, referralId);
        return moved;
    }

    /** How far ahead a follow-up counts as due: a week, as my-work's other lists look ahead. */
    public static final int FOLLOW_UPS_AHEAD_DAYS = 7;

    /** The caller's follow-ups: how many, how many overdue, and the first of them, soonest first. */
    public record FollowUps(int total, int overdue, List<CaseReferral> items) {}

    /**
     * The caller's own open referrals in their areas whose follow-up is due within {@link
     * #FOLLOW_UPS_AHEAD_DAYS} days or past, soonest (so overdue) first; the {@code limit} served are
     * audited, once per case.
     */
    public FollowUps myFollowUps(LocalDate today, int limit) {
        List<CaseReferral> all = followUpsOf(CurrentUser.get().username(), today.plusDays(FOLLOW_UPS_AHEAD_DAYS));
        List<CaseReferral> served = all.stream().limit(limit).toList();
        audit.recordList(
                AuditAction.SEARCH,
                RESOURCE,
                served.stream().map(CaseReferral::caseId).toList(),
                "onwardReferralFollowUps");
        return new FollowUps(
                all.size(),
                (int) all.stream().filter(c -> c.referral().overdue(today)).count(),
                served);
    }

    /**
     * The user's own open referrals in their areas whose follow-up falls on or before {@code upTo}, soonest
     * first. Unaudited: the callers audit the cases they list.
     */
    public List<CaseReferral> followUpsOf(String username, LocalDate upTo) {
        List<OnwardReferrals> withOpen =
                mongo.find(Query.query(where("referrals.madeBy").is(username)), OnwardReferrals.class);
        Set<String> inMyAreas = nominals.inCallersAreas(
                withOpen.stream().map(OnwardReferrals::caseId).toList());
        List<CaseReferral> due = new ArrayList<>();
        for (OnwardReferrals each : withOpen) {
            if (inMyAreas.contains(each.caseId())) {
                each.referrals().stream()
                        .filter(r -> r.status().open()
                                && username.equals(r.madeBy())
                                && !r.followUpDate().isAfter(upTo))
                        .forEach(r -> due.add(new CaseReferral(each.caseId(), r)));
            }
        }
        due.sort(Comparator.comparing((CaseReferral c) -> c.referral().followUpDate())
                .thenComparing(CaseReferral::caseId));
        return due;
    }

    private static NotFoundException notFound(String referralId, String caseId) {
        return new NotFoundException("No onward referral " + referralId + " on case " + caseId);
    }
}
