package uk.dapp.riskmatrix.routing;

import java.time.ZoneOffset;
import org.springframework.stereotype.Service;
import uk.dapp.platform.audit.AuditAction;
import uk.dapp.platform.audit.AuditWriter;
import uk.dapp.platform.caseid.CaseId;
import uk.dapp.riskmatrix.api.model.CaseSummaryDto;
import uk.dapp.riskmatrix.api.model.PathwayDto;
import uk.dapp.riskmatrix.api.model.RouteDto;
import uk.dapp.riskmatrix.api.model.RoutingStatusDto;
import uk.dapp.riskmatrix.nominal.Nominal;
import uk.dapp.riskmatrix.nominal.NominalService;
import uk.dapp.riskmatrix.scoring.ScoreDtos;

/** The score summary and decision of a case, for facilitators and service managers: no incidents, no facts. */
@Service
public class CaseSummaryService {

    static final String RESOURCE = "case-summary";

    private final NominalService nominals;
    private final RoutingRepository routings;
    private final AuditWriter audit;

    CaseSummaryService(NominalService nominals, RoutingRepository routings, AuditWriter audit) {
        this.nominals = nominals;
        this.routings = routings;
        this.audit = audit;
    }

    public CaseSummaryDto summary(CaseId caseId) {
        Nominal nominal = nominals.loadSummary(caseId);
        Routing routing = routings.findById(nominal.caseId()).orElseGet(() -> Routing.fresh(nominal.caseId()));
        audit.record(AuditAction.READ, nominal.caseId(), RESOURCE, nominal.caseId());
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
        return dto;
    }
}
