package uk.dapp.programme.referral;

import java.time.Instant;

/**
 * A message another service must eventually receive, kept inside the referral document so it is
 * written in the same single-document (atomic) save as the status change that caused it: the
 * embedded store has no multi-document transactions. A relay (a later issue) delivers pending
 * messages at least once to idempotent receivers (keyed by {@code messageId}) and stamps
 * {@code deliveredAt}. Only the case ID and facts travel, never free text.
 */
public record OutboxMessage(String messageId, Destination destination, String kind, String caseId,
        String programmeCode, ReferralStatus exitStatus, Instant createdAt, Instant deliveredAt) {

    public enum Destination { PARTNER_SUPPORT, RISK_MATRIX }

    public static final String PROGRAMME_EXIT = "PROGRAMME_EXIT";
}
