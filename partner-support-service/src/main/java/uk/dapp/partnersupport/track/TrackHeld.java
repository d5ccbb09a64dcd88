package uk.dapp.partnersupport.track;

import uk.dapp.platform.outbox.CaseEvent;
import uk.dapp.platform.outbox.CaseEventType;
import uk.dapp.platform.outbox.Destinations;

/**
 * To programme-service when a partner track opens or closes (programme-service.yaml TrackHeldEvent):
 * whether it holds its case now, by the track's opaque reference only ({@link PartnerTrack#referenceOf}),
 * with the sequence of the change, which only grows for one track (ADR 0009).
 */
public record TrackHeld(String caseId, String trackRef, boolean held, long sequence) implements CaseEvent {

    public static final CaseEventType<TrackHeld> TYPE =
            CaseEventType.of("track-held.v1", Destinations.PROGRAMME, TrackHeld.class);
}
