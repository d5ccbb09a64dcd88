package uk.dapp.partnersupport.track;

import java.util.List;
import org.springframework.stereotype.Component;
import uk.dapp.partnersupport.crypto.EncryptedField;
import uk.dapp.partnersupport.crypto.EncryptedFields;
import uk.dapp.partnersupport.crypto.FieldCipher;

/**
 * A partner's name: the most identifying thing the service holds about her, so it is stored
 * encrypted like her safe contact details, bound to its track, and decrypted only to answer a partner
 * support worker reading the track (or her own export). Never logged. Releases before this one stored
 * it in the clear; such a name is read as it is until the re-encryption job encrypts it.
 */
@Component
class PartnerNames implements EncryptedFields {

    private static final EncryptedField NAME =
            new EncryptedField(PartnerTrack.COLLECTION, "partnerName", "partnerName", true);

    private final FieldCipher cipher;

    PartnerNames(FieldCipher cipher) {
        this.cipher = cipher;
    }

    /** The stored form of a name (already checked not blank). */
    String seal(String trackId, String name) {
        return cipher.encrypt(name.strip(), NAME.context(trackId));
    }

    /** The name in the clear. */
    String open(PartnerTrack track) {
        return track.partnerName() == null ? null : cipher.decrypt(NAME, track.partnerName(), track.trackId());
    }

    @Override
    public List<EncryptedField> encryptedFields() {
        return List.of(NAME);
    }
}
