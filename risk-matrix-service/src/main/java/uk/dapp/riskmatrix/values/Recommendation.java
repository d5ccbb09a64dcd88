package uk.dapp.riskmatrix.values;

import java.util.List;

/** The service's advice: a route, the pathways for ENGAGE, and why. */
public record Recommendation(Route route, List<Pathway> pathways, List<String> reasons) {
}
