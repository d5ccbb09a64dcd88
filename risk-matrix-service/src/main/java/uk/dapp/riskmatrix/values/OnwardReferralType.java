package uk.dapp.riskmatrix.values;

/** Herts' Engage options beyond the programmes: the services an engaged nominal is referred on to. */
public enum OnwardReferralType {
    GPS_TAGGING,
    DRUG_REHABILITATION,
    ALCOHOL_TREATMENT,
    HOUSING,
    PROBATION
}
