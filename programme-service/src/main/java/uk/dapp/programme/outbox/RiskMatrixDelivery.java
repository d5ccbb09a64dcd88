package uk.dapp.programme.outbox;

import java.time.ZoneOffset;
import java.util.UUID;
import java.util.Map;
import org.springframework.stereotype.Component;
import uk.dapp.client.riskmatrix.ApiClient;
import uk.dapp.client.riskmatrix.api.CaseEventsApi;
import uk.dapp.client.riskmatrix.model.ProgrammeExitEvent;
import uk.dapp.platform.calls.ServiceCalls;
import uk.dapp.platform.outbox.Destinations;
import uk.dapp.platform.outbox.CaseEventDelivery;
import uk.dapp.programme.referral.ReferralEvents;

/**
 * Exits for non-compliance back to the risk matrix for re-routing, through its generated client: a
 * PUT keyed by the message ID that the risk matrix applies once, so it is safe to repeat.
 */
@Component
class RiskMatrixDelivery extends CaseEventDelivery<ProgrammeExitEvent> {

    private final CaseEventsApi api;

    RiskMatrixDelivery(ServiceCalls calls) {
        super(calls, Destinations.RISK_MATRIX, ReferralEvents.PROGRAMME_EXIT);
        ApiClient client = new ApiClient(calls.prepare(ApiClient.buildRestClientBuilder()).build());
        client.setBasePath(calls.baseUrl(Destinations.RISK_MATRIX));
        this.api = new CaseEventsApi(client);
    }

    @Override
    protected ProgrammeExitEvent event(Map<String, Object> payload) {
        ReferralEvents.ProgrammeExit facts = ReferralEvents.ProgrammeExit.of(payload);
        return new ProgrammeExitEvent()
                .caseId(facts.caseId())
                .referralId(UUID.fromString(facts.referralId()))
                .programmeCode(facts.programmeCode())
                .exitStatus(ProgrammeExitEvent.ExitStatusEnum.fromValue(facts.exitStatus().name()))
                .nonCompliance(facts.nonCompliance())
                .exitedAt(facts.exitedAt().atOffset(ZoneOffset.UTC));
    }

    @Override
    protected void put(UUID messageId, ProgrammeExitEvent event) {
        api.receiveProgrammeExit(messageId, event);
    }
}
