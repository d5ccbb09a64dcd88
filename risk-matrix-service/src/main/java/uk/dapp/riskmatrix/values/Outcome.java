package uk.dapp.riskmatrix.values;

/** How the police dealt with an incident, as recorded. */
public enum Outcome {
    CHARGED,
    CAUTIONED,
    COMMUNITY_RESOLUTION,
    NO_FURTHER_ACTION,
    UNDER_INVESTIGATION,
    NOT_APPLICABLE;

    /**
     * Whether this is a criminal-justice outcome, the "positive outcome" a catch-and-convict
     * decision is after: a charge (the case goes to court) or a caution (a formal disposal, admitted
     * and kept on record). A community resolution is not one: it is informal, and national guidance
     * advises against it for domestic abuse. No further action is not, nor is an investigation still
     * open (not an outcome yet), nor an incident where none applies.
     */
    public boolean justiceOutcome() {
        return this == CHARGED || this == CAUTIONED;
    }
}
