package uk.dapp.programme.referral;

import java.time.Instant;
import uk.dapp.platform.outbox.CaseEvent;
import uk.dapp.platform.outbox.CaseEventType;
import uk.dapp.platform.outbox.Destinations;

/**
 * An assessment found the referral not suitable with the onward route back to the risk matrix for
 * disruption (risk-matrix-service.yaml ReturnForDisruptionEvent): the matrix returns an engaged nominal
 * for a new routing decision, as it does for an exit for non-compliance. Facts only.
 */
public record ReturnForDisruption(String caseId, String referralId, String programmeCode, Instant assessedAt)
        implements CaseEvent {

    public static final CaseEventType<ReturnForDisruption> TYPE =
            CaseEventType.of("return-for-disruption.v1", Destinations.RISK_MATRIX, ReturnForDisruption.class);
}
