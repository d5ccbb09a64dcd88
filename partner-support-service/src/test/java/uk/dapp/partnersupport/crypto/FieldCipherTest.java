package uk.dapp.partnersupport.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AesGcmParameters;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class FieldCipherTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SAFE_NUMBER_CONTEXT = "safe_contacts/3f1c2d4e-0000-4000-8000-000000000001/safeNumber";
    private static final String PHONE_CONTEXT = "partner_tracks/3f1c2d4e-0000-4000-8000-000000000001/referralPhone";

    private static String key() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private final KeysetHandle k1 = Keysets.generate();

    @Test
    void roundTripsWithThePrimaryKeyAndHidesThePlaintext() {
        FieldCipher cipher = FieldCipher.of(k1);
        String stored = cipher.encrypt("07700 900123", "safe_contacts/t1/safeNumber");
        assertThat(stored)
                .startsWith("v2:" + Keysets.id(k1.getPrimary().getId()) + ":")
                .startsWith(cipher.primaryPrefix())
                .doesNotContain("07700")
                .doesNotContain("900123");
        assertThat(new String(Base64.getDecoder().decode(stored.split(":")[2]), StandardCharsets.ISO_8859_1))
                .doesNotContain("900123");
        assertThat(cipher.decrypt(stored, "safe_contacts/t1/safeNumber")).isEqualTo("07700 900123");
        assertThat(FieldCipher.keyOf(stored))
                .isEqualTo("v2 key " + Keysets.id(k1.getPrimary().getId()));
    }

    @Test
    void aFieldStoredInTheClearBeforeIsReadAsItIsOnlyWhenItIsInNoEncryptedFormat() {
        FieldCipher cipher = FieldCipher.of(k1);
        EncryptedField name = new EncryptedField("partner_tracks", "partnerName", "partnerName", true);
        EncryptedField number = new EncryptedField("safe_contacts", "safeNumber", "safeNumber");
        assertThat(cipher.decrypt(name, "Juniper Sample", "t1")).isEqualTo("Juniper Sample");
        String sealed = cipher.encrypt("Juniper Sample", name.context("t1"));
        assertThat(cipher.decrypt(name, sealed, "t1")).isEqualTo("Juniper Sample");
        // a sealed name is still bound to its record
        assertThatThrownBy(() -> cipher.decrypt(name, sealed, "t2")).isInstanceOf(IllegalStateException.class);
        // a field encrypted from its first release never takes a clear value
        assertThatThrownBy(() -> cipher.decrypt(number, "07700 900123", "t1"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining("900123");
        // and the progress log names no part of a clear value, whatever its colons
        assertThat(FieldCipher.keyOf("Ms: Juniper: Sample")).isEqualTo("no key (in the clear)");
    }

    @Test
    void sameValueEncryptsDifferentlyEachTime() {
        FieldCipher cipher = FieldCipher.of(k1);
        assertThat(cipher.encrypt("bluebell", "c")).isNotEqualTo(cipher.encrypt("bluebell", "c"));
    }

    @Test
    void aCiphertextMovedToAnotherRecordOrFieldDoesNotDecrypt() {
        FieldCipher cipher = FieldCipher.of(k1);
        String stored = cipher.encrypt("bluebell", "safe_contacts/t1/codeWord");
        assertThatThrownBy(() -> cipher.decrypt(stored, "safe_contacts/t2/codeWord"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining("bluebell");
        assertThatThrownBy(() -> cipher.decrypt(stored, "safe_contacts/t1/safeTimes"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void afterARotationOlderKeysStillDecryptAndThePrimaryEncrypts() {
        FieldCipher cipher = FieldCipher.of(k1);
        String old = cipher.encrypt("evenings after 7", "c");

        KeysetHandle k2 = Keysets.withNewKey(k1, true);
        cipher.useKeyset(k2);
        assertThat(cipher.primaryKeyId())
                .isNotEqualTo(k1.getPrimary().getId())
                .isEqualTo(k2.getPrimary().getId());
        assertThat(cipher.decrypt(old, "c")).isEqualTo("evenings after 7");
        String rewritten = cipher.encrypt(cipher.decrypt(old, "c"), "c");
        assertThat(rewritten)
                .startsWith(cipher.primaryPrefix())
                .doesNotStartWith(FieldCipher.prefix(k1.getPrimary().getId()));

        cipher.useKeyset(Keysets.remove(k2, k1.getPrimary().getId()));
        assertThat(cipher.decrypt(rewritten, "c")).isEqualTo("evenings after 7");
        assertThatThrownBy(() -> cipher.decrypt(old, "c"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(Keysets.id(k1.getPrimary().getId()))
                .hasMessageNotContaining("evenings");
    }

    @Test
    void tamperingIsDetected() {
        FieldCipher cipher = FieldCipher.of(Keysets.withNewKey(k1, false));
        String stored = cipher.encrypt("bluebell", "c");
        char last = stored.charAt(stored.length() - 2);
        String tampered = stored.substring(0, stored.length() - 2)
                + (last == 'A' ? 'B' : 'A')
                + stored.charAt(stored.length() - 1);
        assertThatThrownBy(() -> cipher.decrypt(tampered, "c")).isInstanceOf(IllegalStateException.class);
        // the key ID in the clear must be the one inside the ciphertext, or the progress queries could be fooled
        int other = cipher.keyset().getAt(1).getId();
        String relabelled = FieldCipher.prefix(other) + stored.split(":")[2];
        assertThatThrownBy(() -> cipher.decrypt(relabelled, "c")).hasMessageContaining("tampered");
        assertThatThrownBy(() -> cipher.decrypt("07700 900123", "c")).hasMessageNotContaining("07700");
    }

    /** Values the release before the keysets wrote, with the demo profile's v1 key: the migration path. */
    @Test
    void valuesOfTheFirstFormatStayReadable() {
        String safeNumber = "v1:demo-2026-11:YLe3PESxU3zCY4WI:kINFxXu52aCIyr7BpgD9iWW0z4+N3QaqsyAtbw";
        String phone = "v1:demo-2026-11:ELp19d+27RIGF6Sx:QOmzgLMJ9vcmiVMFUFcXd3WB8z69XyIcSsAfRg";
        FieldCipher cipher =
                new FieldCipher(k1, LegacyFieldCipher.fromBase64(Map.of(V1Values.DEMO_KEY_ID, V1Values.DEMO_KEY)));
        assertThat(cipher.decrypt(safeNumber, SAFE_NUMBER_CONTEXT)).isEqualTo("07700 900461");
        assertThat(cipher.decrypt(phone, PHONE_CONTEXT)).isEqualTo("07700 900123");
        assertThat(FieldCipher.keyOf(phone)).isEqualTo("v1 key demo-2026-11");
        // the test's v1 writer writes what that release wrote
        String written = V1Values.encrypt(V1Values.DEMO_KEY, V1Values.DEMO_KEY_ID, "honeysuckle", "c");
        assertThat(cipher.decrypt(written, "c")).isEqualTo("honeysuckle");
        // bound to its record as before
        assertThatThrownBy(() -> cipher.decrypt(safeNumber, PHONE_CONTEXT)).hasMessageNotContaining("900461");
        // without the v1 key, the error names it and tells what to do
        assertThatThrownBy(() -> FieldCipher.of(k1).decrypt(safeNumber, SAFE_NUMBER_CONTEXT))
                .hasMessageContaining("demo-2026-11")
                .hasMessageContaining("keep it until")
                .hasMessageNotContaining("900461");
    }

    @Test
    void badKeysetsAndV1KeysAreRefusedWithoutQuotingThem() {
        String secretLooking =
                "{\"primaryKeyId\":1,\"key\":[{\"keyData\":{\"value\":\"c2VjcmV0LWtleS1tYXRlcmlhbA==\"}}]}";
        assertThatThrownBy(() -> Keysets.parse(secretLooking))
                .hasMessageContaining("not a valid Tink JSON keyset")
                .hasMessageNotContaining("c2VjcmV0");
        assertThatThrownBy(() -> Keysets.parse("not json")).hasMessageNotContaining("not json");
        KeysetHandle raw = build(KeysetHandle.newBuilder()
                .addEntry(KeysetHandle.generateEntryFromParameters(rawAesGcm())
                        .withRandomId()
                        .makePrimary()));
        assertThatThrownBy(() -> Keysets.parse(serialize(raw))).hasMessageContaining("no Tink prefix");
        assertThatThrownBy(() -> LegacyFieldCipher.fromBase64(Map.of("k1", "c2hvcnQ=")))
                .hasMessageContaining("16, 24 or 32 bytes");
        assertThatThrownBy(() -> LegacyFieldCipher.fromBase64(Map.of("k1", "not base64!")))
                .hasMessageContaining("base64")
                .hasMessageNotContaining("not base64!");
    }

    @Test
    void theDemoKeysAreRefusedOutsideTheDemoProfile() {
        MockEnvironment prod = new MockEnvironment();
        prod.setActiveProfiles("prod");
        MockEnvironment demo = new MockEnvironment();
        demo.setDefaultProfiles("demo");
        KeysetHandle demoKeyset = build(KeysetHandle.newBuilder()
                .addEntry(KeysetHandle.generateEntryFromParameters(
                                com.google.crypto.tink.aead.PredefinedAeadParameters.AES256_GCM)
                        .withFixedId(CryptoConfiguration.DEMO_KEY_ID)
                        .makePrimary()));
        EncryptionSettings withDemoKeyset = settings(Keysets.serialize(demoKeyset), Map.of());
        assertThatThrownBy(() -> cipherFor(withDemoKeyset, prod)).hasMessageContaining("demo encryption key");
        assertThat(cipherFor(withDemoKeyset, demo).primaryKeyId()).isEqualTo(CryptoConfiguration.DEMO_KEY_ID);

        EncryptionSettings withDemoV1Key = settings(Keysets.serialize(k1), Map.of("demo-1", key()));
        assertThatThrownBy(() -> cipherFor(withDemoV1Key, prod)).hasMessageContaining("demo encryption key");

        EncryptionSettings real = settings(Keysets.serialize(k1), Map.of("k2026a", key()));
        assertThat(cipherFor(real, prod).primaryKeyId())
                .isEqualTo(k1.getPrimary().getId());
    }

    @Test
    void theKeysNeverAppearInTheSettingsDescription() {
        String v1Key = key();
        String keyset = Keysets.serialize(k1);
        String description = settings(keyset, Map.of("k1", v1Key)).toString();
        assertThat(description)
                .doesNotContain(v1Key)
                .doesNotContain(keyset)
                .doesNotContain("value")
                .contains("k1");
    }

    @Test
    void oneKeysetSourceIsRequired() {
        assertThatThrownBy(() -> KeysetSource.of(settings(null, Map.of())))
                .hasMessageContaining("no encryption keyset");
        EncryptionSettings both = new EncryptionSettings(
                Keysets.serialize(k1),
                "/etc/keyset.json",
                Map.of(),
                Duration.ofMinutes(1),
                Duration.ofMinutes(15),
                200);
        assertThatThrownBy(() -> KeysetSource.of(both)).hasMessageContaining("set one");
    }

    private static FieldCipher cipherFor(EncryptionSettings settings, MockEnvironment environment) {
        return new CryptoConfiguration().fieldCipher(settings, KeysetSource.of(settings), environment);
    }

    static EncryptionSettings settings(String keyset, Map<String, String> v1Keys) {
        return new EncryptionSettings(keyset, null, v1Keys, Duration.ofMinutes(1), Duration.ofMinutes(15), 200);
    }

    private static AesGcmParameters rawAesGcm() {
        try {
            return AesGcmParameters.builder()
                    .setKeySizeBytes(32)
                    .setIvSizeBytes(12)
                    .setTagSizeBytes(16)
                    .setVariant(AesGcmParameters.Variant.NO_PREFIX)
                    .build();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeysetHandle build(KeysetHandle.Builder builder) {
        try {
            return builder.build();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String serialize(KeysetHandle keyset) {
        try {
            return TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
