package uk.dapp.riskmatrix.caseevents;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.dapp.platform.outbox.OutboxSource;
import uk.dapp.riskmatrix.routing.Routing;

/** The collections whose documents carry outbox entries: routing decisions write the programme referrals. */
@Configuration(proxyBeanMethods = false)
class OutboxConfiguration {

    @Bean
    OutboxSource routingOutbox() {
        return new OutboxSource(Routing.COLLECTION);
    }
}
