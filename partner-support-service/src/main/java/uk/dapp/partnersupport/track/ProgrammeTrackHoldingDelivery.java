package uk.dapp.partnersupport.track;

import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import uk.dapp.client.programme.ApiClient;
import uk.dapp.client.programme.api.CaseEventsApi;
import uk.dapp.client.programme.model.TrackHeldEvent;
import uk.dapp.platform.calls.ServiceCalls;
import uk.dapp.platform.holding.HoldingChange;
import uk.dapp.platform.outbox.CaseEventDelivery;
import uk.dapp.platform.outbox.Destinations;

/**
 * Tells programme-service's receiver that a track opened or closed, by its opaque reference only. A
 * PUT keyed by the message ID; the receiver applies only a newer change, so it is safe to repeat.
 */
@Component
class ProgrammeTrackHoldingDelivery extends CaseEventDelivery<TrackHeldEvent> {

    private final CaseEventsApi programme;

    ProgrammeTrackHoldingDelivery(ServiceCalls calls) {
        super(calls, Destinations.PROGRAMME, PartnerTrack.TRACK_HELD);
        ApiClient client = new ApiClient(calls.prepare(ApiClient.buildRestClientBuilder()).build());
        client.setBasePath(calls.baseUrl(Destinations.PROGRAMME));
        this.programme = new CaseEventsApi(client);
    }

    @Override
    protected TrackHeldEvent event(Map<String, Object> payload) {
        HoldingChange change = HoldingChange.of(payload, PartnerTrack.TRACK_REF);
        return new TrackHeldEvent()
                .caseId(change.caseId())
                .trackRef(UUID.fromString(change.key()))
                .held(change.held())
                .sequence(change.sequence());
    }

    @Override
    protected void put(UUID messageId, TrackHeldEvent event) {
        programme.receiveTrackHolding(messageId, event);
    }
}
