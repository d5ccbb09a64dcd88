package uk.dapp.riskmatrix.nominal.web;

import java.net.URI;
import java.time.ZoneOffset;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;
import uk.dapp.platform.caseid.CaseId;
import uk.dapp.riskmatrix.api.IncidentsApi;
import uk.dapp.riskmatrix.api.model.CourtOutcomeDto;
import uk.dapp.riskmatrix.api.model.CourtOutcomeRecordDto;
import uk.dapp.riskmatrix.api.model.DashLevelDto;
import uk.dapp.riskmatrix.api.model.IncidentAddedDto;
import uk.dapp.riskmatrix.api.model.IncidentCreateDto;
import uk.dapp.riskmatrix.api.model.IncidentDto;
import uk.dapp.riskmatrix.api.model.IncidentListDto;
import uk.dapp.riskmatrix.api.model.IncidentTypeDto;
import uk.dapp.riskmatrix.api.model.OutcomeDto;
import uk.dapp.riskmatrix.nominal.IncidentService;
import uk.dapp.riskmatrix.nominal.NewIncident;
import uk.dapp.riskmatrix.scoring.ScoreDtos;
import uk.dapp.riskmatrix.values.CourtOutcome;
import uk.dapp.riskmatrix.values.DashLevel;
import uk.dapp.riskmatrix.values.Incident;
import uk.dapp.riskmatrix.values.IncidentType;
import uk.dapp.riskmatrix.values.Outcome;

@RestController
public class IncidentController implements IncidentsApi {

    private final IncidentService service;

    IncidentController(IncidentService service) {
        this.service = service;
    }

    @Override
    @PreAuthorize("hasRole('offender-manager')")
    public ResponseEntity<IncidentAddedDto> addIncident(String caseId, IncidentCreateDto body) {
        CaseId id = CaseId.parse(caseId);
        IncidentService.Added added = service.add(
                id,
                new NewIncident(
                        body.getDate(),
                        IncidentType.valueOf(body.getType().name()),
                        body.getOffenceCode().strip(),
                        body.getVictimKey(),
                        DashLevel.valueOf(body.getDashLevel().name()),
                        body.getCrime(),
                        Outcome.valueOf(body.getOutcome().name())));
        return ResponseEntity.created(URI.create("/nominals/" + id.value() + "/incidents"))
                .body(new IncidentAddedDto()
                        .incident(toDto(added.incident()))
                        .score(ScoreDtos.explained(id.value(), added.score())));
    }

    @Override
    @PreAuthorize("hasRole('offender-manager')")
    public ResponseEntity<IncidentListDto> listIncidents(String caseId) {
        IncidentListDto dto = new IncidentListDto();
        service.list(CaseId.parse(caseId)).forEach(incident -> dto.addItemsItem(toDto(incident)));
        return ResponseEntity.ok(dto);
    }

    @Override
    @PreAuthorize("hasRole('offender-manager')")
    public ResponseEntity<IncidentDto> recordCourtOutcome(
            String caseId, java.util.UUID incidentId, CourtOutcomeRecordDto body) {
        return ResponseEntity.ok(toDto(service.recordCourtOutcome(
                CaseId.parse(caseId),
                incidentId.toString(),
                CourtOutcome.valueOf(body.getOutcome().name()),
                body.getDecidedOn())));
    }

    /** The incident as the contract shows it; also for the subject access export. */
    public static IncidentDto toDto(Incident incident) {
        return new IncidentDto()
                .incidentId(incident.incidentId())
                .date(incident.date())
                .type(IncidentTypeDto.valueOf(incident.type().name()))
                .offenceCode(incident.offenceCode())
                .victimKey(incident.victimKey())
                .dashLevel(DashLevelDto.valueOf(incident.dashLevel().name()))
                .crime(incident.crime())
                .outcome(OutcomeDto.valueOf(incident.outcome().name()))
                .recordedAt(incident.recordedAt().atOffset(ZoneOffset.UTC))
                .recordedBy(incident.recordedBy())
                .courtOutcome(
                        incident.courtOutcome() == null
                                ? null
                                : CourtOutcomeDto.valueOf(
                                        incident.courtOutcome().name()))
                .courtOutcomeOn(incident.courtOutcomeOn());
    }
}
