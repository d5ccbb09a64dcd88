package uk.dapp.gateway.caseview;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.netty.channel.ChannelOption;
import jakarta.validation.Validator;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CaseViewProperties.class)
class CaseViewConfiguration {

    /** One breaker per service, created up front so their metrics exist before the first call. */
    @Bean
    CircuitBreakerRegistry caseViewCircuitBreakers(CaseViewProperties properties) {
        CircuitBreakerRegistry registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .failureRateThreshold(properties.failureRateThreshold())
                .slidingWindowSize(properties.slidingWindowSize())
                .minimumNumberOfCalls(properties.minimumNumberOfCalls())
                .waitDurationInOpenState(properties.waitInOpenState())
                .permittedNumberOfCallsInHalfOpenState(properties.permittedCallsInHalfOpen())
                .build());
        CasePart.ALL.forEach(part -> registry.circuitBreaker(part.breakerName()));
        CasePart.EXPORTS.forEach(part -> registry.circuitBreaker(part.breakerName()));
        return registry;
    }

    /** resilience4j.circuitbreaker.* meters (state, calls, failure rate), tagged with the service's name. */
    @Bean
    MeterBinder caseViewCircuitBreakerMetrics(CircuitBreakerRegistry caseViewCircuitBreakers) {
        return TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(caseViewCircuitBreakers);
    }

    @Bean
    PartFetcher partFetcher(
            JsonMapper json,
            CircuitBreakerRegistry caseViewCircuitBreakers,
            Validator validator,
            Environment environment,
            CaseViewProperties properties,
            WebClient.Builder webClients) {
        // its own client: the routes' 10 s response timeout must not apply, and connecting counts against the part's
        // limit
        HttpClient http = HttpClient.create().option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)
                Math.min(Integer.MAX_VALUE, properties.timeout().toMillis()));
        // Boot's builder: observed, so each call to a service carries the request's trace
        WebClient client = webClients
                .clientConnector(new ReactorClientHttpConnector(http))
                // Boot's mapper, so the summaries are read with the same modules and settings as everything else
                .codecs(codecs -> codecs.defaultCodecs().jacksonJsonDecoder(new JacksonJsonDecoder(json)))
                .build();
        return new PartFetcher(client, caseViewCircuitBreakers, validator, environment, properties);
    }

    @Bean
    CaseViewComposer caseViewComposer(PartFetcher partFetcher) {
        return new CaseViewComposer(partFetcher);
    }

    @Bean
    SubjectAccessComposer subjectAccessComposer(PartFetcher partFetcher) {
        return new SubjectAccessComposer(partFetcher);
    }
}
