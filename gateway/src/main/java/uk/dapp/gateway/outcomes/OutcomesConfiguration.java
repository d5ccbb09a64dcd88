package uk.dapp.gateway.outcomes;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.json.JsonMapper;
import uk.dapp.platform.privacy.AreaLadder;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OutcomesProperties.class)
class OutcomesConfiguration {

    @Bean
    JoinedCaseSource joinedCaseSource(
            JsonMapper json, Environment environment, OutcomesProperties properties, WebClient.Builder webClients) {
        // its own client: the routes' response timeout would cut a long stream off
        // Boot's builder: observed, so each call to a service carries the request's trace
        WebClient client = webClients
                .codecs(codecs -> codecs.defaultCodecs().jacksonJsonDecoder(new JacksonJsonDecoder(json)))
                .build();
        return new ServiceContributions(client, environment, properties);
    }

    @Bean(destroyMethod = "close")
    OutcomeWork outcomeWork(OutcomesProperties properties) {
        return new OutcomeWork(properties.workers(), properties.queued());
    }

    @Bean
    OutcomeExtract outcomeExtract(OutcomesProperties properties) {
        return new OutcomeExtract(new AreaLadder(properties.regions()), properties.maxSuppressedFraction());
    }
}
