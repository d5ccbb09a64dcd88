package uk.dapp.programme.alert;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * From start-up to shutdown, every {@code dapp.programme.alerts.escalation-check} (a minute by default):
 * escalates the risk alerts not reviewed within their 24 hours ({@link AlertService#escalateDue}). Every
 * replica may run it: the escalation is a conditional update, so an alert escalates once.
 */
@Component
@ConditionalOnProperty(name = "dapp.programme.alerts.escalation.enabled", havingValue = "true", matchIfMissing = true)
class AlertEscalationRunner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AlertEscalationRunner.class);

    private final AlertService alerts;
    private final Duration every;
    private ScheduledExecutorService scheduler;

    AlertEscalationRunner(AlertService alerts,
            @Value("${dapp.programme.alerts.escalation-check:PT1M}") Duration every) {
        this.alerts = alerts;
        this.every = every;
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("alert-escalation").daemon()
                .factory());
        scheduler.scheduleWithFixedDelay(this::check, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void check() {
        try {
            int escalated = alerts.escalateDue();
            if (escalated > 0) {
                log.info("{} risk alert(s) escalated: not reviewed within 24 hours", escalated);
            }
        } catch (RuntimeException e) {
            // the store is down: the next check tries again, and nothing is escalated twice
            log.warn("risk alert escalation check failed: {}", e.getClass().getSimpleName());
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
