package uk.dapp.partnersupport.crypto;

import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code dapp.partner-support.encryption}: the Tink keyset that encrypts partner details, given
 * either inline ({@code keyset}, the JSON, from a Secret as an environment variable) or as a file
 * ({@code keyset-file}, a Secret mounted as a volume, re-read every {@code reload-every} so a
 * rotated Secret takes effect without a restart); the raw AES keys of the first format
 * ({@code keys}, key ID to base64), kept only to read values written before the keysets until the
 * re-encryption job has moved them; and how often that job runs and how many records it rewrites
 * per batch.
 */
@ConfigurationProperties("dapp.partner-support.encryption")
public record EncryptionSettings(
        @Nullable String keyset,
        @Nullable String keysetFile,
        @DefaultValue Map<String, String> keys,
        @DefaultValue("PT1M") Duration reloadEvery,
        @DefaultValue("PT15M") Duration reencryptEvery,
        @DefaultValue("200") int reencryptBatch) {

    @Override
    public String toString() {
        return "EncryptionSettings[keyset=" + (keyset == null ? "none" : "(set)") + ", keysetFile=" + keysetFile
                + ", v1KeyIds=" + keys.keySet() + ", reloadEvery=" + reloadEvery + ", reencryptEvery=" + reencryptEvery
                + ", reencryptBatch=" + reencryptBatch + "]";
    }
}
