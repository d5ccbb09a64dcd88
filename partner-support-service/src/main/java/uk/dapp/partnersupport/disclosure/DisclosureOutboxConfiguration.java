package uk.dapp.partnersupport.disclosure;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.dapp.platform.outbox.OutboxSource;

/** Disclosures carry their risk alerts in their {@code outbox} list: the relay collects them from there. */
@Configuration(proxyBeanMethods = false)
class DisclosureOutboxConfiguration {

    @Bean
    OutboxSource disclosureOutbox() {
        return new OutboxSource(Disclosure.COLLECTION);
    }
}
