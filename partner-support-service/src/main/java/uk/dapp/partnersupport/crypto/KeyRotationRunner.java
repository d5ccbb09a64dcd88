package uk.dapp.partnersupport.crypto;

import com.google.crypto.tink.KeysetHandle;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * From start-up to shutdown: re-reads a keyset file every {@code reload-every} and switches to it
 * when it changed, and runs a re-encryption pass every {@code reencrypt-every} (the first one soon
 * after start-up), one thing at a time on one thread.
 */
final class KeyRotationRunner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(KeyRotationRunner.class);
    private static final Duration FIRST_PASS_AFTER = Duration.ofSeconds(30);

    private final FieldCipher cipher;
    private final KeysetSource source;
    private final Reencryption reencryption;
    private final EncryptionSettings settings;
    private ScheduledExecutorService scheduler;

    KeyRotationRunner(FieldCipher cipher, KeysetSource source, Reencryption reencryption, EncryptionSettings settings) {
        this.cipher = cipher;
        this.source = source;
        this.reencryption = reencryption;
        this.settings = settings;
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("key-rotation").daemon().factory());
        if (source.isFile() && settings.reloadEvery().isPositive()) {
            long every = settings.reloadEvery().toMillis();
            scheduler.scheduleWithFixedDelay(this::reload, every, every, TimeUnit.MILLISECONDS);
        }
        if (settings.reencryptEvery().isPositive()) {
            scheduler.scheduleWithFixedDelay(
                    this::reencrypt,
                    FIRST_PASS_AFTER.toMillis(),
                    settings.reencryptEvery().toMillis(),
                    TimeUnit.MILLISECONDS);
        }
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

    private void reencrypt() {
        try {
            reencryption.runOnce();
        } catch (RuntimeException e) {
            // the store is down: the next pass tries again
            log.warn("re-encryption pass failed: {}", e.getClass().getSimpleName());
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            try {
                scheduler.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
