package uk.dapp.partnersupport.disclosure;

import java.time.LocalDate;
import uk.dapp.platform.outbox.CaseEvent;
import uk.dapp.platform.outbox.CaseEventType;
import uk.dapp.platform.outbox.Destinations;
import uk.dapp.platform.risk.RiskLevel;

/**
 * The risk alert a disclosure raises for the programme (programme-service.yaml RiskAlertEvent): the
 * case, the level, the category and the date, and nothing else (no words, location, contact, track or
 * partner identifier). Its message ID is the disclosure's ID; whether it may leave is decided when it
 * is delivered ({@link RiskAlertConsentCheck}).
 */
public record RiskAlert(String caseId, RiskLevel level, AbuseCategory category, LocalDate disclosedOn)
        implements CaseEvent {

    public static final CaseEventType<RiskAlert> TYPE =
            CaseEventType.of("risk-alert.v1", Destinations.PROGRAMME, RiskAlert.class);
}
