package uk.dapp.riskmatrix.nominal;

/** Corrected details of a nominal, with the version the caller read. */
public record NominalDetails(NominalRegistration registration, long expectedVersion) {}
