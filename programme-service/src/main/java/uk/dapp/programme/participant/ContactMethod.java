package uk.dapp.programme.participant;

/** How a participant prefers to be contacted. */
public enum ContactMethod {
    PHONE,
    EMAIL,
    LETTER
}
