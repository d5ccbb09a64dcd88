package uk.dapp.programme.outbox;

import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.stereotype.Component;
import uk.dapp.client.riskmatrix.ApiClient;
import uk.dapp.client.riskmatrix.api.CaseEventsApi;
import uk.dapp.client.riskmatrix.model.ProgrammeExitEvent;
import uk.dapp.platform.calls.ServiceCalls;
import uk.dapp.platform.outbox.Destinations;
import uk.dapp.platform.outbox.OutboxDelivery;
import uk.dapp.platform.outbox.OutboxMessage;
import uk.dapp.programme.referral.ReferralEvents;

/**
 * Exits for non-compliance back to the risk matrix for re-routing, through its generated client: a
 * PUT keyed by the message ID that the risk matrix applies once, so it is safe to repeat.
 */
@Component
class RiskMatrixDelivery implements OutboxDelivery {

    private final ServiceCalls calls;
    private final CaseEventsApi api;

    RiskMatrixDelivery(ServiceCalls calls) {
        this.calls = calls;
        ApiClient client = new ApiClient(calls.prepare(ApiClient.buildRestClientBuilder()).build());
        client.setBasePath(calls.baseUrl(Destinations.RISK_MATRIX));
        this.api = new CaseEventsApi(client);
    }

    @Override
    public String destination() {
        return Destinations.RISK_MATRIX;
    }

    @Override
    public boolean handles(String type) {
        return ReferralEvents.PROGRAMME_EXIT.equals(type);
    }

    @Override
    public void deliver(OutboxMessage message) throws Exception {
        UUID messageId = UUID.fromString(message.id());
        ReferralEvents.ProgrammeExit facts = ReferralEvents.ProgrammeExit.of(message.payload());
        ProgrammeExitEvent event = new ProgrammeExitEvent()
                .caseId(facts.caseId())
                .referralId(UUID.fromString(facts.referralId()))
                .programmeCode(facts.programmeCode())
                .exitStatus(ProgrammeExitEvent.ExitStatusEnum.fromValue(facts.exitStatus().name()))
                .nonCompliance(facts.nonCompliance())
                .exitedAt(facts.exitedAt().atOffset(ZoneOffset.UTC));
        calls.call(destination(), ServiceCalls.Safety.IDEMPOTENT, () -> {
            api.receiveProgrammeExit(messageId, event);
            return null;
        });
    }
}
