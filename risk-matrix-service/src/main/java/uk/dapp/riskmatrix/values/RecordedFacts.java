package uk.dapp.riskmatrix.values;

import java.time.Instant;

public record RecordedFacts(SuitabilityFacts facts, String recordedBy, Instant recordedAt) {}
