package uk.dapp.gateway.correlation;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.dapp.platform.privacy.SpanUrlsWithoutQueries;

/**
 * The gateway's part of tracing (ADR 0017) beyond Boot's: no query string (a searched name, a date of
 * birth) in a span's recorded URL, the proxied request's included.
 */
@Configuration(proxyBeanMethods = false)
class TracingConfiguration {

    @Bean
    SpanUrlsWithoutQueries spanUrlsWithoutQueries() {
        return new SpanUrlsWithoutQueries();
    }
}
