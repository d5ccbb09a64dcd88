package uk.dapp.demo.plan;

/** The suitability facts the offender manager records before deciding a route. */
public record Facts(
        boolean willingToEngage,
        boolean consentsToGpsTag,
        boolean drugMisuse,
        boolean alcoholMisuse,
        boolean housingNeed,
        boolean inCustody,
        boolean existingOrders) {}
