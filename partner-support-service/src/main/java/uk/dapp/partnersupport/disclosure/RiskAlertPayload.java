package uk.dapp.partnersupport.disclosure;

import java.time.LocalDate;
import uk.dapp.partnersupport.common.RiskLevel;

/**
 * Everything the programme is told about a disclosure, and nothing more: the case, the level, the
 * category and the date. No words, no location, no contact, no track or partner identifier.
 */
public record RiskAlertPayload(String caseId, RiskLevel level, AbuseCategory category, LocalDate date) {
}
