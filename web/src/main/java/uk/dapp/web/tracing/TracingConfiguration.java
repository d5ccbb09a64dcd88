package uk.dapp.web.tracing;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.dapp.platform.privacy.SpanUrlsWithoutQueries;

/**
 * The web app's part of tracing (ADR 0017): each page request is the root span of its trace (Boot's
 * server observation) and every call to the gateway a child span whose {@code traceparent} the gateway
 * continues ({@code GatewayClients}); a recorded URL never keeps its query string, where the search
 * pages put a person's name and date of birth.
 */
@Configuration(proxyBeanMethods = false)
class TracingConfiguration {

    @Bean
    SpanUrlsWithoutQueries spanUrlsWithoutQueries() {
        return new SpanUrlsWithoutQueries();
    }
}
