package uk.dapp.riskmatrix.nominal;

import org.springframework.stereotype.Service;
import uk.dapp.platform.audit.AuditAction;
import uk.dapp.platform.audit.AuditWriter;
import uk.dapp.platform.caseid.CaseId;

/** Reads a nominal's current score (explained) and its history; audited. */
@Service
public class ScoreService {

    static final String RESOURCE = "score";

    private final NominalService nominals;
    private final AuditWriter audit;

    ScoreService(NominalService nominals, AuditWriter audit) {
        this.nominals = nominals;
        this.audit = audit;
    }

    public Nominal scored(CaseId caseId) {
        Nominal nominal = nominals.load(caseId);
        audit.record(AuditAction.READ, nominal.caseId(), RESOURCE, nominal.caseId());
        return nominal;
    }
}
