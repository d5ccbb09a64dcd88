package uk.dapp.programme.alert;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import uk.dapp.platform.periodic.PeriodicRunner;

/**
 * From start-up to shutdown, every {@code dapp.programme.alerts.escalation-check} (a minute by default):
 * escalates the risk alerts not reviewed within their 24 hours ({@link AlertService#escalateDue}). Every
 * replica may run it: the escalation is a conditional update, so an alert escalates once.
 */
@Component
@ConditionalOnProperty(name = "dapp.programme.alerts.escalation.enabled", havingValue = "true", matchIfMissing = true)
class AlertEscalationRunner extends PeriodicRunner {

    private static final Logger log = LoggerFactory.getLogger(AlertEscalationRunner.class);

    private final AlertService alerts;

    AlertEscalationRunner(
            AlertService alerts, @Value("${dapp.programme.alerts.escalation-check:PT1M}") Duration every) {
        super("alert-escalation", every, every);
        this.alerts = alerts;
    }

    @Override
    protected void check() {
        int escalated = alerts.escalateDue();
        if (escalated > 0) {
            log.info("{} risk alert(s) escalated: not reviewed within 24 hours", escalated);
        }
    }
}
