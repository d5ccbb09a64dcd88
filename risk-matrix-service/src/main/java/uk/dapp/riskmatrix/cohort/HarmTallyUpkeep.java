package uk.dapp.riskmatrix.cohort;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import uk.dapp.platform.periodic.PeriodicRunner;

/**
 * From start-up to shutdown, every {@code dapp.risk-matrix.harm-tally-upkeep} (a minute by default):
 * settles the lines whose claim on a harm trend change was abandoned, and takes off the markers of
 * steps retired long enough ago ({@link HarmTallies#upkeep}). Every replica may run it: each step is
 * conditional.
 */
@Component
class HarmTallyUpkeep extends PeriodicRunner {

    private final HarmTallies tallies;

    HarmTallyUpkeep(HarmTallies tallies, @Value("${dapp.risk-matrix.harm-tally-upkeep:PT1M}") Duration every) {
        super("harm-tally-upkeep", every, every);
        this.tallies = tallies;
    }

    @Override
    protected void check() {
        tallies.upkeep();
    }
}
