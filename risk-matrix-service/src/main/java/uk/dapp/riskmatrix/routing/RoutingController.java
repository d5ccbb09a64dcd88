package uk.dapp.riskmatrix.routing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;
import uk.dapp.platform.caseid.CaseId;
import uk.dapp.platform.status.StatusMachine;
import uk.dapp.riskmatrix.api.RoutingApi;
import uk.dapp.riskmatrix.api.model.PathwayDto;
import uk.dapp.riskmatrix.api.model.RecommendationDto;
import uk.dapp.riskmatrix.api.model.RecordedFactsDto;
import uk.dapp.riskmatrix.api.model.RerouteDto;
import uk.dapp.riskmatrix.api.model.RouteDto;
import uk.dapp.riskmatrix.api.model.RoutingDecisionDto;
import uk.dapp.riskmatrix.api.model.RoutingDto;
import uk.dapp.riskmatrix.api.model.RoutingStatusDto;
import uk.dapp.riskmatrix.api.model.StatusChangeDto;
import uk.dapp.riskmatrix.api.model.SuitabilityFactsDto;
import uk.dapp.riskmatrix.values.Pathway;
import uk.dapp.riskmatrix.values.Route;
import uk.dapp.riskmatrix.values.SuitabilityFacts;

@RestController
public class RoutingController implements RoutingApi {

    private final RoutingService service;
    private final Clock clock;

    RoutingController(RoutingService service, Clock clock) {
        this.service = service;
        this.clock = clock;
    }

    @Override
    @PreAuthorize("hasRole('offender-manager')")
    public ResponseEntity<RoutingDto> getRouting(String caseId) {
        return ResponseEntity.ok(toDto(service.read(CaseId.parse(caseId))));
    }

    @Override
    @PreAuthorize("hasRole('offender-manager')")
    public ResponseEntity<RoutingDto> recordSuitabilityFacts(String caseId, SuitabilityFactsDto body) {
        SuitabilityFacts facts = new SuitabilityFacts(body.getWillingToEngage(), body.getConsentsToGpsTag(),
                body.getDrugMisuse(), body.getAlcoholMisuse(), body.getHousingNeed(), body.getInCustody(),
                body.getExistingOrders(), body.getNotes());
        return ResponseEntity.ok(toDto(service.recordFacts(CaseId.parse(caseId), facts)));
    }

    @Override
    @PreAuthorize("hasRole('offender-manager')")
    public ResponseEntity<RoutingDto> decideRouting(String caseId, RoutingDecisionDto body) {
        List<Pathway> pathways = new ArrayList<>();
        if (body.getPathways() != null) {
            body.getPathways().forEach(p -> pathways.add(Pathway.valueOf(p.name())));
        }
        return ResponseEntity.ok(toDto(service.decide(CaseId.parse(caseId), Route.valueOf(body.getRoute().name()),
                pathways, body.getReason(), body.getTeam())));
    }

    @Override
    @PreAuthorize("hasRole('offender-manager')")
    public ResponseEntity<RoutingDto> rerouteNominal(String caseId, RerouteDto body) {
        return ResponseEntity.ok(toDto(service.reroute(CaseId.parse(caseId),
                RoutingService.RerouteKind.valueOf(body.getKind().name()), body.getReason())));
    }

    private RoutingDto toDto(Routing routing) {
        return toDto(routing, LocalDate.now(clock));
    }

    /** The routing as the contract shows it, tasks judged overdue as of {@code today}; also for the subject access export. */
    public static RoutingDto toDto(Routing routing, LocalDate today) {
        RoutingDto dto = new RoutingDto()
                .caseId(routing.caseId())
                .status(RoutingStatusDto.valueOf(routing.status().name()))
                .allowedMoves(new ArrayList<>(RoutingMachine.MACHINE.allowedMoves(routing.status(),
                        StatusMachine.Actor.PERSON)))
                .overridesRecommendation(routing.decidedRoute() == null ? null : routing.overridesRecommendation());
        if (routing.facts() != null) {
            SuitabilityFacts f = routing.facts().facts();
            dto.facts(new RecordedFactsDto()
                    .facts(new SuitabilityFactsDto().willingToEngage(f.willingToEngage())
                            .consentsToGpsTag(f.consentsToGpsTag()).drugMisuse(f.drugMisuse())
                            .alcoholMisuse(f.alcoholMisuse()).housingNeed(f.housingNeed()).inCustody(f.inCustody())
                            .existingOrders(f.existingOrders()).notes(f.notes()))
                    .recordedBy(routing.facts().recordedBy())
                    .recordedAt(routing.facts().recordedAt().atOffset(ZoneOffset.UTC)));
        }
        if (routing.recommendation() != null) {
            RecommendationDto recommendation = new RecommendationDto()
                    .route(RouteDto.valueOf(routing.recommendation().route().name()))
                    .reasons(new ArrayList<>(routing.recommendation().reasons()));
            routing.recommendation().pathways().forEach(p -> recommendation.addPathwaysItem(PathwayDto.valueOf(p.name())));
            dto.recommendation(recommendation);
        }
        if (routing.decidedRoute() != null) {
            dto.decidedRoute(RouteDto.valueOf(routing.decidedRoute().name()));
            routing.decidedPathways().forEach(p -> dto.addDecidedPathwaysItem(PathwayDto.valueOf(p.name())));
        }
        routing.history().forEach(change -> dto.addHistoryItem(new StatusChangeDto().from(change.from())
                .to(change.to()).move(change.move()).by(change.by()).at(change.at().atOffset(ZoneOffset.UTC))
                .reason(change.reason())));
        routing.tasks().forEach(task -> dto.addTasksItem(DisruptionTaskDtos.toDto(routing.caseId(), task, today)));
        return dto;
    }
}
