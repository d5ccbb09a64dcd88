package uk.dapp.riskmatrix.cohort;

import java.time.LocalDate;

/**
 * One scored incident as the cohort's harm trend needs it: its day and offence. Its harm days are
 * looked up with the current weights when the trend is read, as the trend has always been computed.
 */
public record HarmFigure(LocalDate date, String offenceCode) {}
