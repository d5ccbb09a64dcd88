package uk.dapp.programme.suitability;

public enum SuitabilityOutcome {
    SUITABLE,
    NEEDS_MOTIVATIONAL_WORK,
    NOT_SUITABLE
}
