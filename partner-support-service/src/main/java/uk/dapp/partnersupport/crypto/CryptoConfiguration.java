package uk.dapp.partnersupport.crypto;

import com.google.crypto.tink.KeysetHandle;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The field cipher from {@code dapp.partner-support.encryption}, the re-encryption job and the
 * runner that reloads the keyset and runs the job. The demo keyset (and any v1 key whose ID starts
 * with {@code demo-}) outside the demo profile stops start-up: it is public, in the repository.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EncryptionSettings.class)
class CryptoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CryptoConfiguration.class);

    static final String DEMO_PROFILE = "demo";
    static final String DEMO_KEY_PREFIX = "demo-";
    /** The key ID of the demo keyset in application-demo.yml. */
    static final int DEMO_KEY_ID = 20261101;

    @Bean
    KeysetSource keysetSource(EncryptionSettings settings) {
        return KeysetSource.of(settings);
    }

    @Bean
    FieldCipher fieldCipher(EncryptionSettings settings, KeysetSource source, Environment environment) {
        KeysetHandle keyset = source.read();
        LegacyFieldCipher legacy = LegacyFieldCipher.fromBase64(settings.keys());
        if (!isDemo(environment)
                && (Keysets.keyIds(keyset).contains(DEMO_KEY_ID)
                        || legacy.keyIds().stream().anyMatch(id -> id.startsWith(DEMO_KEY_PREFIX)))) {
            throw new IllegalStateException("a demo encryption key is configured outside the demo profile: configure"
                    + " the partnership's own keyset in dapp.partner-support.encryption.keyset-file");
        }
        log.info(
                "field encryption: keyset from {}: {}; v1 keys for reading older values: {}",
                source.describe(),
                Keysets.describe(keyset),
                legacy.keyIds().isEmpty() ? "none" : String.join(", ", legacy.keyIds()));
        return new FieldCipher(keyset, legacy);
    }

    @Bean
    Reencryption reencryption(
            MongoTemplate mongo, FieldCipher cipher, List<EncryptedFields> owners, EncryptionSettings settings) {
        return new Reencryption(mongo, cipher, owners, settings.reencryptBatch());
    }

    @Bean
    KeysetReloadRunner keysetReloadRunner(FieldCipher cipher, KeysetSource source, EncryptionSettings settings) {
        return new KeysetReloadRunner(cipher, source, settings.reloadEvery());
    }

    @Bean
    ReencryptionRunner reencryptionRunner(Reencryption reencryption, EncryptionSettings settings) {
        return new ReencryptionRunner(reencryption, settings.reencryptEvery());
    }

    private static boolean isDemo(Environment environment) {
        return Arrays.asList(environment.getActiveProfiles()).contains(DEMO_PROFILE)
                || (environment.getActiveProfiles().length == 0
                        && Arrays.asList(environment.getDefaultProfiles()).contains(DEMO_PROFILE));
    }
}
