package uk.dapp.riskmatrix.values;

/** One RFGV component: the measured value, the points it earned, and the band or rule in words. */
public record ScoreComponent(int value, int points, String basis) {}
