package uk.dapp.riskmatrix.nominal;

/** What to search nominals by; each part optional, all given parts must match. */
public record NominalSearch(String nameFragment, String identifier, String area, Boolean serial) {
}
