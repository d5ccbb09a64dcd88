package uk.dapp.partnersupport.track;

public enum PartnerRelationship {
    CURRENT_PARTNER,
    EX_PARTNER
}
