package uk.dapp.riskmatrix.values;

/** What the offender manager asked and was answered, on which the recommendation rests. */
public record SuitabilityFacts(
        boolean willingToEngage,
        boolean consentsToGpsTag,
        boolean drugMisuse,
        boolean alcoholMisuse,
        boolean housingNeed,
        boolean inCustody,
        boolean existingOrders,
        String notes) {}
