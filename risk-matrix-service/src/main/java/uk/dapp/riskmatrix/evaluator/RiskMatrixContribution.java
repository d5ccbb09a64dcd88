package uk.dapp.riskmatrix.evaluator;

import static uk.dapp.platform.privacy.SensitivityLabel.DIRECT_IDENTIFIER;
import static uk.dapp.platform.privacy.SensitivityLabel.QUASI_IDENTIFIER;
import static uk.dapp.platform.privacy.SensitivityLabel.SAFE;
import static uk.dapp.platform.privacy.SensitivityLabel.SENSITIVE;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import uk.dapp.platform.privacy.Sensitivity;
import uk.dapp.riskmatrix.values.Route;

/**
 * One case's risk-matrix part of the anonymised outcome extract. The case ID is only the join key:
 * labelled a direct identifier, so this row can never itself be exported, and the gateway replaces
 * it with a pseudonym. The date of birth never leaves the service; only the 5-year band on the
 * snapshot's date does. The days of the domestic-abuse incidents go to the gateway for its follow-up
 * windows (no incident in the months after a programme exit); the gateway counts with them and
 * never releases them.
 */
public record RiskMatrixContribution(
        @Sensitivity(DIRECT_IDENTIFIER) String caseId,
        @Sensitivity(QUASI_IDENTIFIER) String ageBand,
        @Sensitivity(QUASI_IDENTIFIER) String area,
        @Sensitivity(QUASI_IDENTIFIER) YearMonth decisionMonth,
        @Sensitivity(SENSITIVE) Route routingDecision,
        @Sensitivity(SENSITIVE) Long harmBefore,
        @Sensitivity(SENSITIVE) Long harmAfter,
        @Sensitivity(SENSITIVE) Integer repeatIncidentsAfter,
        @Sensitivity(SENSITIVE) Integer repeatVictimsAfter,
        @Sensitivity(SENSITIVE) Integer justiceOutcomesAfter,
        @Sensitivity(SAFE) int followUpMonths,
        @Sensitivity(SENSITIVE) Integer domesticAbuseCrimesAfter,
        @Sensitivity(SENSITIVE) Integer positiveDisposalsAfter,
        @Sensitivity(SENSITIVE) Integer prosecutionsConcludedAfter,
        @Sensitivity(SENSITIVE) Integer convictionsAfter,
        @Sensitivity(QUASI_IDENTIFIER) List<LocalDate> domesticAbuseIncidentDates) {

    /** The field the gateway joins on and drops. */
    public static final String JOIN_KEY = "caseId";
}
