package uk.dapp.platform.audit;

/** What was done to case data. */
public enum AuditAction {
    CREATE,
    READ,
    UPDATE,
    SEARCH
}
