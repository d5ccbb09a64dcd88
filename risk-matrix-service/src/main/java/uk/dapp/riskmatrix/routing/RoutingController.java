package uk.dapp.riskmatrix.routing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;
import uk.dapp.platform.caseid.CaseId;
import uk.dapp.platform.status.StatusMachine;
import uk.dapp.riskmatrix.api.RoutingApi;
import uk.dapp.riskmatrix.api.model.AwaitingReroutingDto;
import uk.dapp.riskmatrix.api.model.AwaitingReroutingPageDto;
import uk.dapp.riskmatrix.api.model.PathwayDto;
import uk.dapp.riskmatrix.api.model.ProgrammeEligibilityDto;
import uk.dapp.riskmatrix.api.model.ProgrammePathwayDto;
import uk.dapp.riskmatrix.api.model.RecommendationDto;
import uk.dapp.riskmatrix.api.model.RecordedFactsDto;
import uk.dapp.riskmatrix.api.model.RerouteDto;
import uk.dapp.riskmatrix.api.model.RiskLevelDto;
import uk.dapp.riskmatrix.api.model.RouteDto;
import uk.dapp.riskmatrix.api.model.RoutingDecisionDto;
import uk.dapp.riskmatrix.api.model.RoutingDto;
import uk.dapp.riskmatrix.api.model.RoutingStatusDto;
import uk.dapp.riskmatrix.api.model.SexDto;
import uk.dapp.riskmatrix.api.model.StatusChangeDto;
import uk.dapp.riskmatrix.api.model.SuitabilityFactsDto;
import uk.dapp.riskmatrix.eligibility.ProgrammeEligibilityService;
import uk.dapp.riskmatrix.values.Pathway;
import uk.dapp.riskmatrix.values.Recommendation;
import uk.dapp.riskmatrix.values.Route;
import uk.dapp.riskmatrix.values.SuitabilityFacts;

@RestController
public class RoutingController implements RoutingApi {

    private final RoutingService service;
    private final ProgrammeEligibilityService eligibility;
    private final Clock clock;

    RoutingController(RoutingService service, ProgrammeEligibilityService eligibility, Clock clock) {
        this.service = service;
        this.eligibility = eligibility;
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
        SuitabilityFacts facts = new SuitabilityFacts(
                body.getWillingToEngage(),
                body.getConsentsToGpsTag(),
                body.getDrugMisuse(),
                body.getAlcoholMisuse(),
                body.getHousingNeed(),
                body.getInCustody(),
                body.getExistingOrders(),
                body.getNotes());
        return ResponseEntity.ok(toDto(service.recordFacts(CaseId.parse(caseId), facts)));
    }

    @Override
    @PreAuthorize("hasRole('offender-manager')")
    public ResponseEntity<RoutingDto> decideRouting(String caseId, RoutingDecisionDto body) {
        List<Pathway> pathways = new ArrayList<>();
        if (body.getPathways() != null) {
            body.getPathways().forEach(p -> pathways.add(Pathway.valueOf(p.name())));
        }
        return ResponseEntity.ok(toDto(service.decide(
                CaseId.parse(caseId),
                Route.valueOf(body.getRoute().name()),
                pathways,
                body.getReason(),
                body.getTeam())));
    }

    @Override
    @PreAuthorize("hasRole('offender-manager')")
    public ResponseEntity<RoutingDto> rerouteNominal(String caseId, RerouteDto body) {
        return ResponseEntity.ok(toDto(service.reroute(
                CaseId.parse(caseId),
                RoutingService.RerouteKind.valueOf(body.getKind().name()),
                body.getReason())));
    }

    @Override
    @PreAuthorize("hasRole('offender-manager')")
    public ResponseEntity<AwaitingReroutingPageDto> listAwaitingRerouting(Integer page, Integer size) {
        Page<RoutingService.AwaitingRerouting> found =
                service.awaitingRerouting(page == null ? 0 : page, size == null ? 20 : size);
        return ResponseEntity.ok(new AwaitingReroutingPageDto()
                .items(found.getContent().stream()
                        .map(a -> new AwaitingReroutingDto()
                                .caseId(a.caseId())
                                .status(RoutingStatusDto.valueOf(a.since().to()))
                                .since(a.since().at().atOffset(ZoneOffset.UTC))
                                .move(a.since().move())
                                .reason(a.since().reason())
                                .by(a.since().by()))
                        .toList())
                .page(found.getNumber())
                .size(found.getSize())
                .totalItems(found.getTotalElements())
                .totalPages(found.getTotalPages()));
    }

    @Override
    @PreAuthorize("hasAnyRole('offender-manager', 'admin')")
    public ResponseEntity<List<ProgrammeEligibilityDto>> listProgrammeEligibility() {
        return ResponseEntity.ok(eligibility.all().stream()
                .map(p -> new ProgrammeEligibilityDto()
                        .programmeCode(p.programmeCode())
                        .programmeName(p.programmeName())
                        .pathways(p.pathways().stream()
                                .map(x -> ProgrammePathwayDto.valueOf(x.name()))
                                .toList())
                        .sexes(p.sexes().stream()
                                .map(x -> SexDto.valueOf(x.name()))
                                .toList())
                        .minimumAge(p.minimumAge())
                        .riskLevels(p.riskLevels().stream()
                                .map(x -> RiskLevelDto.valueOf(x.name()))
                                .toList())
                        .receivedAt(p.receivedAt().atOffset(ZoneOffset.UTC)))
                .toList());
    }

    private RoutingDto toDto(Routing routing) {
        return toDto(routing, LocalDate.now(clock));
    }

    /** The routing as the contract shows it, tasks judged overdue as of {@code today}; also for the subject access export. */
    public static RoutingDto toDto(Routing routing, LocalDate today) {
        RoutingDto dto = new RoutingDto()
                .caseId(routing.caseId())
                .status(RoutingStatusDto.valueOf(routing.status().name()))
                .allowedMoves(new ArrayList<>(
                        RoutingMachine.MACHINE.allowedMoves(routing.status(), StatusMachine.Actor.PERSON)))
                .overridesRecommendation(routing.decidedRoute() == null ? null : routing.overridesRecommendation());
        if (routing.facts() != null) {
            SuitabilityFacts f = routing.facts().facts();
            dto.facts(new RecordedFactsDto()
                    .facts(new SuitabilityFactsDto()
                            .willingToEngage(f.willingToEngage())
                            .consentsToGpsTag(f.consentsToGpsTag())
                            .drugMisuse(f.drugMisuse())
                            .alcoholMisuse(f.alcoholMisuse())
                            .housingNeed(f.housingNeed())
                            .inCustody(f.inCustody())
                            .existingOrders(f.existingOrders())
                            .notes(f.notes()))
                    .recordedBy(routing.facts().recordedBy())
                    .recordedAt(routing.facts().recordedAt().atOffset(ZoneOffset.UTC)));
        }
        if (routing.recommendation() != null) {
            Recommendation advised = routing.recommendation();
            RecommendationDto recommendation = new RecommendationDto()
                    .route(RouteDto.valueOf(advised.route().name()))
                    .reasons(new ArrayList<>(advised.reasons()))
                    .computedAt(
                            advised.computedAt() == null
                                    ? null
                                    : advised.computedAt().atOffset(ZoneOffset.UTC))
                    .referralRiskLevel(
                            advised.referralRiskLevel() == null
                                    ? null
                                    : RiskLevelDto.valueOf(
                                            advised.referralRiskLevel().name()));
            routing.recommendation()
                    .pathways()
                    .forEach(p -> recommendation.addPathwaysItem(PathwayDto.valueOf(p.name())));
            dto.recommendation(recommendation);
        }
        if (routing.decidedRoute() != null) {
            dto.decidedRoute(RouteDto.valueOf(routing.decidedRoute().name()));
            routing.decidedPathways().forEach(p -> dto.addDecidedPathwaysItem(PathwayDto.valueOf(p.name())));
        }
        routing.history()
                .forEach(change -> dto.addHistoryItem(new StatusChangeDto()
                        .from(change.from())
                        .to(change.to())
                        .move(change.move())
                        .by(change.by())
                        .at(change.at().atOffset(ZoneOffset.UTC))
                        .reason(change.reason())));
        routing.tasks().forEach(task -> dto.addTasksItem(DisruptionTaskDtos.toDto(routing.caseId(), task, today)));
        return dto;
    }
}
