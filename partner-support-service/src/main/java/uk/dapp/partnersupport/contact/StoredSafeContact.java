package uk.dapp.partnersupport.contact;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Safe contact details as stored: every detail encrypted on its own (FieldCipher:
 * {@code v2:<keyId>:<ciphertext>}, or v1 until re-encrypted), bound to this track and field. One per track.
 */
@Document(StoredSafeContact.COLLECTION)
record StoredSafeContact(
        @Id String trackId,
        String caseId,
        String safeNumber,
        String safeTimes,
        String mayLeaveMessage,
        String codeWord,
        String updatedBy,
        Instant updatedAt,
        @Version Long version) {

    static final String COLLECTION = "safe_contacts";

    @Override
    public String toString() {
        return "StoredSafeContact[" + trackId + ", v" + version + "]";
    }
}
