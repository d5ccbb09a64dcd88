package uk.dapp.platform.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What an admin narrows the audit log to; every part is optional and the parts combine.
 *
 * @param caseId a case ID in canonical form
 * @param user a Keycloak username or subject ID, matched exactly
 * @param from inclusive
 * @param to exclusive
 */
public record AuditFilter(
        @Nullable String caseId,
        @Nullable String user,
        @Nullable AuditAction action,
        @Nullable Instant from,
        @Nullable Instant to) {}
