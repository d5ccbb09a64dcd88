package uk.dapp.riskmatrix.referencedata;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import uk.dapp.platform.audit.AuditAction;
import uk.dapp.platform.audit.AuditWriter;
import uk.dapp.platform.problem.NotFoundException;
import uk.dapp.platform.security.CurrentUser;

/**
 * Versions of the scoring weights. The newest version is current; creating one never touches
 * another. With no version stored, the synthetic example is stored as version 1.
 */
@Service
public class ReferenceDataService {

    static final String RESOURCE = "reference-data";

    private final ReferenceDataRepository versions;
    private final AuditWriter audit;
    private final Clock clock;
    private final AtomicReference<ReferenceData> current = new AtomicReference<>();

    ReferenceDataService(ReferenceDataRepository versions, AuditWriter audit, Clock clock) {
        this.versions = versions;
        this.audit = audit;
        this.clock = clock;
    }

    /** The version new scores use (cached; versions are immutable, so only a newer one replaces it). */
    public ReferenceData current() {
        ReferenceData latest = versions.findFirstByOrderByVersionDesc().orElseGet(this::seed);
        ReferenceData cached = current.get();
        if (cached != null && cached.version().equals(latest.version())) {
            return cached;
        }
        current.set(latest);
        return latest;
    }

    /** A stored version, for reproducing a score. */
    public ReferenceData version(int version) {
        return versions.findById(version)
                .orElseThrow(() -> new NotFoundException("No reference data version " + version));
    }

    public ReferenceData read(int version) {
        current();
        ReferenceData data = version(version);
        audit.record(AuditAction.READ, null, RESOURCE, String.valueOf(version));
        return data;
    }

    public List<ReferenceData> list() {
        current();
        audit.record(AuditAction.SEARCH, null, RESOURCE, null);
        return versions.findAllByOrderByVersionDesc();
    }

    /** Stores the table as the next version; a concurrent creation makes one of the two 409 (unique key). */
    public ReferenceData create(ReferenceData table) {
        ReferenceDataRules.check(table);
        int next = current().version() + 1;
        ReferenceData stored = versions.insert(
                table.withVersion(next, clock.instant(), CurrentUser.get().username()));
        audit.record(AuditAction.CREATE, null, RESOURCE, String.valueOf(stored.version()));
        return stored;
    }

    private ReferenceData seed() {
        try {
            return versions.insert(ExampleReferenceData.version1(clock.instant()));
        } catch (DuplicateKeyException seededElsewhere) {
            return versions.findById(1).orElseThrow();
        }
    }
}
