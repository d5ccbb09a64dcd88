package uk.dapp.riskmatrix.cohort;

import uk.dapp.riskmatrix.values.RoutingStatus;

/** Which nominals are on the matrix: a score threshold and/or the top N, within an area, flag and routing status. */
public record CohortFilter(Integer threshold, Integer top, String area, Boolean serial, RoutingStatus routingStatus) {
}
