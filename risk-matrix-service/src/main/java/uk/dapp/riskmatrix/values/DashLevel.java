package uk.dapp.riskmatrix.values;

/** The DASH risk level assessed at the time of an incident. */
public enum DashLevel { STANDARD, MEDIUM, HIGH, NOT_ASSESSED }
