package uk.dapp.programme.referral;

import java.time.LocalDate;
import uk.dapp.platform.problem.RuleViolationException;
import uk.dapp.programme.catalogue.Sex;

/** A referral as asked for, with the rules the contract alone cannot state. */
public record ReferralRequest(String caseId, String programmeCode, ReferralSource source, boolean mandated,
        RiskLevel riskLevel, String responsibleProbationOfficer, Sex sex, LocalDate dateOfBirth,
        boolean partnerDetailsSent) {

    public ReferralRequest(String caseId, String programmeCode, ReferralSource source, boolean mandated,
            RiskLevel riskLevel, String responsibleProbationOfficer) {
        this(caseId, programmeCode, source, mandated, riskLevel, responsibleProbationOfficer, null, null, false);
    }

    /**
     * Partner details are refused here, never stored (they belong to partner support, whose flow is a
     * later issue); a mandated referral names the probation officer to tell about non-compliance.
     */
    void check() {
        if (partnerDetailsSent) {
            throw new RuleViolationException("partnerDetails", "NotAcceptedHere",
                    "partner details are not taken with a referral: pass them to partner support");
        }
        if (mandated && (responsibleProbationOfficer == null || responsibleProbationOfficer.isBlank())) {
            throw new RuleViolationException("responsibleProbationOfficer", "RequiredWhenMandated",
                    "a mandated referral must name the responsible probation officer");
        }
    }
}
