package uk.dapp.riskmatrix.nominal.web;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.data.domain.Page;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;
import uk.dapp.platform.caseid.CaseId;
import uk.dapp.riskmatrix.api.NominalsApi;
import uk.dapp.riskmatrix.api.model.CaseSummaryDto;
import uk.dapp.riskmatrix.api.model.NominalCreateDto;
import uk.dapp.riskmatrix.api.model.NominalDto;
import uk.dapp.riskmatrix.api.model.NominalPageDto;
import uk.dapp.riskmatrix.api.model.NominalUpdateDto;
import uk.dapp.riskmatrix.api.model.PathwayDto;
import uk.dapp.riskmatrix.api.model.RouteDto;
import uk.dapp.riskmatrix.api.model.RoutingStatusDto;
import uk.dapp.riskmatrix.api.model.SexDto;
import uk.dapp.riskmatrix.nominal.Nominal;
import uk.dapp.riskmatrix.nominal.NominalDetails;
import uk.dapp.riskmatrix.nominal.NominalRegistration;
import uk.dapp.riskmatrix.nominal.NominalSearch;
import uk.dapp.riskmatrix.nominal.NominalService;
import uk.dapp.riskmatrix.routing.CaseSummaryService;
import uk.dapp.riskmatrix.routing.Routing;
import uk.dapp.riskmatrix.scoring.ScoreDtos;
import uk.dapp.riskmatrix.values.Sex;

@RestController
public class NominalController implements NominalsApi {

    private final NominalService service;
    private final CaseSummaryService summaries;

    NominalController(NominalService service, CaseSummaryService summaries) {
        this.service = service;
        this.summaries = summaries;
    }

    @Override
    @PreAuthorize("hasRole('offender-manager')")
    public ResponseEntity<NominalDto> createNominal(NominalCreateDto body) {
        Nominal nominal = service.register(new NominalRegistration(
                body.getGivenName(),
                body.getFamilyName(),
                body.getDateOfBirth(),
                body.getPoliceId(),
                body.getProbationId(),
                body.getArea(),
                sex(body.getSex())));
        return ResponseEntity.created(URI.create("/nominals/" + nominal.caseId()))
                .body(toDto(nominal));
    }

    @Override
    @PreAuthorize("hasRole('offender-manager')")
    public ResponseEntity<NominalDto> getNominal(String caseId) {
        return ResponseEntity.ok(toDto(service.get(CaseId.parse(caseId))));
    }

    @Override
    @PreAuthorize("hasRole('offender-manager')")
    public ResponseEntity<NominalDto> updateNominal(String caseId, NominalUpdateDto body) {
        NominalRegistration details = new NominalRegistration(
                body.getGivenName(),
                body.getFamilyName(),
                body.getDateOfBirth(),
                body.getPoliceId(),
                body.getProbationId(),
                body.getArea(),
                sex(body.getSex()));
        return ResponseEntity.ok(
                toDto(service.update(CaseId.parse(caseId), new NominalDetails(details, body.getVersion()))));
    }

    @Override
    @PreAuthorize("hasRole('offender-manager')")
    public ResponseEntity<NominalPageDto> searchNominals(
            String name,
            LocalDate dateOfBirth,
            String identifier,
            String area,
            Boolean serial,
            Integer page,
            Integer size) {
        Page<Nominal> found =
                service.search(new NominalSearch(name, dateOfBirth, identifier, area, serial), page, size);
        NominalPageDto dto = new NominalPageDto()
                .page(page)
                .size(size)
                .totalItems(found.getTotalElements())
                .totalPages(found.getTotalPages());
        found.forEach(nominal -> dto.addItemsItem(toDto(nominal)));
        return ResponseEntity.ok(dto);
    }

    @Override
    @PreAuthorize("hasAnyRole('offender-manager', 'facilitator', 'service-manager')")
    public ResponseEntity<CaseSummaryDto> getCaseSummary(String caseId) {
        CaseSummaryService.CaseSummary summary = summaries.summary(CaseId.parse(caseId));
        Nominal nominal = summary.nominal();
        Routing routing = summary.routing();
        CaseSummaryDto dto = new CaseSummaryDto()
                .caseId(nominal.caseId())
                .area(nominal.area())
                .score(ScoreDtos.summary(nominal.score()))
                .routingStatus(RoutingStatusDto.valueOf(routing.status().name()));
        if (routing.decidedRoute() != null) {
            dto.decidedRoute(RouteDto.valueOf(routing.decidedRoute().name()))
                    .decidedAt(routing.decidedAt().atOffset(ZoneOffset.UTC));
            routing.decidedPathways().forEach(p -> dto.addDecidedPathwaysItem(PathwayDto.valueOf(p.name())));
        }
        return ResponseEntity.ok(dto);
    }

    private static Sex sex(SexDto sex) {
        return sex == null ? null : Sex.valueOf(sex.name());
    }

    /** The nominal as the contract shows it; also for the subject access export. */
    public static NominalDto toDto(Nominal nominal) {
        return new NominalDto()
                .caseId(nominal.caseId())
                .givenName(nominal.givenName())
                .familyName(nominal.familyName())
                .dateOfBirth(nominal.dateOfBirth())
                .policeId(nominal.policeId())
                .probationId(nominal.probationId())
                .area(nominal.area())
                .sex(nominal.sex() == null ? null : SexDto.valueOf(nominal.sex().name()))
                .createdAt(nominal.createdAt().atOffset(ZoneOffset.UTC))
                .version(nominal.version())
                .score(ScoreDtos.summary(nominal.score()))
                .routingStatus(RoutingStatusDto.valueOf(
                        nominal.routingStatusOrDefault().name()));
    }
}
