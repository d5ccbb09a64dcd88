package uk.dapp.riskmatrix.values;

/** Where a nominal stands in routing; moves between them are declared in routing.RoutingMachine. */
public enum RoutingStatus {
    AWAITING_DECISION,
    ENGAGED,
    CATCH_AND_CONVICT,
    AWAITING_REROUTING
}
