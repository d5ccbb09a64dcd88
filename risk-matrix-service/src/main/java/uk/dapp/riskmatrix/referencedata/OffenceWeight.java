package uk.dapp.riskmatrix.referencedata;

/**
 * One offence of the weight table: whether it is a recorded crime, its harm in days of custody at
 * the sentencing starting point (Crime Harm Index style) and the gravity points it adds to RFGV.
 */
public record OffenceWeight(String code, String description, boolean crime, int harmDays, int gravityPoints) {}
