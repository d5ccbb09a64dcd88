package uk.dapp.programme.catalogue;

/**
 * The programme pathways a risk-matrix ENGAGE decision can name (risk-matrix-service.yaml,
 * EngageReferralEvent): the Change group, Drive, and the women's group.
 */
public enum Pathway {
    CHANGE_PROGRAMME,
    DRIVE,
    WOMENS_GROUP
}
