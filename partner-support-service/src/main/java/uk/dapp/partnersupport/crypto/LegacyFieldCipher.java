package uk.dapp.partnersupport.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Reads values in the first format, {@code v1:<keyId>:<iv>:<ciphertext+tag>} (base64, AES-GCM under
 * a named raw key, with {@code v1|<keyId>|<context>} as associated data), so data written before the
 * keysets stays readable. It never encrypts: the re-encryption job rewrites every v1 value with the
 * keyset's primary key, after which the old keys can go.
 */
final class LegacyFieldCipher {

    static final String FORMAT = "v1";
    private static final int TAG_BITS = 128;
    private static final Set<Integer> KEY_BYTES = Set.of(16, 24, 32);

    private final Map<String, SecretKey> keys = new LinkedHashMap<>();

    LegacyFieldCipher(Map<String, byte[]> keys) {
        keys.forEach((id, key) -> {
            if (id.isBlank() || id.contains(":")) {
                throw new IllegalArgumentException("encryption key ID '" + id + "' must be non-blank without ':'");
            }
            if (!KEY_BYTES.contains(key.length)) {
                throw new IllegalArgumentException(
                        "encryption key " + id + " must be 16, 24 or 32 bytes, not " + key.length);
            }
            this.keys.put(id, new SecretKeySpec(key, "AES"));
        });
    }

    /** From base64 keys as configuration holds them ({@code dapp.partner-support.encryption.keys}). */
    static LegacyFieldCipher fromBase64(Map<String, String> keys) {
        Map<String, byte[]> decoded = new LinkedHashMap<>();
        keys.forEach((id, key) -> {
            try {
                decoded.put(id, Base64.getDecoder().decode(key.strip()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("encryption key " + id + " is not valid base64");
            }
        });
        return new LegacyFieldCipher(decoded);
    }

    Set<String> keyIds() {
        return keys.keySet();
    }

    static boolean isLegacy(String stored) {
        return stored != null && stored.startsWith(FORMAT + ":");
    }

    String decrypt(String stored, String context) {
        String[] parts = stored.split(":");
        if (parts.length != 4 || !FORMAT.equals(parts[0])) {
            throw new IllegalStateException("a stored field is not in the v1 encrypted format");
        }
        SecretKey key = keys.get(parts[1]);
        if (key == null) {
            throw new IllegalStateException("a stored field was encrypted in the v1 format with key " + parts[1]
                    + ", which is not configured (dapp.partner-support.encryption.keys): keep it until the"
                    + " re-encryption job reports every value moved to the keyset");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(
                    Cipher.DECRYPT_MODE,
                    key,
                    new GCMParameterSpec(TAG_BITS, Base64.getDecoder().decode(parts[2])));
            cipher.updateAAD((FORMAT + "|" + parts[1] + "|" + context).getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(Base64.getDecoder().decode(parts[3])), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("a stored field could not be decrypted with v1 key " + parts[1]
                    + " (wrong key, wrong record or tampered)");
        }
    }
}
