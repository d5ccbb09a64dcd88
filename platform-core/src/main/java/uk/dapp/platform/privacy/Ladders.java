package uk.dapp.platform.privacy;

/** Values the generalisation ladders share. */
public final class Ladders {

    /** Shown when the value was never recorded; kept as its own class, like any other value. */
    public static final String UNKNOWN = "UNKNOWN";

    /** Shown for an age or sex taken off the extract altogether. */
    public static final String SUPPRESSED = "*";

    /** Shown for an area taken off the extract altogether. */
    public static final String ALL_AREAS = "ALL";

    private Ladders() {}
}
