package uk.dapp.platform.audit.unusual;

/** Why an access is outside the normal pattern. */
public enum UnusualAccessRule {
    /** A read of a resource the service keeps for certain roles, by someone holding none of them. */
    RESTRICTED_RESOURCE_READ,
    /** An admin read of case data: admins do no casework, so every such read is break-glass. */
    ADMIN_CASEWORK_READ,
    /** One user reading more distinct cases within the window than anyone's work needs. */
    BULK_READ
}
