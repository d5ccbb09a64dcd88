package uk.dapp.programme.evaluator;

import static uk.dapp.platform.privacy.SensitivityLabel.DIRECT_IDENTIFIER;
import static uk.dapp.platform.privacy.SensitivityLabel.QUASI_IDENTIFIER;
import static uk.dapp.platform.privacy.SensitivityLabel.SAFE;
import static uk.dapp.platform.privacy.SensitivityLabel.SENSITIVE;

import java.time.LocalDate;
import java.time.YearMonth;
import uk.dapp.platform.privacy.Sensitivity;
import uk.dapp.programme.catalogue.ProgrammeType;
import uk.dapp.programme.catalogue.Sex;
import uk.dapp.programme.referral.ReferralSource;
import uk.dapp.programme.referral.ReferralStatus;
import uk.dapp.programme.suitability.SuitabilityOutcome;

/**
 * One case's programme part of the anonymised outcome extract, describing its latest referral.
 * The case ID is only the join key (a direct identifier, so the row itself can never be exported;
 * the gateway swaps it for a pseudonym). The exit is its status, never the reason a person typed.
 * The exit's day goes to the gateway for its follow-up window (effective completion); the gateway
 * counts with it and never releases it.
 */
public record ProgrammeContribution(
        @Sensitivity(DIRECT_IDENTIFIER) String caseId,
        @Sensitivity(QUASI_IDENTIFIER) Sex sex,
        @Sensitivity(QUASI_IDENTIFIER) YearMonth referralMonth,
        @Sensitivity(SAFE) String programmeCode,
        @Sensitivity(SAFE) ProgrammeType programmeType,
        @Sensitivity(SAFE) ReferralSource referralSource,
        @Sensitivity(SAFE) boolean mandated,
        @Sensitivity(SENSITIVE) SuitabilityOutcome suitabilityOutcome,
        @Sensitivity(SAFE) int sessionsAttended,
        @Sensitivity(SAFE) int sessionsRequired,
        @Sensitivity(SENSITIVE) ReferralStatus exitReason,
        @Sensitivity(QUASI_IDENTIFIER) LocalDate exitDate,
        @Sensitivity(SAFE) int referrals) {

    /** The field the gateway joins on and drops. */
    public static final String JOIN_KEY = "caseId";
}
