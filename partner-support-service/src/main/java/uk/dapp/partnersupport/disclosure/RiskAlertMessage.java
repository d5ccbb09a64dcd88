package uk.dapp.partnersupport.disclosure;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import uk.dapp.platform.risk.RiskLevel;
import uk.dapp.platform.outbox.Destinations;
import uk.dapp.platform.outbox.OutboxEntry;

/**
 * The risk alert a disclosure raises for the programme: programme-service's RiskAlertEvent, holding
 * the case, the level, the category and the date, and nothing else (no words, location, contact,
 * track or partner identifier). Its message ID is the disclosure's ID.
 */
final class RiskAlertMessage {

    static final String TYPE = "risk-alert.v1";

    private RiskAlertMessage() {
    }

    static OutboxEntry entry(String disclosureId, String caseId, RiskLevel level, AbuseCategory category,
            LocalDate disclosedOn, Instant at) {
        return new OutboxEntry(disclosureId, Destinations.PROGRAMME, TYPE, caseId, Map.of(
                "caseId", caseId,
                "level", level.name(),
                "category", category.name(),
                "disclosedOn", disclosedOn.toString()), at, 0);
    }
}
