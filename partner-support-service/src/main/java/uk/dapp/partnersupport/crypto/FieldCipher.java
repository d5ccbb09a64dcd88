package uk.dapp.partnersupport.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Field-level AES-GCM. A stored value reads {@code v1:<keyId>:<iv>:<ciphertext+tag>} (base64), so
 * any configured key decrypts what it encrypted while only the current key encrypts: rotating is
 * adding a key, making it current, and keeping the old one until every record has been rewritten.
 * The record and field the value belongs to are bound in as associated data, so a ciphertext cannot
 * be moved to another record or field. Nothing this class throws contains a plaintext.
 */
public final class FieldCipher {

    private static final String FORMAT = "v1";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Set<Integer> KEY_BYTES = Set.of(16, 24, 32);

    private final Map<String, SecretKey> keys = new LinkedHashMap<>();
    private final String currentKeyId;
    private final SecureRandom random;

    public FieldCipher(Map<String, byte[]> keys, String currentKeyId, SecureRandom random) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("no encryption key is configured (dapp.partner-support.encryption.keys)");
        }
        keys.forEach((id, key) -> {
            if (id.isBlank() || id.contains(":")) {
                throw new IllegalArgumentException("encryption key ID '" + id + "' must be non-blank without ':'");
            }
            if (!KEY_BYTES.contains(key.length)) {
                throw new IllegalArgumentException("encryption key " + id + " must be 16, 24 or 32 bytes, not " + key.length);
            }
            this.keys.put(id, new SecretKeySpec(key, "AES"));
        });
        if (currentKeyId == null || !this.keys.containsKey(currentKeyId)) {
            throw new IllegalArgumentException("the current encryption key '" + currentKeyId
                    + "' is not among the configured keys " + this.keys.keySet());
        }
        this.currentKeyId = currentKeyId;
        this.random = random;
    }

    /** Builds a cipher from base64 keys as configuration holds them. */
    public static FieldCipher fromBase64(Map<String, String> keys, String currentKeyId, SecureRandom random) {
        Map<String, byte[]> decoded = new LinkedHashMap<>();
        keys.forEach((id, key) -> {
            try {
                decoded.put(id, Base64.getDecoder().decode(key.strip()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("encryption key " + id + " is not valid base64");
            }
        });
        return new FieldCipher(decoded, currentKeyId, random);
    }

    public String currentKeyId() {
        return currentKeyId;
    }

    /** Encrypts with the current key; {@code context} names the record and field (associated data). */
    public String encrypt(String plaintext, String context) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(aad(currentKeyId, context));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
            return FORMAT + ":" + currentKeyId + ":" + b64.encodeToString(iv) + ":" + b64.encodeToString(sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("field encryption failed (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Decrypts with whichever configured key the value names. */
    public String decrypt(String stored, String context) {
        String[] parts = stored == null ? new String[0] : stored.split(":");
        if (parts.length != 4 || !FORMAT.equals(parts[0])) {
            throw new IllegalStateException("a stored field is not in the v1 encrypted format");
        }
        SecretKey key = keys.get(parts[1]);
        if (key == null) {
            throw new IllegalStateException("a stored field was encrypted with key " + parts[1]
                    + ", which is not configured: keep retired keys until every record is rewritten");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, Base64.getDecoder().decode(parts[2])));
            cipher.updateAAD(aad(parts[1], context));
            return new String(cipher.doFinal(Base64.getDecoder().decode(parts[3])), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("a stored field could not be decrypted with key " + parts[1]
                    + " (wrong key, wrong record or tampered)");
        }
    }

    /** The key ID a stored value was encrypted with. */
    public static String keyIdOf(String stored) {
        String[] parts = stored.split(":");
        return parts.length == 4 ? parts[1] : null;
    }

    private static byte[] aad(String keyId, String context) {
        return (FORMAT + "|" + keyId + "|" + context).getBytes(StandardCharsets.UTF_8);
    }
}
