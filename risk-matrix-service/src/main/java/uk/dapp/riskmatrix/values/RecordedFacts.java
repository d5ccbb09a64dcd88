package uk.dapp.riskmatrix.routing;

import java.time.Instant;

public record RecordedFacts(SuitabilityFacts facts, String recordedBy, Instant recordedAt) {
}
