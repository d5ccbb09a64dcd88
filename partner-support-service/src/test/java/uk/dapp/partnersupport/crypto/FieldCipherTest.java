package uk.dapp.partnersupport.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import uk.dapp.partnersupport.common.PartnerSupportProperties;

class FieldCipherTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    private static String key() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private final String k1 = key();
    private final String k2 = key();

    @Test
    void roundTripsAndHidesThePlaintext() {
        FieldCipher cipher = FieldCipher.fromBase64(Map.of("k1", k1), "k1", RANDOM);
        String stored = cipher.encrypt("07700 900123", "safe_contacts/t1/safeNumber");
        assertThat(stored).startsWith("v1:k1:").doesNotContain("07700").doesNotContain("900123");
        assertThat(new String(Base64.getDecoder().decode(stored.split(":")[3]), StandardCharsets.ISO_8859_1))
                .doesNotContain("900123");
        assertThat(cipher.decrypt(stored, "safe_contacts/t1/safeNumber")).isEqualTo("07700 900123");
    }

    @Test
    void sameValueEncryptsDifferentlyEachTime() {
        FieldCipher cipher = FieldCipher.fromBase64(Map.of("k1", k1), "k1", RANDOM);
        assertThat(cipher.encrypt("bluebell", "c")).isNotEqualTo(cipher.encrypt("bluebell", "c"));
    }

    @Test
    void aCiphertextMovedToAnotherRecordOrFieldDoesNotDecrypt() {
        FieldCipher cipher = FieldCipher.fromBase64(Map.of("k1", k1), "k1", RANDOM);
        String stored = cipher.encrypt("bluebell", "safe_contacts/t1/codeWord");
        assertThatThrownBy(() -> cipher.decrypt(stored, "safe_contacts/t2/codeWord"))
                .isInstanceOf(IllegalStateException.class).hasMessageNotContaining("bluebell");
    }

    @Test
    void rotationDecryptsWithTheOldKeyAndEncryptsWithTheNew() {
        FieldCipher before = FieldCipher.fromBase64(Map.of("k1", k1), "k1", RANDOM);
        String old = before.encrypt("evenings after 7", "c");

        Map<String, String> both = new LinkedHashMap<>();
        both.put("k1", k1);
        both.put("k2", k2);
        FieldCipher after = FieldCipher.fromBase64(both, "k2", RANDOM);
        assertThat(after.decrypt(old, "c")).isEqualTo("evenings after 7");
        String rewritten = after.encrypt(after.decrypt(old, "c"), "c");
        assertThat(FieldCipher.keyIdOf(rewritten)).isEqualTo("k2");

        FieldCipher retired = FieldCipher.fromBase64(Map.of("k2", k2), "k2", RANDOM);
        assertThat(retired.decrypt(rewritten, "c")).isEqualTo("evenings after 7");
        assertThatThrownBy(() -> retired.decrypt(old, "c"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("k1").hasMessageNotContaining("evenings");
    }

    @Test
    void tamperingIsDetected() {
        FieldCipher cipher = FieldCipher.fromBase64(Map.of("k1", k1), "k1", RANDOM);
        String stored = cipher.encrypt("bluebell", "c");
        char last = stored.charAt(stored.length() - 2);
        String tampered = stored.substring(0, stored.length() - 2) + (last == 'A' ? 'B' : 'A') + stored.charAt(stored.length() - 1);
        assertThatThrownBy(() -> cipher.decrypt(tampered, "c")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesABadConfiguration() {
        assertThatThrownBy(() -> FieldCipher.fromBase64(Map.of(), null, RANDOM)).hasMessageContaining("no encryption key");
        assertThatThrownBy(() -> FieldCipher.fromBase64(Map.of("k1", k1), "k9", RANDOM)).hasMessageContaining("k9");
        assertThatThrownBy(() -> FieldCipher.fromBase64(Map.of("k1", "c2hvcnQ="), "k1", RANDOM))
                .hasMessageContaining("16, 24 or 32 bytes");
        assertThatThrownBy(() -> FieldCipher.fromBase64(Map.of("k1", "not base64!"), "k1", RANDOM))
                .hasMessageContaining("base64").hasMessageNotContaining("not base64!");
    }

    @Test
    void aDemoKeyIsRefusedOutsideTheDemoProfile() {
        PartnerSupportProperties properties = new PartnerSupportProperties(5, 2,
                new PartnerSupportProperties.Encryption(Map.of("demo-1", k1), "demo-1"));
        MockEnvironment prod = new MockEnvironment();
        prod.setActiveProfiles("prod");
        assertThatThrownBy(() -> new CryptoConfiguration().fieldCipher(properties, prod))
                .hasMessageContaining("demo encryption key");

        MockEnvironment demo = new MockEnvironment();
        demo.setDefaultProfiles("demo");
        assertThat(new CryptoConfiguration().fieldCipher(properties, demo).currentKeyId()).isEqualTo("demo-1");

        PartnerSupportProperties real = new PartnerSupportProperties(5, 2,
                new PartnerSupportProperties.Encryption(Map.of("k2027a", k1), "k2027a"));
        assertThat(new CryptoConfiguration().fieldCipher(real, prod).currentKeyId()).isEqualTo("k2027a");
    }

    @Test
    void theKeysNeverAppearInTheSettingsDescription() {
        PartnerSupportProperties.Encryption encryption = new PartnerSupportProperties.Encryption(Map.of("k1", k1), "k1");
        assertThat(encryption.toString()).doesNotContain(k1);
    }
}
