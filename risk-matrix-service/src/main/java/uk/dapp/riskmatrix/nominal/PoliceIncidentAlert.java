package uk.dapp.riskmatrix.nominal;

import java.time.LocalDate;
import uk.dapp.platform.outbox.CaseEvent;
import uk.dapp.platform.outbox.CaseEventType;
import uk.dapp.platform.outbox.Destinations;
import uk.dapp.platform.risk.RiskLevel;
import uk.dapp.riskmatrix.values.Incident;
import uk.dapp.riskmatrix.values.IncidentType;
import uk.dapp.riskmatrix.values.RoutingStatus;

/**
 * A new police incident against a nominal the matrix has routed, told to the programme
 * (programme-service.yaml PoliceIncidentEvent), which raises a risk alert when the case has an open
 * referral there. Only the level (the DASH level assessed, STANDARD when none was), whether it was
 * domestic abuse, and the date: never the victim, the offence or the outcome.
 */
public record PoliceIncidentAlert(String caseId, RiskLevel level, IncidentType category, LocalDate occurredOn)
        implements CaseEvent {

    public static final CaseEventType<PoliceIncidentAlert> TYPE =
            CaseEventType.of("police-incident.v1", Destinations.PROGRAMME, PoliceIncidentAlert.class);

    static PoliceIncidentAlert of(String caseId, Incident incident) {
        return new PoliceIncidentAlert(
                caseId, incident.dashLevel().assessed().orElse(RiskLevel.STANDARD), incident.type(), incident.date());
    }

    /**
     * Whether the programme may have him: only a nominal ever routed can have been referred from the matrix
     * (the programme itself checks for an open referral), so nothing of a nominal never decided leaves.
     */
    static boolean worthTelling(RoutingStatus routing) {
        return routing != null && routing != RoutingStatus.AWAITING_DECISION;
    }
}
