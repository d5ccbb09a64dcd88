package uk.dapp.partnersupport.marac;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import uk.dapp.platform.periodic.PeriodicRunner;

/**
 * From start-up to shutdown, every {@code dapp.partner-support.marac-near-check} (15 minutes by
 * default, the first a minute after start-up): notifies the MARAC meetings that are near
 * ({@link MaracMeetingNotices#notifyNear}). Every replica may run it: each meeting is notified once.
 */
@Component
@ConditionalOnProperty(name = "dapp.partner-support.marac-near.enabled", havingValue = "true", matchIfMissing = true)
class MaracMeetingNoticeRunner extends PeriodicRunner {

    private static final Logger log = LoggerFactory.getLogger(MaracMeetingNoticeRunner.class);

    private final MaracMeetingNotices notices;

    MaracMeetingNoticeRunner(
            MaracMeetingNotices notices, @Value("${dapp.partner-support.marac-near-check:PT15M}") Duration every) {
        super("marac-near", every.compareTo(Duration.ofMinutes(1)) < 0 ? every : Duration.ofMinutes(1), every);
        this.notices = notices;
    }

    @Override
    protected void check() {
        int notified = notices.notifyNear();
        if (notified > 0) {
            log.info("{} MARAC meeting(s) near: workers notified", notified);
        }
    }
}
