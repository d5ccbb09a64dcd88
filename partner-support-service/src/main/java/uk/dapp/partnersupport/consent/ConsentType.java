package uk.dapp.partnersupport.consent;

public enum ConsentType {
    SUPPORT,
    INFORMATION_SHARING
}
