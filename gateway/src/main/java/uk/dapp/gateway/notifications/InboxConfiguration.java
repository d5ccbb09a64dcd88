package uk.dapp.gateway.notifications;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.netty.channel.ChannelOption;
import jakarta.validation.Validator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.json.JsonMapper;
import uk.dapp.gateway.caseview.CaseViewProperties;

/** The composed inbox asks the services under the case view's time limit, through breakers of its own. */
@Configuration(proxyBeanMethods = false)
class InboxConfiguration {

    @Bean
    InboxComposer inboxComposer(
            JsonMapper json,
            CircuitBreakerRegistry caseViewCircuitBreakers,
            Validator validator,
            Environment environment,
            CaseViewProperties properties,
            WebClient.Builder webClients) {
        InboxSource.ALL.forEach(source -> caseViewCircuitBreakers.circuitBreaker(source.breakerName()));
        HttpClient http = HttpClient.create().option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)
                Math.min(Integer.MAX_VALUE, properties.timeout().toMillis()));
        // Boot's builder: observed, so each call to a service carries the request's trace
        WebClient client = webClients
                .clientConnector(new ReactorClientHttpConnector(http))
                .codecs(codecs -> codecs.defaultCodecs().jacksonJsonDecoder(new JacksonJsonDecoder(json)))
                .build();
        return new InboxComposer(
                new InboxFetcher(client, caseViewCircuitBreakers, validator, environment, properties.timeout()));
    }
}
