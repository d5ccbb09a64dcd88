package uk.dapp.partnersupport.crypto;

import com.google.crypto.tink.KeysetHandle;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.dapp.platform.periodic.PeriodicRunner;

/**
 * Re-reads a keyset file (a mounted Secret) every {@code reload-every} and switches the cipher to it
 * when it changed, so a rotation needs no restart: new writes use the new primary key at once.
 */
final class KeysetReloadRunner extends PeriodicRunner {

    private static final Logger log = LoggerFactory.getLogger(KeysetReloadRunner.class);

    private final FieldCipher cipher;
    private final KeysetSource source;

    /** Off (a period of zero) unless the keyset is a file and a positive period is set. */
    KeysetReloadRunner(FieldCipher cipher, KeysetSource source, Duration every) {
        super("keyset-reload", period(source, every), period(source, every));
        this.cipher = cipher;
        this.source = source;
    }

    private static Duration period(KeysetSource source, Duration every) {
        return source.isFile() && every.isPositive() ? every : Duration.ZERO;
    }

    @Override
    protected void check() {
        reload();
    }

    /** Switches to the keyset file's content if it changed; answers whether it did. */
    boolean reload() {
        try {
            Optional<KeysetHandle> changed = source.readIfChanged();
            changed.ifPresent(keyset -> {
                cipher.useKeyset(keyset);
                log.info("field encryption: keyset reloaded from {}: {}", source.describe(), Keysets.describe(keyset));
            });
            return changed.isPresent();
        } catch (RuntimeException e) {
            // a half-written or wrong Secret: keep the keyset in use, say why (the messages carry no key material)
            log.error(
                    "field encryption: the keyset in {} was not loaded, the previous one stays in use: {}",
                    source.describe(),
                    e.getMessage());
            return false;
        }
    }
}
