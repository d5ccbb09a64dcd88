package uk.dapp.partnersupport.household;

public enum AgeBand {
    UNDER_1,
    AGE_1_TO_4,
    AGE_5_TO_10,
    AGE_11_TO_15,
    AGE_16_TO_17
}
