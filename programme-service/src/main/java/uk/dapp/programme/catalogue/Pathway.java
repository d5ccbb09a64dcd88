package uk.dapp.programme.catalogue;

/** The programme pathways a risk-matrix ENGAGE decision can name (risk-matrix-service.yaml, EngageReferralEvent). */
public enum Pathway {
    CHANGE_PROGRAMME, DRIVE
}
