package uk.dapp.programme.referral;

import uk.dapp.platform.problem.RuleViolationException;

/** A referral as asked for, with the rules the contract alone cannot state. */
public record ReferralRequest(String caseId, String programmeCode, ReferralSource source, boolean mandated,
        RiskLevel riskLevel, String responsibleProbationOfficer) {

    /** A mandated referral names the probation officer to tell about non-compliance. */
    void check() {
        if (mandated && (responsibleProbationOfficer == null || responsibleProbationOfficer.isBlank())) {
            throw new RuleViolationException("responsibleProbationOfficer", "RequiredWhenMandated",
                    "a mandated referral must name the responsible probation officer");
        }
    }
}
