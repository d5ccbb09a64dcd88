package uk.dapp.riskmatrix.values;

public enum Route {
    ENGAGE,
    CATCH_AND_CONVICT
}
