package uk.dapp.partnersupport.track;

import java.util.List;
import org.springframework.stereotype.Component;
import uk.dapp.partnersupport.crypto.EncryptedField;
import uk.dapp.partnersupport.crypto.EncryptedFields;
import uk.dapp.partnersupport.crypto.FieldCipher;

/**
 * The number a referrer gave for a partner: encrypted before it is stored, bound to its track, and
 * decrypted only to answer a partner support worker reading the track. Never logged.
 */
@Component
class ReferralPhones implements EncryptedFields {

    private static final EncryptedField PHONE =
            new EncryptedField(PartnerTrack.COLLECTION, "referral.encryptedPhone", "referralPhone");

    private final FieldCipher cipher;

    ReferralPhones(FieldCipher cipher) {
        this.cipher = cipher;
    }

    /** The stored form of a number given at referral; null when none was given. */
    String seal(String trackId, String phone) {
        return phone == null || phone.isBlank() ? null : cipher.encrypt(phone.strip(), PHONE.context(trackId));
    }

    /** The number in the clear, or null. */
    String open(PartnerTrack track) {
        return track.referral() == null || track.referral().encryptedPhone() == null
                ? null
                : cipher.decrypt(track.referral().encryptedPhone(), PHONE.context(track.trackId()));
    }

    @Override
    public List<EncryptedField> encryptedFields() {
        return List.of(PHONE);
    }
}
