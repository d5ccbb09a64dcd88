package uk.dapp.partnersupport.holding;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;
import uk.dapp.platform.audit.AuditWriter;
import uk.dapp.platform.caseid.CaseId;
import uk.dapp.platform.holding.HoldingStore;

/**
 * Which cases the programme holds (at least one referral open), as programme-service told this
 * service through its outbox: a projection in {@value #COLLECTION}, one document per case with each
 * referral's last known state and sequence (ADR 0009). Facilitators and service managers see the
 * partner support summary only of a case the programme holds.
 */
@Service
public class ReferralHoldings {

    static final String COLLECTION = "referral_holdings";
    static final String RESOURCE = "referral-holding";

    private final HoldingStore store;

    ReferralHoldings(MongoTemplate mongo, AuditWriter audit) {
        this.store = new HoldingStore(mongo, COLLECTION, audit, RESOURCE);
    }

    /** A referral opened or closed; false when the change is not newer than what is known (a repeat, or late). */
    public boolean receive(CaseId caseId, UUID referralId, boolean held, long sequence) {
        return store.apply(caseId, referralId.toString(), held, sequence);
    }

    /**
     * The W3C trace context the referral's holding was first received under (the ENGAGE decision's
     * trace, which made the referral), as stored, so that a partner track opened on the referral can
     * continue that trace (ADR 0017); empty for a referral received before contexts were kept.
     */
    public Optional<String> madeUnder(CaseId caseId, UUID referralId) {
        return store.madeUnder(caseId, referralId.toString());
    }

    public boolean held(CaseId caseId) {
        return store.holds(caseId);
    }

    /** Each referral's last known state, keyed by its ID (for tests). */
    public java.util.Map<String, uk.dapp.platform.holding.Holdings.Mark> marks(CaseId caseId) {
        return store.of(caseId).marks();
    }

    /** 404 (and the refused read audited as {@code resource}) unless the programme holds the case. */
    public void requireHeld(CaseId caseId, String resource) {
        store.requireHeld(caseId, resource, "not a case the programme holds");
    }
}
