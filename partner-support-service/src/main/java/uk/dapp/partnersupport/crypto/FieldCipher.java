package uk.dapp.partnersupport.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Field-level encryption with a Tink AEAD keyset. A stored value reads
 * {@code v2:<keyId>:<Tink ciphertext>} (base64): the primary key encrypts, any key of the keyset
 * decrypts what it wrote, and the key ID in the clear lets the re-encryption job find the values
 * still on an older key with a query. The record and field a value belongs to are bound in as
 * associated data, so a ciphertext cannot be moved to another record or field. Values of the first
 * format ({@code v1:...}, raw AES keys) are still read, through {@link LegacyFieldCipher}, until the
 * job has rewritten them. The keyset can be replaced while the service runs (a rotated Secret).
 * Nothing this class throws contains a plaintext or key material.
 */
public final class FieldCipher {

    static final String FORMAT = "v2";
    /** Tink's prefix before each ciphertext: a version byte, then the key ID (4 bytes, big-endian). */
    private static final int TINK_PREFIX = 5;

    private static final byte TINK_VERSION = 1;

    private record Keys(KeysetHandle keyset, Aead aead, int primaryId, Set<Integer> ids) {}

    private volatile Keys keys;
    private final LegacyFieldCipher legacy;

    FieldCipher(KeysetHandle keyset, LegacyFieldCipher legacy) {
        this.keys = keysOf(keyset);
        this.legacy = legacy;
    }

    /** A cipher over {@code keyset} that reads no v1 value. */
    public static FieldCipher of(KeysetHandle keyset) {
        return new FieldCipher(keyset, new LegacyFieldCipher(Map.of()));
    }

    /** Uses {@code keyset} from now on: new values are encrypted with its primary key. */
    public void useKeyset(KeysetHandle keyset) {
        this.keys = keysOf(keyset);
    }

    public KeysetHandle keyset() {
        return keys.keyset();
    }

    public int primaryKeyId() {
        return keys.primaryId();
    }

    /** How every value encrypted with the primary key begins; a value that does not is due for re-encryption. */
    public String primaryPrefix() {
        return prefix(keys.primaryId());
    }

    static String prefix(int keyId) {
        return FORMAT + ":" + Keysets.id(keyId) + ":";
    }

    /** Encrypts with the primary key; {@code context} names the record and field (associated data). */
    public String encrypt(String plaintext, String context) {
        Keys current = keys;
        try {
            byte[] sealed = current.aead().encrypt(plaintext.getBytes(StandardCharsets.UTF_8), aad(context));
            return prefix(current.primaryId())
                    + Base64.getEncoder().withoutPadding().encodeToString(sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "field encryption failed (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Decrypts with whichever key the value names, of the keyset or, for v1 values, the earlier keys. */
    public String decrypt(String stored, String context) {
        if (LegacyFieldCipher.isLegacy(stored)) {
            return legacy.decrypt(stored, context);
        }
        String[] parts = stored == null ? new String[0] : stored.split(":");
        if (parts.length != 3 || !FORMAT.equals(parts[0])) {
            throw new IllegalStateException("a stored field is not in an encrypted format (v2 or v1)");
        }
        Keys current = keys;
        byte[] sealed;
        int keyId;
        try {
            keyId = Integer.parseUnsignedInt(parts[1]);
            sealed = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("a stored field is not in the v2 encrypted format");
        }
        if (sealed.length <= TINK_PREFIX
                || sealed[0] != TINK_VERSION
                || ByteBuffer.wrap(sealed, 1, 4).getInt() != keyId) {
            throw new IllegalStateException(
                    "a stored field names key " + parts[1] + " but its ciphertext does not (tampered)");
        }
        if (!current.ids().contains(keyId)) {
            throw new IllegalStateException(
                    "a stored field was encrypted with key " + parts[1] + ", which is not in the"
                            + " keyset: keep a key until the re-encryption job reports no value uses it");
        }
        try {
            return new String(current.aead().decrypt(sealed, aad(context)), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored field could not be decrypted with key " + parts[1]
                    + " (wrong record or field, or tampered)");
        }
    }

    /**
     * The value of {@code field} in the record {@code id} in the clear: decrypted, or as it is when
     * the field was stored in the clear before ({@link EncryptedField#clearBefore}) and this value is
     * in no encrypted format.
     */
    public String decrypt(EncryptedField field, String stored, String id) {
        if (field.clearBefore() && !isEncrypted(stored)) {
            return stored;
        }
        return decrypt(stored, field.context(id));
    }

    /** Whether a stored value is in an encrypted format (v2, or v1 of the release before keysets). */
    static boolean isEncrypted(String stored) {
        return stored != null && (stored.startsWith(FORMAT + ":") || LegacyFieldCipher.isLegacy(stored));
    }

    /** Which key a stored value was encrypted with, for progress reports: {@code v2 key 123} or {@code v1 key k2026a}. */
    public static String keyOf(String stored) {
        if (!isEncrypted(stored)) {
            return "no key (in the clear)"; // and nothing of the value itself, which goes to the log
        }
        String[] parts = stored.split(":");
        return parts.length >= 3 ? parts[0] + " key " + parts[1] : "unknown";
    }

    /** The v1 key IDs still configured for reading. */
    Set<String> legacyKeyIds() {
        return legacy.keyIds();
    }

    List<Integer> keyIds() {
        return Keysets.keyIds(keys.keyset());
    }

    private static Keys keysOf(KeysetHandle keyset) {
        Keysets.registerAead();
        try {
            Aead aead = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
            return new Keys(keyset, aead, keyset.getPrimary().getId(), Set.copyOf(Keysets.keyIds(keyset)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "the encryption keyset cannot encrypt (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static byte[] aad(String context) {
        return (FORMAT + "|" + context).getBytes(StandardCharsets.UTF_8);
    }
}
