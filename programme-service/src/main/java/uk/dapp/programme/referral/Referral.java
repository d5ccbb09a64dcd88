package uk.dapp.programme.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import uk.dapp.platform.notification.Notice;
import uk.dapp.platform.notification.NotificationKind;
import uk.dapp.platform.notification.Recipient;
import uk.dapp.platform.outbox.CaseEvent;
import uk.dapp.platform.outbox.CaseEventType;
import uk.dapp.platform.outbox.OutboxEntry;
import uk.dapp.platform.problem.ConflictException;
import uk.dapp.platform.problem.FieldViolation;
import uk.dapp.platform.problem.RuleViolationException;
import uk.dapp.platform.risk.RiskLevel;
import uk.dapp.platform.status.StatusChange;
import uk.dapp.platform.status.StatusMachine;
import uk.dapp.programme.catalogue.Sex;

/**
 * A referral of a case to a programme, from referral to exit. {@code openSlot} is {@value #OPEN}
 * while the referral is open and its own ID once closed, so a unique index allows one open
 * referral per case and programme and any number of closed ones (the embedded store has no
 * partial indexes). Its status history only grows; every change is saved under optimistic locking.
 * The messages a change owes other services are {@link OutboxEntry entries} in its {@code outbox},
 * written in the same single-document save as the change (the relay moves them out);
 * {@code outboxSequence} counts every entry it ever wrote, so they leave in the order written.
 */
@Document("referrals")
@CompoundIndex(
        name = "one_open_referral_per_case_and_programme",
        def = "{'caseId': 1, 'programmeCode': 1, 'openSlot': 1}",
        unique = true)
public class Referral {

    static final String OPEN = "OPEN";

    /** The rule that refuses partners passed on to a referral that has exited (named in the 409). */
    public static final String PARTNERS_WHILE_OPEN = "PartnersPassedOnWhileOpen";

    /**
     * That, when and by whom partners learnt of after the referral were passed on to partner support:
     * how many only, for the timeline; who they are travels in the outbox entry alone.
     */
    public record PartnersPassedOn(Instant at, String by, int count) {}

    @Id
    private String referralId;

    @Indexed
    private String caseId;

    private String programmeCode;
    private ReferralSource source;
    private boolean mandated;
    private RiskLevel riskLevel;
    /** The risk level found last: the referral's own until a monthly review finds another (null before reviews kept it). */
    private RiskLevel currentRiskLevel;

    private Instant currentRiskSince;
    private String responsibleProbationOfficer;
    private Sex sex;
    private LocalDate dateOfBirth;
    private ReferralStatus status;
    private String referredBy;
    /** The team holding the referral (ADR 0012); null for referrals made before teams. */
    @Indexed
    private String team;

    private String openSlot;
    private Instant createdAt;
    private List<StatusChange> history = new ArrayList<>();
    /** Indexed, with {@code caseManager}, for the caseload's "my one-to-ones or my groups" (an $or of the two). */
    @Indexed
    private String groupId;

    @Indexed
    private String caseManager;

    private Instant enrolledAt;
    private Instant nextReviewDue;
    private int miSessionsUsed;
    private int complianceReviewsOpened;
    private ExitRecord exit;
    private List<OutboxEntry> outbox = new ArrayList<>();
    private long outboxSequence;
    private List<PartnersPassedOn> partnersPassedOn = new ArrayList<>();

    @Version
    private Long version;

    Referral() {}

    Referral(
            String referralId,
            String caseId,
            ReferralRequest request,
            String referredBy,
            String team,
            Instant createdAt) {
        this(referralId, caseId, request, referredBy, team, createdAt, "referred by " + request.source());
    }

    Referral(
            String referralId,
            String caseId,
            ReferralRequest request,
            String referredBy,
            String team,
            Instant createdAt,
            String reason) {
        this.referralId = referralId;
        this.caseId = caseId;
        this.programmeCode = request.programmeCode();
        this.source = request.source();
        this.mandated = request.mandated();
        this.riskLevel = request.riskLevel();
        this.responsibleProbationOfficer = request.responsibleProbationOfficer();
        this.sex = request.sex();
        this.dateOfBirth = request.dateOfBirth();
        this.status = ReferralStatus.REFERRED;
        this.referredBy = referredBy;
        this.team = team;
        this.openSlot = OPEN;
        this.createdAt = createdAt;
        this.history.add(
                new StatusChange(null, ReferralStatus.REFERRED.name(), "refer", referredBy, createdAt, reason));
        if (!request.partners().isEmpty()) {
            // the partners travel on in the same insert and are kept nowhere else in this service
            owePartnerReferral(request.partners(), createdAt);
        }
        oweHolding(createdAt);
    }

    /**
     * Passes on partners learnt of after the referral (a risk-matrix referral never names any): checked
     * as partners named with a referral are, and owed to partner support in one message written with
     * this change, under the referral's own referral date. Only their number stays, for the timeline.
     * A referral that has exited is refused: its programme work with the man, and the reason to tell
     * partner support of partners through it, has ended.
     */
    public int passOnPartners(List<Partner> given, String by, Instant at) {
        List<Partner> partners = Partner.tidy(given);
        List<FieldViolation> violations = new ArrayList<>(Partner.check(partners));
        if (partners.isEmpty()) {
            violations.add(new FieldViolation("partners", "NotEmpty", "name at least one partner to pass on"));
        }
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
        if (!status.isOpen()) {
            throw new ConflictException(
                    "Partners are passed on through an open referral; this one is " + status,
                    Map.of("rule", PARTNERS_WHILE_OPEN, "currentStatus", status.name()));
        }
        owePartnerReferral(partners, at);
        if (partnersPassedOn == null) {
            partnersPassedOn = new ArrayList<>();
        }
        partnersPassedOn.add(new PartnersPassedOn(at, by, partners.size()));
        return partners.size();
    }

    /**
     * Tells partner support whether this referral still holds its case (open) or no longer does (a
     * closed status), in the same write as the change: the sequence is the number of status changes so
     * far, so a later change always carries a larger one (ADR 0009).
     */
    private void oweHolding(Instant at) {
        owe(ReferralHeld.TYPE, new ReferralHeld(caseId, referralId, status.isOpen(), history.size()), at);
    }

    private void owePartnerReferral(List<Partner> partners, Instant at) {
        owe(
                PartnerReferral.TYPE,
                new PartnerReferral(caseId, referralId, programmeCode, createdAt, partners, team),
                at);
    }

    private <E extends CaseEvent> void owe(CaseEventType<E> type, E event, Instant at) {
        if (outbox == null) {
            outbox = new ArrayList<>();
        }
        outbox.add(type.entry(event, at, outboxSequence++));
    }

    /**
     * Makes a move the machine allows from here, appending who, when and why to the history. A move
     * that ends the programme owes, in the same document: partner support is told of every exit (a
     * partner must know promptly); an exit for non-compliance also goes back to the risk matrix as a
     * failed engagement.
     */
    public void move(String move, StatusMachine.Actor actor, String by, Instant at, String reason) {
        ReferralStatus next = ReferralMachine.MACHINE.next(status, move, actor);
        history.add(new StatusChange(status.name(), next.name(), move, by, at, reason));
        status = next;
        if (ReferralStatus.EXITS.contains(next)) {
            Instant exitedAt = exit != null && exit.status() == next ? exit.exitedAt() : at;
            ProgrammeExit exited =
                    new ProgrammeExit(caseId, referralId, programmeCode, next, next.isNonComplianceExit(), exitedAt);
            owe(ProgrammeExit.TO_PARTNER_SUPPORT, exited, at);
            if (next.isNonComplianceExit()) {
                owe(ProgrammeExit.TO_RISK_MATRIX, exited, at);
            }
        }
        if (!next.isOpen()) {
            openSlot = referralId;
            oweHolding(at); // after the exit, as partner support has always been told
        }
    }

    /**
     * Assessed not suitable with the onward route back to the risk matrix for disruption: the matrix is
     * told in the same save as the move.
     */
    public void returnForDisruption(Instant assessedAt) {
        owe(
                ReturnForDisruption.TYPE,
                new ReturnForDisruption(caseId, referralId, programmeCode, assessedAt),
                assessedAt);
    }

    /** The history's move for a reallocation: not a status move (from and to are the same status). */
    public static final String REALLOCATED = "reallocated";

    /**
     * Another case manager takes the participant over: recorded in the history (who from, to, why) and
     * the new case manager notified, in the same save (ADR 0016).
     */
    public void reallocated(String to, String by, Instant at, String reason) {
        history.add(new StatusChange(
                status.name(),
                status.name(),
                REALLOCATED,
                by,
                at,
                "from " + caseManager + " to " + to + ": " + reason));
        caseManager = to;
        notify(Notice.of(NotificationKind.CASE_REALLOCATED, caseId, referralId, Recipient.user(to)), at);
    }

    /**
     * Who made the referral, to be told what became of it: the person who referred, or, for a referral
     * the risk matrix sent for an offender manager's decision, the offender managers of the team that
     * took it (of every team for one made before teams).
     */
    public Recipient referrer() {
        if (source == ReferralSource.RISK_MATRIX) {
            return Recipient.role(uk.dapp.platform.security.Roles.OFFENDER_MANAGER, team);
        }
        return Recipient.user(referredBy);
    }

    /** Raises a notification in the same save as the change that needs it (ADR 0016). */
    public void notify(Notice notice, Instant at) {
        owe(Notice.TYPE, notice, at);
    }

    public java.util.Set<String> allowedMoves() {
        return ReferralMachine.MACHINE.allowedMoves(status, StatusMachine.Actor.PERSON);
    }

    public void enrolled(String group, String manager, Instant at, Instant firstReviewDue) {
        this.groupId = group;
        this.caseManager = manager;
        this.enrolledAt = at;
        this.nextReviewDue = firstReviewDue;
    }

    /** A monthly review: the next is due by {@code nextDue}, and the risk level it found is now the current one. */
    public void reviewed(Instant nextDue, RiskLevel found, Instant at) {
        this.nextReviewDue = nextDue;
        this.currentRiskLevel = found;
        this.currentRiskSince = at;
    }

    public void miSessionHeld() {
        this.miSessionsUsed++;
    }

    public void complianceReviewOpened() {
        this.complianceReviewsOpened++;
    }

    /** Records the outcome of an exit; the move that follows owes the messages (see {@link #move}). */
    public void exited(ExitRecord record) {
        this.exit = record;
    }

    /** Sets the version the caller read: saving then fails with optimistic locking when it is stale. */
    public void expectVersion(Long expected) {
        if (expected != null) {
            this.version = expected;
        }
    }

    public String referralId() {
        return referralId;
    }

    public String caseId() {
        return caseId;
    }

    public String programmeCode() {
        return programmeCode;
    }

    public ReferralSource source() {
        return source;
    }

    public boolean mandated() {
        return mandated;
    }

    public RiskLevel riskLevel() {
        return riskLevel;
    }
    /** The risk level found last; the referral's own until a review finds another. */
    public RiskLevel currentRiskLevel() {
        return currentRiskLevel == null ? riskLevel : currentRiskLevel;
    }

    public Instant currentRiskSince() {
        return currentRiskSince == null ? createdAt : currentRiskSince;
    }

    public String responsibleProbationOfficer() {
        return responsibleProbationOfficer;
    }

    public Sex sex() {
        return sex;
    }

    public LocalDate dateOfBirth() {
        return dateOfBirth;
    }

    public ReferralStatus status() {
        return status;
    }

    public String referredBy() {
        return referredBy;
    }

    public String team() {
        return team;
    }

    public String openSlot() {
        return openSlot;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public List<StatusChange> history() {
        return List.copyOf(history);
    }

    public String groupId() {
        return groupId;
    }

    public String caseManager() {
        return caseManager;
    }

    public Instant enrolledAt() {
        return enrolledAt;
    }

    public Instant nextReviewDue() {
        return nextReviewDue;
    }

    public int miSessionsUsed() {
        return miSessionsUsed;
    }

    public int complianceReviewsOpened() {
        return complianceReviewsOpened;
    }

    public ExitRecord exit() {
        return exit;
    }
    /** The messages not yet moved out by the relay (for tests and the relay's own bookkeeping; never an API). */
    public List<OutboxEntry> outbox() {
        return outbox == null ? List.of() : List.copyOf(outbox);
    }

    public List<PartnersPassedOn> partnersPassedOn() {
        return partnersPassedOn == null ? List.of() : List.copyOf(partnersPassedOn);
    }

    public Long version() {
        return version;
    }
}
