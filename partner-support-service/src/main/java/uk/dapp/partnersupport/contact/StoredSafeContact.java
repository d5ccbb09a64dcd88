package uk.dapp.partnersupport.contact;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Safe contact details as stored: every detail AES-GCM encrypted on its own
 * ({@code v1:<keyId>:<iv>:<ciphertext>}), bound to this track and field. One per track.
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
