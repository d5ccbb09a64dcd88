package uk.dapp.riskmatrix.values;

/** Support pathways for an engaged nominal. */
public enum Pathway {
    OFFENDER_MANAGEMENT, DRUG_REHABILITATION, ALCOHOL_GROUP, CHANGE_PROGRAMME, DRIVE, GPS_TAG, HOUSING, PROBATION
}
