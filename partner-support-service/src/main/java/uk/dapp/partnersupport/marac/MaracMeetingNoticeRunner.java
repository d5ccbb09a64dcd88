package uk.dapp.partnersupport.marac;

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
 * From start-up to shutdown, every {@code dapp.partner-support.marac-near-check} (15 minutes by
 * default, the first a minute after start-up): notifies the MARAC meetings that are near
 * ({@link MaracMeetingNotices#notifyNear}). Every replica may run it: each meeting is notified once.
 */
@Component
@ConditionalOnProperty(name = "dapp.partner-support.marac-near.enabled", havingValue = "true", matchIfMissing = true)
class MaracMeetingNoticeRunner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MaracMeetingNoticeRunner.class);

    private final MaracMeetingNotices notices;
    private final Duration every;
    private ScheduledExecutorService scheduler;

    MaracMeetingNoticeRunner(MaracMeetingNotices notices,
            @Value("${dapp.partner-support.marac-near-check:PT15M}") Duration every) {
        this.notices = notices;
        this.every = every;
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("marac-near").daemon()
                .factory());
        scheduler.scheduleWithFixedDelay(this::check, Math.min(every.toMillis(), 60_000), every.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void check() {
        try {
            int notified = notices.notifyNear();
            if (notified > 0) {
                log.info("{} MARAC meeting(s) near: workers notified", notified);
            }
        } catch (RuntimeException e) {
            // the store is down: the next check tries again, and no meeting is notified twice
            log.warn("MARAC meeting check failed: {}", e.getClass().getSimpleName());
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
