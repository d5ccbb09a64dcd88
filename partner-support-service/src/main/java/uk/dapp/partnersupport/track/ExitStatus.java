package uk.dapp.partnersupport.track;

/** How a programme ended for the case, as the programme reports it. */
public enum ExitStatus {
    COMPLETED,
    DROPPED_OUT,
    EXCLUDED,
    TRANSFERRED,
    BREACHED,
    WITHDRAWN
}
