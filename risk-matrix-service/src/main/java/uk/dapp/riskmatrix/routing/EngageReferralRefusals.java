package uk.dapp.riskmatrix.routing;

import org.springframework.stereotype.Component;
import uk.dapp.platform.caseid.CaseId;
import uk.dapp.platform.outbox.OutboxMessage;
import uk.dapp.platform.outbox.RefusalHandler;

/**
 * When programme-service refuses an ENGAGE referral for good (the person is not one the programme
 * takes, or the message cannot be taken at all), the relay asks this before closing the message as
 * REJECTED: the nominal goes back for a routing decision with the programme's words
 * ({@link RoutingService#applyReferralRefused}), applied once per message ID. So a refused referral is
 * never a closed message nobody is told of.
 */
@Component
class EngageReferralRefusals implements RefusalHandler {

    private final RoutingService routing;

    EngageReferralRefusals(RoutingService routing) {
        this.routing = routing;
    }

    @Override
    public void refused(OutboxMessage message, String reason) {
        if (!EngageReferral.TYPE.isTypeOf(message)) {
            return;
        }
        EngageReferral referral = EngageReferral.TYPE.payloadOf(message.payload());
        routing.applyReferralRefused(CaseId.parse(referral.caseId()), message.id(), referral, reason);
    }
}
