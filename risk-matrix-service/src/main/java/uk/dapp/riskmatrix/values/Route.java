package uk.dapp.riskmatrix.routing;

public enum Route { ENGAGE, CATCH_AND_CONVICT }
