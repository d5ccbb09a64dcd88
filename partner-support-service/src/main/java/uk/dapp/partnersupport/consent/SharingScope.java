package uk.dapp.partnersupport.consent;

/** Who information may be shared with under an information-sharing consent. */
public enum SharingScope {
    PROGRAMME,
    POLICE,
    CHILDRENS_SOCIAL_CARE,
    MARAC,
    HEALTH
}
