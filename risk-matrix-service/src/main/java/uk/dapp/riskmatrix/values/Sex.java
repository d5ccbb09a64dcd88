package uk.dapp.riskmatrix.values;

/** The sex recorded for a nominal: the programme's eligibility and the evaluators' outcomes use it. */
public enum Sex {
    MALE,
    FEMALE
}
