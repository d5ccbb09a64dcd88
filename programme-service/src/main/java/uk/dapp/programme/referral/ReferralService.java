package uk.dapp.programme.referral;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import uk.dapp.platform.audit.AuditAction;
import uk.dapp.platform.audit.AuditWriter;
import uk.dapp.platform.caseid.CaseId;
import uk.dapp.platform.caseid.CaseIdGenerator;
import uk.dapp.platform.problem.ConflictException;
import uk.dapp.platform.problem.FieldViolation;
import uk.dapp.platform.problem.NotFoundException;
import uk.dapp.platform.problem.RuleViolationException;
import uk.dapp.platform.security.CurrentUser;
import uk.dapp.platform.security.Roles;
import uk.dapp.platform.status.StatusMachine;
import uk.dapp.platform.team.CaseScope;
import uk.dapp.platform.team.TakingTeam;
import uk.dapp.programme.catalogue.Catalogue;
import uk.dapp.programme.catalogue.Programme;
import uk.dapp.programme.catalogue.Sex;
import uk.dapp.programme.participant.Identity;
import uk.dapp.programme.participant.ParticipantService;
import uk.dapp.programme.participant.Source;
import uk.dapp.programme.team.CaseTeams;

/** Takes, reads and moves referrals; every access is audited. */
@Service
public class ReferralService {

    public static final String RESOURCE = "referral";

    /** The rule a referral whose person the programme does not take breaks at assessment or enrolment (409). */
    public static final String ELIGIBILITY = "Eligibility";

    private final ReferralRepository referrals;
    private final CaseIdGenerator caseIds;
    private final AuditWriter audit;
    private final Clock clock;
    private final Catalogue catalogue;
    private final ParticipantService participants;

    ReferralService(
            ReferralRepository referrals,
            CaseIdGenerator caseIds,
            AuditWriter audit,
            Clock clock,
            Catalogue catalogue,
            ParticipantService participants) {
        this.participants = participants;
        this.referrals = referrals;
        this.caseIds = caseIds;
        this.audit = audit;
        this.clock = clock;
        this.catalogue = catalogue;
    }

    /**
     * Joins the given case, or opens one; the programme must be in the catalogue and accept the
     * person; a second open referral of a case to the same programme is refused. The referral is
     * held by the team named (one of the caller's) or the caller's only team (ADR 0012); the identity
     * typed in with it is kept as the case's participant unless the case has one already.
     */
    public Referral refer(ReferralRequest request, String team, Identity identity) {
        request.check();
        if (identity != null) {
            identity.check("participant.", LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        }
        String takingTeam = TakingTeam.choose(CurrentUser.get(), team, "team");
        String caseId =
                request.caseId() == null ? null : CaseId.parse(request.caseId()).value();
        Programme programme = catalogue.known(request.programmeCode(), "programmeCode");
        var violations = programme
                .eligibility()
                .check(
                        request.sex(),
                        request.dateOfBirth(),
                        request.riskLevel(),
                        LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
        if (caseId == null) {
            caseId = caseIds.next().value();
        }
        String finalCaseId = caseId;
        referrals
                .findByCaseIdAndProgrammeCodeAndOpenSlot(caseId, request.programmeCode(), Referral.OPEN)
                .ifPresent(ReferralService::refuseDuplicate);
        Referral referral = new Referral(
                UUID.randomUUID().toString(),
                caseId,
                request,
                CurrentUser.get().username(),
                takingTeam,
                clock.instant());
        Referral stored;
        try {
            stored = referrals.insert(referral);
        } catch (DuplicateKeyException raced) {
            referrals
                    .findByCaseIdAndProgrammeCodeAndOpenSlot(finalCaseId, request.programmeCode(), Referral.OPEN)
                    .ifPresent(ReferralService::refuseDuplicate);
            throw raced;
        }
        audit.record(AuditAction.CREATE, stored.caseId(), RESOURCE, stored.referralId());
        participants.recordIfAbsent(stored.caseId(), identity, Source.REFERRAL);
        return stored;
    }

    /**
     * Passes on partners learnt of after the referral to partner support: the message is written in
     * the referral's own save (optimistic locking: a concurrent change answers 409), audited as an
     * update of the referral, which carries no partner data. Answers how many were passed on.
     */
    public int passOnPartners(UUID referralId, List<Partner> partners) {
        Referral referral = load(referralId.toString());
        int passedOn = referral.passOnPartners(partners, CurrentUser.get().username(), clock.instant());
        save(referral);
        return passedOn;
    }

    /** Programme staff read any referral; an offender manager reads only the referrals they made. */
    public Referral get(UUID referralId) {
        Referral referral = load(referralId.toString());
        CurrentUser user = CurrentUser.get();
        boolean programmeStaff = user.hasRole(Roles.FACILITATOR) || user.hasRole(Roles.SERVICE_MANAGER);
        if (!programmeStaff && !referral.referredBy().equals(user.username())) {
            throw new AccessDeniedException("an offender manager reads only the referrals they made");
        }
        audit.record(AuditAction.READ, referral.caseId(), RESOURCE, referral.referralId());
        return referral;
    }

    /** The case's referrals held by the caller's teams; those of other teams are left out, and that refusal audited. */
    public List<Referral> ofCase(CaseId caseId) {
        List<Referral> all = referrals.findByCaseIdOrderByCreatedAtDesc(caseId.value());
        CaseScope scope = CaseTeams.scope();
        List<Referral> found = all.stream().filter(r -> scope.covers(r.team())).toList();
        if (found.size() < all.size()) {
            audit.record(AuditAction.READ, caseId.value(), RESOURCE, null, CaseScope.REFUSED);
        }
        audit.record(AuditAction.READ, caseId.value(), RESOURCE, null);
        return found;
    }

    /**
     * The referral, unaudited: for services that audit their own access. A referral of a team the
     * caller is not in is not found, and the refusal is audited (ADR 0012).
     */
    public Referral load(String referralId) {
        Referral referral = loadAnyTeam(referralId);
        CaseTeams.scope()
                .require(referral.team(), audit, referral.caseId(), RESOURCE, referralId, "No referral " + referralId);
        return referral;
    }

    /** The referral whatever its team, unaudited: for what the system does on its own (a freed group place offered). */
    public Referral loadAnyTeam(String referralId) {
        return referrals.findById(referralId).orElseThrow(() -> new NotFoundException("No referral " + referralId));
    }

    /**
     * Refuses (409, rule {@code Eligibility}, naming the field) a referral whose person the programme does
     * not take, as the programme knows them now: the sex and date of birth of the case's recorded identity,
     * else of the referral. Checked at assessment and at enrolment as well as at referral, because a
     * referral from the risk matrix may come without the sex and a person's identity may be corrected
     * after the referral (a woman is never assessed for, nor enrolled into, a men-only group).
     */
    public void requireEligible(Referral referral, Programme programme, String stage) {
        Identity identity = participants.identityOf(referral.caseId()).orElse(null);
        Sex sex = identity != null && identity.sex() != null ? identity.sex() : referral.sex();
        LocalDate dateOfBirth =
                identity != null && identity.dateOfBirth() != null ? identity.dateOfBirth() : referral.dateOfBirth();
        List<FieldViolation> violations = programme
                .eligibility()
                .checkPerson(sex, dateOfBirth, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        if (!violations.isEmpty()) {
            FieldViolation first = violations.getFirst();
            throw new ConflictException(
                    programme.code() + " does not take this person, so there is no " + stage
                            + ": " + first.field() + ": " + first.message()
                            + (first.rule().equals("RequiredByProgramme") ? " (record it as who they are)" : ""),
                    Map.of("rule", ELIGIBILITY, "field", first.field(), "programmeCode", programme.code()));
        }
    }

    /** A move the system makes itself because something was recorded; saved under optimistic locking. */
    public Referral systemMove(Referral referral, String move, String reason) {
        referral.move(move, StatusMachine.Actor.SYSTEM, CurrentUser.get().username(), clock.instant(), reason);
        return save(referral);
    }

    /** A move a person asked for; the machine refuses system moves and moves not allowed from here (409). */
    public Referral personMove(Referral referral, String move, String reason) {
        referral.move(move, StatusMachine.Actor.PERSON, CurrentUser.get().username(), clock.instant(), reason);
        return save(referral);
    }

    /** Saves a changed referral and audits the update; a concurrent change fails with 409. */
    public Referral save(Referral referral) {
        Referral stored = referrals.save(referral);
        audit.record(AuditAction.UPDATE, stored.caseId(), RESOURCE, stored.referralId());
        return stored;
    }

    private static void refuseDuplicate(Referral existing) {
        throw new ConflictException(
                "This case already has an open referral to this programme",
                Map.of("existingReferralId", existing.referralId()));
    }
}
