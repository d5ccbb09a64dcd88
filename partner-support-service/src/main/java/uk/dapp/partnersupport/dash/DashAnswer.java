package uk.dapp.partnersupport.dash;

public enum DashAnswer {
    YES,
    NO,
    NOT_KNOWN
}
