package uk.dapp.partnersupport.disclosure;

public enum OutboxStatus {
    PENDING, DELIVERED
}
