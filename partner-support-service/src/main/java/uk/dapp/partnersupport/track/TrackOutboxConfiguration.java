package uk.dapp.partnersupport.track;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.dapp.platform.outbox.OutboxSource;

/** Partner tracks carry the news of their opening and closing in their {@code outbox} list (ADR 0009). */
@Configuration(proxyBeanMethods = false)
class TrackOutboxConfiguration {

    @Bean
    OutboxSource partnerTrackOutbox() {
        return new OutboxSource(PartnerTrack.COLLECTION);
    }
}
