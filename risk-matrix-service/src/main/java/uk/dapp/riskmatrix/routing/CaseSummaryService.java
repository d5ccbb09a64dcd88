package uk.dapp.riskmatrix.routing;

import org.springframework.stereotype.Service;
import uk.dapp.platform.audit.AuditAction;
import uk.dapp.platform.audit.AuditWriter;
import uk.dapp.platform.caseid.CaseId;
import uk.dapp.riskmatrix.nominal.Nominal;
import uk.dapp.riskmatrix.nominal.NominalService;

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

    /** A case's nominal (without incidents) and its routing. */
    public record CaseSummary(Nominal nominal, Routing routing) {}

    public CaseSummary summary(CaseId caseId) {
        Nominal nominal = nominals.loadSummary(caseId);
        Routing routing = routings.findById(nominal.caseId()).orElseGet(() -> Routing.fresh(nominal.caseId()));
        audit.record(AuditAction.READ, nominal.caseId(), RESOURCE, nominal.caseId());
        return new CaseSummary(nominal, routing);
    }
}
