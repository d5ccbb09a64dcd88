package uk.dapp.riskmatrix.values;

/** Whether the incident was domestic abuse (the serial perpetrator flag counts only these). */
public enum IncidentType {
    DOMESTIC_ABUSE,
    OTHER
}
