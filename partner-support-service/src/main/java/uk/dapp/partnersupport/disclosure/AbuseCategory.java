package uk.dapp.partnersupport.disclosure;

public enum AbuseCategory {
    PHYSICAL,
    SEXUAL,
    EMOTIONAL,
    COERCIVE_CONTROL,
    ECONOMIC,
    STALKING_HARASSMENT,
    THREATS,
    CHILD_RELATED,
    BREACH_OF_ORDER,
    OTHER
}
