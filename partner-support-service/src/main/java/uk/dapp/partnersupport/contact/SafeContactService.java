package uk.dapp.partnersupport.contact;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import uk.dapp.partnersupport.crypto.EncryptedField;
import uk.dapp.partnersupport.crypto.EncryptedFields;
import uk.dapp.partnersupport.crypto.FieldCipher;
import uk.dapp.partnersupport.track.PartnerTrack;
import uk.dapp.partnersupport.track.PartnerTrackService;
import uk.dapp.platform.audit.AuditAction;
import uk.dapp.platform.audit.AuditWriter;
import uk.dapp.platform.problem.ConflictException;
import uk.dapp.platform.problem.NotFoundException;
import uk.dapp.platform.problem.RuleViolationException;
import uk.dapp.platform.security.CurrentUser;

/**
 * Safe contact details: encrypted field by field before they reach the store, decrypted only to answer
 * a partner support worker, never logged (no value appears in any message or exception). Writes always
 * use the keyset's primary key; the re-encryption job moves older values to it (the fields are listed here).
 */
@Service
class SafeContactService implements EncryptedFields {

    static final String RESOURCE = "safe-contact";

    private static final EncryptedField SAFE_NUMBER = field("safeNumber");
    private static final EncryptedField SAFE_TIMES = field("safeTimes");
    private static final EncryptedField MAY_LEAVE_MESSAGE = field("mayLeaveMessage");
    private static final EncryptedField CODE_WORD = field("codeWord");

    /** What a reader gets: the details and who last changed them. */
    record View(String trackId, SafeContactDetails details, String updatedBy, Instant updatedAt, long version) {}

    private final SafeContactRepository store;
    private final PartnerTrackService tracks;
    private final FieldCipher cipher;
    private final AuditWriter audit;
    private final Clock clock;

    SafeContactService(
            SafeContactRepository store,
            PartnerTrackService tracks,
            FieldCipher cipher,
            AuditWriter audit,
            Clock clock) {
        this.store = store;
        this.tracks = tracks;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    View put(UUID trackId, SafeContactDetails details, long expectedVersion) {
        if (details.safeTimes().isBlank()) {
            throw new RuleViolationException("safeTimes", "NotBlank", "say when it is safe to call");
        }
        if (details.codeWord().isBlank()) {
            throw new RuleViolationException("codeWord", "NotBlank", "the code word must not be blank");
        }
        PartnerTrack track = tracks.findOpen(trackId);
        boolean exists = store.existsById(track.trackId());
        if (!exists && expectedVersion != 0) {
            throw new ConflictException(
                    "No safe contact details are stored yet: send version 0", Map.of("currentVersion", "none"));
        }
        String id = track.trackId();
        StoredSafeContact saved = store.save(new StoredSafeContact(
                id,
                track.caseId(),
                cipher.encrypt(details.safeNumber().strip(), SAFE_NUMBER.context(id)),
                cipher.encrypt(details.safeTimes().strip(), SAFE_TIMES.context(id)),
                cipher.encrypt(Boolean.toString(details.mayLeaveMessage()), MAY_LEAVE_MESSAGE.context(id)),
                cipher.encrypt(details.codeWord().strip(), CODE_WORD.context(id)),
                CurrentUser.get().username(),
                clock.instant(),
                exists ? expectedVersion : null));
        audit.record(exists ? AuditAction.UPDATE : AuditAction.CREATE, track.caseId(), RESOURCE, id);
        return view(saved);
    }

    View get(UUID trackId) {
        PartnerTrack track = tracks.find(trackId);
        StoredSafeContact stored = store.findById(track.trackId())
                .orElseThrow(() -> new NotFoundException("No safe contact details are recorded for this track"));
        audit.record(AuditAction.READ, track.caseId(), RESOURCE, track.trackId());
        return view(stored);
    }

    /** The details in the clear; unaudited: callers audit what they return. */
    View view(StoredSafeContact stored) {
        String id = stored.trackId();
        SafeContactDetails details = new SafeContactDetails(
                cipher.decrypt(stored.safeNumber(), SAFE_NUMBER.context(id)),
                cipher.decrypt(stored.safeTimes(), SAFE_TIMES.context(id)),
                Boolean.parseBoolean(cipher.decrypt(stored.mayLeaveMessage(), MAY_LEAVE_MESSAGE.context(id))),
                cipher.decrypt(stored.codeWord(), CODE_WORD.context(id)));
        return new View(id, details, stored.updatedBy(), stored.updatedAt(), stored.version());
    }

    @Override
    public List<EncryptedField> encryptedFields() {
        return List.of(SAFE_NUMBER, SAFE_TIMES, MAY_LEAVE_MESSAGE, CODE_WORD);
    }

    private static EncryptedField field(String name) {
        return new EncryptedField(StoredSafeContact.COLLECTION, name, name);
    }
}
