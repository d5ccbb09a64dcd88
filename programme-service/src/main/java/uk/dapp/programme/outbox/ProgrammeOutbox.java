package uk.dapp.programme.outbox;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.dapp.platform.outbox.OutboxSource;

/** Where this service's outbox entries wait: in the referral whose change caused them. */
@Configuration(proxyBeanMethods = false)
class ProgrammeOutbox {

    static final String REFERRALS = "referrals";

    @Bean
    OutboxSource referralsOutbox() {
        return new OutboxSource(REFERRALS);
    }
}
