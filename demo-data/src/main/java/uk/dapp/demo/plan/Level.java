package uk.dapp.demo.plan;

/** A DASH risk level; NOT_ASSESSED only for incidents. */
public enum Level {
    NOT_ASSESSED,
    STANDARD,
    MEDIUM,
    HIGH;

    public boolean atLeast(Level other) {
        return ordinal() >= other.ordinal();
    }
}
