package uk.dapp.partnersupport.track;

/** Where a partner track stands; contact, safety planning and closing extend it. */
public enum TrackStatus {
    OPEN
}
