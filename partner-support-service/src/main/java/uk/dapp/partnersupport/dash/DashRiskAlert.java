package uk.dapp.partnersupport.dash;

import java.time.LocalDate;
import uk.dapp.platform.outbox.CaseEvent;
import uk.dapp.platform.outbox.CaseEventType;
import uk.dapp.platform.outbox.Destinations;
import uk.dapp.platform.risk.RiskLevel;

/**
 * The risk alert a DASH assessment at HIGH raises for the programme (programme-service.yaml
 * DashRiskAlertEvent): the case, the level and the date, nothing of her answers. Its message ID is the
 * assessment's ID; whether it may leave is decided when it is delivered, by the disclosure's rule
 * ({@link DashRiskAlertConsentCheck}).
 */
public record DashRiskAlert(String caseId, RiskLevel level, LocalDate assessedOn) implements CaseEvent {

    public static final CaseEventType<DashRiskAlert> TYPE =
            CaseEventType.of("dash-risk-alert.v1", Destinations.PROGRAMME, DashRiskAlert.class);
}
