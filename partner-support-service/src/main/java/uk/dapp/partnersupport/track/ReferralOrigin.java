package uk.dapp.partnersupport.track;

import java.time.Instant;

/**
 * The programme referral a track was opened from.
 *
 * @param messageId      the programme's outbox message that opened it (the track ID derives from it)
 * @param encryptedPhone a number the referrer gave, not yet known to be safe to call: AES-GCM
 *                       ciphertext bound to this track and field (see {@link ReferralPhones}), or null
 */
public record ReferralOrigin(
        String messageId, String referralId, String programmeCode, Instant referredAt, String encryptedPhone) {

    @Override
    public String toString() {
        return "ReferralOrigin[" + referralId + ", " + programmeCode + "]";
    }
}
