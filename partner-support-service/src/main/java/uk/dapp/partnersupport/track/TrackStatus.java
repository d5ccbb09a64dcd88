package uk.dapp.partnersupport.track;

/** Where a partner track stands; the moves between them are declared in {@link TrackLifecycle}. */
public enum TrackStatus {
    OPEN,
    CLOSED
}
