package uk.dapp.programme.referral;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import uk.dapp.platform.problem.FieldViolation;
import uk.dapp.platform.problem.RuleViolationException;
import uk.dapp.platform.risk.RiskLevel;
import uk.dapp.programme.catalogue.Sex;

/**
 * A referral as asked for, with the rules the contract alone cannot state. The partners named are
 * passed on to partner support, never kept here (see {@link Partner}).
 */
public record ReferralRequest(
        String caseId,
        String programmeCode,
        ReferralSource source,
        boolean mandated,
        RiskLevel riskLevel,
        String responsibleProbationOfficer,
        Sex sex,
        LocalDate dateOfBirth,
        List<Partner> partners) {

    public ReferralRequest {
        partners = Partner.tidy(partners);
    }

    public ReferralRequest(
            String caseId,
            String programmeCode,
            ReferralSource source,
            boolean mandated,
            RiskLevel riskLevel,
            String responsibleProbationOfficer) {
        this(caseId, programmeCode, source, mandated, riskLevel, responsibleProbationOfficer, null, null, List.of());
    }

    /**
     * A mandated referral names the probation officer to tell about non-compliance; each partner is
     * named (not blank) once, with a phone number that looks like one. The messages name the field
     * and rule only: they never repeat what was sent.
     */
    void check() {
        List<FieldViolation> violations = new ArrayList<>();
        if (mandated && (responsibleProbationOfficer == null || responsibleProbationOfficer.isBlank())) {
            violations.add(new FieldViolation(
                    "responsibleProbationOfficer",
                    "RequiredWhenMandated",
                    "a mandated referral must name the responsible probation officer"));
        }
        violations.addAll(Partner.check(partners));
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
    }

    @Override
    public String toString() {
        return "ReferralRequest[" + programmeCode + ", " + source + ", " + partners.size() + " partners]";
    }
}
