package uk.dapp.riskmatrix.routing;

/** Where a nominal stands in routing; moves between them are declared in {@link RoutingMachine}. */
public enum RoutingStatus { AWAITING_DECISION, ENGAGED, CATCH_AND_CONVICT, AWAITING_REROUTING }
