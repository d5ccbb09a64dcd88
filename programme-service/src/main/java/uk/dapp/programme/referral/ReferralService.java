package uk.dapp.programme.referral;

import java.time.Clock;
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
import uk.dapp.platform.problem.NotFoundException;
import uk.dapp.platform.security.CurrentUser;
import uk.dapp.platform.security.Roles;

/** Takes and reads referrals; every access is audited. */
@Service
public class ReferralService {

    static final String RESOURCE = "referral";

    private final ReferralRepository referrals;
    private final CaseIdGenerator caseIds;
    private final AuditWriter audit;
    private final Clock clock;

    ReferralService(ReferralRepository referrals, CaseIdGenerator caseIds, AuditWriter audit, Clock clock) {
        this.referrals = referrals;
        this.caseIds = caseIds;
        this.audit = audit;
        this.clock = clock;
    }

    /** Joins the given case, or opens one; a second open referral of a case to the same programme is refused. */
    public Referral refer(ReferralRequest request) {
        request.check();
        String caseId = request.caseId() == null ? caseIds.next().value() : CaseId.parse(request.caseId()).value();
        referrals.findByCaseIdAndProgrammeCodeAndOpenSlot(caseId, request.programmeCode(), Referral.OPEN)
                .ifPresent(ReferralService::refuseDuplicate);
        Referral referral = new Referral(UUID.randomUUID().toString(), caseId, request.programmeCode(),
                request.source(), request.mandated(), request.riskLevel(), request.responsibleProbationOfficer(),
                ReferralStatus.REFERRED, CurrentUser.get().username(), Referral.OPEN, clock.instant(), null);
        Referral stored;
        try {
            stored = referrals.insert(referral);
        } catch (DuplicateKeyException raced) {
            referrals.findByCaseIdAndProgrammeCodeAndOpenSlot(caseId, request.programmeCode(), Referral.OPEN)
                    .ifPresent(ReferralService::refuseDuplicate);
            throw raced;
        }
        audit.record(AuditAction.CREATE, stored.caseId(), RESOURCE, stored.referralId());
        return stored;
    }

    /** Programme staff read any referral; an offender manager reads only the referrals they made. */
    public Referral get(UUID referralId) {
        Referral referral = referrals.findById(referralId.toString())
                .orElseThrow(() -> new NotFoundException("No referral " + referralId));
        CurrentUser user = CurrentUser.get();
        boolean programmeStaff = user.hasRole(Roles.FACILITATOR) || user.hasRole(Roles.SERVICE_MANAGER);
        if (!programmeStaff && !referral.referredBy().equals(user.username())) {
            throw new AccessDeniedException("an offender manager reads only the referrals they made");
        }
        audit.record(AuditAction.READ, referral.caseId(), RESOURCE, referral.referralId());
        return referral;
    }

    public List<Referral> ofCase(CaseId caseId) {
        List<Referral> found = referrals.findByCaseIdOrderByCreatedAtDesc(caseId.value());
        audit.record(AuditAction.READ, caseId.value(), RESOURCE, null);
        return found;
    }

    private static void refuseDuplicate(Referral existing) {
        throw new ConflictException("This case already has an open referral to this programme",
                Map.of("existingReferralId", existing.referralId()));
    }
}
