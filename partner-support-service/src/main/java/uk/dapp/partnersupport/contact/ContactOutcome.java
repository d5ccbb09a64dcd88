package uk.dapp.partnersupport.contact;

public enum ContactOutcome {
    REACHED,
    NO_ANSWER,
    UNSAFE_TO_TALK,
    WRONG_NUMBER
}
