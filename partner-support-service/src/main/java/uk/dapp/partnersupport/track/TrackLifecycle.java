package uk.dapp.partnersupport.track;

import uk.dapp.platform.status.StatusMachine;

/** The partner track's status machine, declared once: an open track may be closed; a closed track takes no move. */
public final class TrackLifecycle {

    public static final String CLOSE = "close";

    public static final StatusMachine<TrackStatus> MACHINE = StatusMachine.of("partner track", TrackStatus.class)
            .allow(TrackStatus.OPEN, CLOSE, TrackStatus.CLOSED)
            .build();

    private TrackLifecycle() {}
}
