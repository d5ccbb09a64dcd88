package uk.dapp.programme.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import uk.dapp.platform.status.StatusChange;
import uk.dapp.platform.status.StatusMachine;
import uk.dapp.programme.catalogue.Sex;

/**
 * A referral of a case to a programme, from referral to exit. {@code openSlot} is {@value #OPEN}
 * while the referral is open and its own ID once closed, so a unique index allows one open
 * referral per case and programme and any number of closed ones (the embedded store has no
 * partial indexes). Its status history only grows; every change is saved under optimistic locking.
 */
@Document("referrals")
@CompoundIndex(name = "one_open_referral_per_case_and_programme",
        def = "{'caseId': 1, 'programmeCode': 1, 'openSlot': 1}", unique = true)
public class Referral {

    static final String OPEN = "OPEN";

    @Id
    private String referralId;
    @Indexed
    private String caseId;
    private String programmeCode;
    private ReferralSource source;
    private boolean mandated;
    private RiskLevel riskLevel;
    private String responsibleProbationOfficer;
    private Sex sex;
    private LocalDate dateOfBirth;
    private ReferralStatus status;
    private String referredBy;
    private String openSlot;
    private Instant createdAt;
    private List<StatusChange> history = new ArrayList<>();
    private String groupId;
    private String caseManager;
    private Instant enrolledAt;
    private Instant nextReviewDue;
    private int miSessionsUsed;
    private int complianceReviewsOpened;
    private ExitRecord exit;
    private List<OutboxMessage> outbox = new ArrayList<>();
    @Version
    private Long version;

    Referral() {
    }

    Referral(String referralId, String caseId, ReferralRequest request, String referredBy, Instant createdAt) {
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
        this.openSlot = OPEN;
        this.createdAt = createdAt;
        this.history.add(new StatusChange(null, ReferralStatus.REFERRED.name(), "refer", referredBy, createdAt,
                "referred by " + request.source()));
    }

    /** Makes a move the machine allows from here, appending who, when and why to the history. */
    public void move(String move, StatusMachine.Actor actor, String by, Instant at, String reason) {
        ReferralStatus next = ReferralMachine.MACHINE.next(status, move, actor);
        history.add(new StatusChange(status.name(), next.name(), move, by, at, reason));
        status = next;
        if (!next.isOpen()) {
            openSlot = referralId;
        }
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

    public void reviewed(Instant nextDue) {
        this.nextReviewDue = nextDue;
    }

    public void miSessionHeld() {
        this.miSessionsUsed++;
    }

    public void complianceReviewOpened() {
        this.complianceReviewsOpened++;
    }

    /**
     * Records the exit and, in the same document, the messages it owes: partner support is told of
     * every exit (a partner must know promptly); an exit for non-compliance (breached, excluded,
     * dropped out) goes back to the risk matrix as a failed engagement.
     */
    public void exited(ExitRecord record) {
        this.exit = record;
        if (outbox == null) {
            outbox = new ArrayList<>();
        }
        outbox.add(new OutboxMessage(java.util.UUID.randomUUID().toString(), OutboxMessage.Destination.PARTNER_SUPPORT,
                OutboxMessage.PROGRAMME_EXIT, caseId, programmeCode, record.status(), record.exitedAt(), null));
        if (record.status() == ReferralStatus.BREACHED || record.status() == ReferralStatus.EXCLUDED
                || record.status() == ReferralStatus.DROPPED_OUT) {
            outbox.add(new OutboxMessage(java.util.UUID.randomUUID().toString(), OutboxMessage.Destination.RISK_MATRIX,
                    OutboxMessage.PROGRAMME_EXIT, caseId, programmeCode, record.status(), record.exitedAt(), null));
        }
    }

    /** Sets the version the caller read: saving then fails with optimistic locking when it is stale. */
    public void expectVersion(Long expected) {
        if (expected != null) {
            this.version = expected;
        }
    }

    public String referralId() { return referralId; }
    public String caseId() { return caseId; }
    public String programmeCode() { return programmeCode; }
    public ReferralSource source() { return source; }
    public boolean mandated() { return mandated; }
    public RiskLevel riskLevel() { return riskLevel; }
    public String responsibleProbationOfficer() { return responsibleProbationOfficer; }
    public Sex sex() { return sex; }
    public LocalDate dateOfBirth() { return dateOfBirth; }
    public ReferralStatus status() { return status; }
    public String referredBy() { return referredBy; }
    public String openSlot() { return openSlot; }
    public Instant createdAt() { return createdAt; }
    public List<StatusChange> history() { return List.copyOf(history); }
    public String groupId() { return groupId; }
    public String caseManager() { return caseManager; }
    public Instant enrolledAt() { return enrolledAt; }
    public Instant nextReviewDue() { return nextReviewDue; }
    public int miSessionsUsed() { return miSessionsUsed; }
    public int complianceReviewsOpened() { return complianceReviewsOpened; }
    public ExitRecord exit() { return exit; }
    public List<OutboxMessage> outbox() { return outbox == null ? List.of() : List.copyOf(outbox); }
    public Long version() { return version; }
}
