package uk.dapp.programme.referral;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import uk.dapp.platform.audit.AuditAction;
import uk.dapp.platform.audit.AuditWriter;
import uk.dapp.platform.caseid.CaseId;
import uk.dapp.platform.outbox.MessageReceipts;
import uk.dapp.platform.problem.RuleViolationException;
import uk.dapp.platform.risk.RiskLevel;
import uk.dapp.platform.security.CurrentUser;
import uk.dapp.programme.catalogue.Catalogue;
import uk.dapp.programme.catalogue.Pathway;
import uk.dapp.programme.catalogue.PathwayProgrammes;
import uk.dapp.programme.catalogue.Programme;
import uk.dapp.programme.catalogue.Sex;
import uk.dapp.programme.participant.Identity;
import uk.dapp.programme.participant.ParticipantService;
import uk.dapp.programme.participant.Source;

/**
 * Risk-matrix ENGAGE decisions arriving from its outbox. Each message has exactly one effect
 * however often it arrives, through one single-document insert keyed by the message ID
 * ({@link MessageReceipts#insert}): either a new referral whose ID is the message ID, or, when the case
 * already has an open referral to the programme, an {@link EngageDecision} record on that referral
 * (never a second referral).
 */
@Service
public class EngageReferrals {

    static final String DECISION_RESOURCE = "engage-decision";

    /**
     * What the decision says: risk-matrix facts, the team taking the referral, and who the person is
     * (each part when the risk matrix has it; messages written before teams carry no team or names).
     */
    public record Decision(
            String caseId,
            Pathway pathway,
            RiskLevel riskLevel,
            Instant decidedAt,
            Sex sex,
            LocalDate dateOfBirth,
            String team,
            String givenName,
            String familyName,
            String probationReference) {

        /** The nominal's identity, for the case's participant; none when the message carries no names. */
        Identity identity() {
            if (givenName == null || familyName == null) {
                return null;
            }
            return new Identity(givenName, familyName, dateOfBirth, sex, null, probationReference, null, null);
        }
    }

    public enum Outcome {
        /** a referral was opened now */
        REFERRED,
        /** the case already had an open referral to the programme: the decision is recorded on it */
        RECORDED_ON_OPEN_REFERRAL,
        /** this message had its effect before */
        ALREADY_APPLIED
    }

    /** Enough for a referral of the case to the programme closing or opening between our look and our insert. */
    private static final int ATTEMPTS = 3;

    private final ReferralRepository referrals;
    private final EngageDecisionRepository decisions;
    private final Catalogue catalogue;
    private final PathwayProgrammes pathways;
    private final MessageReceipts receipts;
    private final AuditWriter audit;
    private final Clock clock;
    private final ParticipantService participants;

    EngageReferrals(
            ReferralRepository referrals,
            EngageDecisionRepository decisions,
            Catalogue catalogue,
            PathwayProgrammes pathways,
            MessageReceipts receipts,
            AuditWriter audit,
            Clock clock,
            ParticipantService participants) {
        this.participants = participants;
        this.referrals = referrals;
        this.decisions = decisions;
        this.catalogue = catalogue;
        this.pathways = pathways;
        this.receipts = receipts;
        this.audit = audit;
        this.clock = clock;
    }

    public Outcome receive(String messageId, Decision decision) {
        String caseId = CaseId.parse(decision.caseId()).value();
        // a message applied before answers the same however the catalogue has changed since
        if (applied(messageId)) {
            // the participant may be what a crash between the two inserts left undone
            participants.recordIfAbsent(caseId, decision.identity(), Source.RISK_MATRIX);
            return Outcome.ALREADY_APPLIED;
        }
        Programme programme = catalogue.known(pathways.programmeFor(decision.pathway()), "pathway");
        Instant now = clock.instant();
        var violations = programme
                .eligibility()
                .checkGiven(
                        decision.sex(),
                        decision.dateOfBirth(),
                        decision.riskLevel(),
                        LocalDate.ofInstant(now, ZoneOffset.UTC));
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
        String by = CurrentUser.get().username();
        // the nominal's identity is the case's participant unless one is recorded already
        participants.recordIfAbsent(caseId, decision.identity(), Source.RISK_MATRIX);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Referral> open =
                    referrals.findByCaseIdAndProgrammeCodeAndOpenSlot(caseId, programme.code(), Referral.OPEN);
            if (open.isPresent()) {
                if (open.get().referralId().equals(messageId)) {
                    return Outcome.ALREADY_APPLIED; // a concurrent copy of this message opened it
                }
                return record(open.get(), messageId, decision, by, now);
            }
            ReferralRequest request = new ReferralRequest(
                    caseId,
                    programme.code(),
                    ReferralSource.RISK_MATRIX,
                    false,
                    decision.riskLevel(),
                    null,
                    decision.sex(),
                    decision.dateOfBirth(),
                    List.of());
            if (receipts.insert(new Referral(
                    messageId,
                    caseId,
                    request,
                    by,
                    decision.team(),
                    now,
                    "referred by RISK_MATRIX: ENGAGE decision of " + decision.decidedAt() + ", pathway "
                            + decision.pathway()))) {
                audit.record(AuditAction.CREATE, caseId, ReferralService.RESOURCE, messageId);
                return Outcome.REFERRED;
            }
            // either a copy of this message got there first, or another referral of the case to the
            // programme opened meanwhile: look again
            if (applied(messageId)) {
                return Outcome.ALREADY_APPLIED;
            }
        }
        throw new IllegalStateException(
                "the case's referrals to " + programme.code() + " kept changing; the sender will try again");
    }

    private Outcome record(Referral open, String messageId, Decision decision, String by, Instant now) {
        if (!receipts.insert(new EngageDecision(
                messageId,
                open.referralId(),
                open.caseId(),
                open.programmeCode(),
                decision.pathway(),
                decision.riskLevel(),
                decision.decidedAt(),
                by,
                now))) {
            return Outcome.ALREADY_APPLIED;
        }
        audit.record(AuditAction.CREATE, open.caseId(), DECISION_RESOURCE, messageId);
        return Outcome.RECORDED_ON_OPEN_REFERRAL;
    }

    private boolean applied(String messageId) {
        return referrals.existsById(messageId) || decisions.existsById(messageId);
    }

    /** The decisions recorded on a referral, oldest first (unaudited: the caller audits the read it serves). */
    public List<EngageDecision> recordedOn(String referralId) {
        return decisions.findByReferralIdOrderByReceivedAtAsc(referralId);
    }
}
