package uk.dapp.partnersupport.crypto;

import java.time.Duration;
import uk.dapp.platform.periodic.PeriodicRunner;

/**
 * Runs a re-encryption pass every {@code reencrypt-every} (the first soon after start-up), so records
 * written under a retired key move to the primary key in the background; a period of zero turns it off.
 */
final class ReencryptionRunner extends PeriodicRunner {

    static final Duration FIRST_PASS_AFTER = Duration.ofSeconds(30);

    private final Reencryption reencryption;

    ReencryptionRunner(Reencryption reencryption, Duration every) {
        super("reencryption", FIRST_PASS_AFTER, every.isPositive() ? every : Duration.ZERO);
        this.reencryption = reencryption;
    }

    @Override
    protected void check() {
        reencryption.runOnce();
    }
}
