package uk.dapp.partnersupport.crypto;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeyStatus;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AeadParameters;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;

/**
 * Tink keysets as the service keeps them: JSON (Tink's own keyset format), AEAD keys only, each
 * key with Tink's 5-byte prefix naming its ID in every ciphertext, so any key of the keyset finds
 * what it wrote while only the primary key encrypts. New keys are AES-256-GCM. Nothing thrown
 * here contains key material: parsing errors are reported without the underlying message, which
 * could quote the input.
 */
public final class Keysets {

    static {
        try {
            AeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError("Tink's AEAD key types could not be registered");
        }
    }

    private Keysets() {}

    /** Makes sure Tink's AEAD key types are registered (this class's initialiser does it). */
    static void registerAead() {
        // nothing else: loading the class registered them
    }

    /** Reads and checks a keyset in Tink's JSON format, as a Secret holds it. */
    public static KeysetHandle parse(String json) {
        KeysetHandle keyset;
        try {
            keyset = TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("the encryption keyset is not a valid Tink JSON keyset ("
                    + e.getClass().getSimpleName() + ")");
        }
        check(keyset);
        return keyset;
    }

    public static String serialize(KeysetHandle keyset) {
        try {
            return TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "the keyset could not be written (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** A new keyset of one AES-256-GCM key, its primary. */
    public static KeysetHandle generate() {
        return build(KeysetHandle.newBuilder().addEntry(newKey().makePrimary()));
    }

    /**
     * The keyset with one more AES-256-GCM key, made primary or not. Rotating across several
     * replicas takes two steps: add the key (not primary) and roll it out everywhere, then promote
     * it; otherwise a replica still on the old keyset cannot read what an updated one wrote.
     */
    public static KeysetHandle withNewKey(KeysetHandle keyset, boolean primary) {
        KeysetHandle.Builder builder = KeysetHandle.newBuilder(keyset);
        KeysetHandle.Builder.Entry entry = newKey();
        builder.addEntry(primary ? entry.makePrimary() : entry);
        return build(builder);
    }

    /** The keyset with {@code keyId} as its primary key: new values are encrypted with it. */
    public static KeysetHandle promote(KeysetHandle keyset, int keyId) {
        KeysetHandle.Builder builder = KeysetHandle.newBuilder(keyset);
        builder.getAt(indexOf(keyset, keyId)).setStatus(KeyStatus.ENABLED).makePrimary();
        return build(builder);
    }

    /** The keyset without {@code keyId}: only once no stored value uses it (the re-encryption log says so). */
    public static KeysetHandle remove(KeysetHandle keyset, int keyId) {
        int index = indexOf(keyset, keyId);
        if (keyset.getAt(index).isPrimary()) {
            throw new IllegalArgumentException("key " + id(keyId) + " is the primary key: promote another key first");
        }
        KeysetHandle.Builder builder = KeysetHandle.newBuilder(keyset);
        builder.deleteAt(index);
        return build(builder);
    }

    /** The key IDs, the primary and their status: never key material. */
    public static String describe(KeysetHandle keyset) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < keyset.size(); i++) {
            KeysetHandle.Entry entry = keyset.getAt(i);
            keys.add(id(entry.getId())
                    + (entry.isPrimary() ? " (primary)" : "")
                    + (entry.getStatus() == KeyStatus.ENABLED ? "" : " (" + entry.getStatus() + ")"));
        }
        return keys.size() + (keys.size() == 1 ? " key: " : " keys: ") + String.join(", ", keys);
    }

    /** A key ID as the stored values and the logs write it: unsigned decimal. */
    public static String id(int keyId) {
        return Integer.toUnsignedString(keyId);
    }

    static List<Integer> keyIds(KeysetHandle keyset) {
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < keyset.size(); i++) {
            ids.add(keyset.getAt(i).getId());
        }
        return ids;
    }

    private static void check(KeysetHandle keyset) {
        for (int i = 0; i < keyset.size(); i++) {
            KeysetHandle.Entry entry = keyset.getAt(i);
            if (!(entry.getKey().getParameters() instanceof AeadParameters)) {
                throw new IllegalArgumentException(
                        "key " + id(entry.getId()) + " of the encryption keyset is not an AEAD key");
            }
            if (entry.getKey().getIdRequirementOrNull() == null) {
                throw new IllegalArgumentException("key " + id(entry.getId()) + " of the encryption keyset has no"
                        + " Tink prefix (output prefix RAW): the service needs the key ID in every ciphertext");
            }
        }
        if (keyset.getPrimary().getStatus() != KeyStatus.ENABLED) {
            throw new IllegalArgumentException("the primary key of the encryption keyset is not enabled");
        }
    }

    private static int indexOf(KeysetHandle keyset, int keyId) {
        for (int i = 0; i < keyset.size(); i++) {
            if (keyset.getAt(i).getId() == keyId) {
                return i;
            }
        }
        throw new IllegalArgumentException("the keyset has no key " + id(keyId) + " (it has " + describe(keyset) + ")");
    }

    private static KeysetHandle.Builder.Entry newKey() {
        return KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                .withRandomId();
    }

    private static KeysetHandle build(KeysetHandle.Builder builder) {
        try {
            KeysetHandle keyset = builder.build();
            check(keyset);
            return keyset;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "the keyset could not be built (" + e.getClass().getSimpleName() + ")");
        }
    }
}
