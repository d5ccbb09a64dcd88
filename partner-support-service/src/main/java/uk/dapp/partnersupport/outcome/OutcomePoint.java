package uk.dapp.partnersupport.outcome;

/** When outcomes are asked, in order. */
public enum OutcomePoint {
    INTAKE,
    MIDWAY,
    EXIT
}
