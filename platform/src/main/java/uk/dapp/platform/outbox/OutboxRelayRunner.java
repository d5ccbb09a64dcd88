package uk.dapp.platform.outbox;

import java.time.Duration;
import uk.dapp.platform.periodic.PeriodicRunner;

/**
 * Runs relay passes one after another with a pause between, from start-up to shutdown; a pass that
 * fails (the store or the network is down) leaves the messages where they are for the next. At
 * shutdown the pass under way finishes and the lease is given up, so another replica takes over at
 * once instead of when the lease runs out.
 */
final class OutboxRelayRunner extends PeriodicRunner {

    private final OutboxRelay relay;

    OutboxRelayRunner(OutboxRelay relay, Duration interval) {
        super("outbox-relay", interval, interval);
        this.relay = relay;
    }

    @Override
    protected void check() {
        relay.runOnce();
    }

    @Override
    protected void afterStop() {
        relay.release();
    }
}
