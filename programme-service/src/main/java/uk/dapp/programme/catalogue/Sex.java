package uk.dapp.programme.catalogue;

public enum Sex {
    MALE,
    FEMALE
}
