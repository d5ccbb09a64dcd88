package uk.dapp.riskmatrix.nominal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import uk.dapp.platform.audit.AuditAction;
import uk.dapp.platform.audit.AuditWriter;
import uk.dapp.platform.caseid.CaseId;
import uk.dapp.platform.caseid.CaseIdGenerator;
import uk.dapp.platform.problem.ConflictException;
import uk.dapp.platform.problem.NotFoundException;
import uk.dapp.platform.security.CurrentUser;

/** Registers and reads nominals; every access is audited. */
@Service
public class NominalService {

    static final String RESOURCE = "nominal";

    private final NominalRepository nominals;
    private final CaseIdGenerator caseIds;
    private final AuditWriter audit;
    private final Clock clock;

    NominalService(NominalRepository nominals, CaseIdGenerator caseIds, AuditWriter audit, Clock clock) {
        this.nominals = nominals;
        this.caseIds = caseIds;
        this.audit = audit;
        this.clock = clock;
    }

    /** Opens a case for a new nominal; the same police identifier twice is refused, naming the case it belongs to. */
    public Nominal register(NominalRegistration registration) {
        registration.check(LocalDate.now(clock));
        nominals.findByPoliceId(registration.policeId()).ifPresent(NominalService::refuseDuplicate);
        Nominal nominal = new Nominal(caseIds.next().value(), registration.givenName().strip(),
                registration.familyName().strip(), registration.dateOfBirth(), registration.policeId(),
                registration.probationId(), registration.area().strip(), clock.instant(),
                CurrentUser.get().username(), null);
        Nominal stored;
        try {
            stored = nominals.insert(nominal);
        } catch (DuplicateKeyException raced) {
            // another request registered the same police identifier between our check and our insert
            nominals.findByPoliceId(registration.policeId()).ifPresent(NominalService::refuseDuplicate);
            throw raced;
        }
        audit.record(AuditAction.CREATE, stored.caseId(), RESOURCE, stored.caseId());
        return stored;
    }

    public Nominal get(CaseId caseId) {
        Nominal nominal = nominals.findById(caseId.value())
                .orElseThrow(() -> new NotFoundException("No nominal has case ID " + caseId.value()));
        audit.record(AuditAction.READ, nominal.caseId(), RESOURCE, nominal.caseId());
        return nominal;
    }

    private static void refuseDuplicate(Nominal existing) {
        throw new ConflictException("A nominal with this police identifier is already registered",
                Map.of("existingCaseId", existing.caseId()));
    }
}
