package uk.dapp.programme.holding;

import java.util.UUID;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;
import uk.dapp.platform.audit.AuditWriter;
import uk.dapp.platform.caseid.CaseId;
import uk.dapp.platform.holding.HoldingStore;
import uk.dapp.platform.security.CurrentUser;
import uk.dapp.platform.security.Roles;

/**
 * Which cases partner support supports (at least one partner track open), as partner support told
 * this service through its outbox: a projection in {@value #COLLECTION}, keyed by an opaque reference
 * per track, never anything about the partner (ADR 0009). A partner support worker reads a case's
 * programme status only while the case is supported.
 */
@Service
public class TrackHoldings {

    static final String COLLECTION = "track_holdings";
    /** The audit resource of a change received; withheld from the man's subject access export (it is hers). */
    public static final String RESOURCE = "track-holding";

    private final HoldingStore store;

    TrackHoldings(MongoTemplate mongo, AuditWriter audit) {
        this.store = new HoldingStore(mongo, COLLECTION, audit, RESOURCE);
    }

    /** A track opened or closed; false when the change is not newer than what is known (a repeat, or late). */
    public boolean receive(CaseId caseId, UUID trackRef, boolean held, long sequence) {
        return store.apply(caseId, trackRef.toString(), held, sequence);
    }

    public boolean supported(CaseId caseId) {
        return store.holds(caseId);
    }

    /**
     * Lets the caller read {@code resource} of the case: anyone the contract admits who is not only a
     * partner support worker, and a partner support worker only for a case partner support supports.
     * Otherwise the refused read is audited and the answer is 404 (ADR 0009).
     */
    public void requireReadable(CaseId caseId, String resource) {
        CurrentUser user = CurrentUser.get();
        boolean programmeRole = user.hasRole(Roles.FACILITATOR) || user.hasRole(Roles.SERVICE_MANAGER);
        if (user.hasRole(Roles.PARTNER_SUPPORT_WORKER) && !programmeRole) {
            store.requireHeld(caseId, resource, "not a case partner support supports");
        }
    }
}
