package uk.dapp.gateway.ratelimit;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitConfiguration {

    @Bean
    NanoClock nanoClock() {
        return System::nanoTime;
    }

    @Bean
    TokenBucketRateLimiter rateLimiter(RateLimitProperties properties, NanoClock clock) {
        return new TokenBucketRateLimiter(properties, clock);
    }
}
