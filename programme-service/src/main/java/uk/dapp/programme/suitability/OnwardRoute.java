package uk.dapp.programme.suitability;

/** Where a person not suitable for the programme goes instead (docs/domain/programmes.md). */
public enum OnwardRoute {
    ONE_TO_ONE_WORK,
    RISK_MATRIX_DISRUPTION,
    SPECIALIST_SERVICE
}
