package uk.dapp.platform.web;

import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;
import uk.dapp.platform.caseid.CaseIdGenerator;

/**
 * The servlet-side pieces every service shares: correlation IDs, problem+json, case IDs, the clock
 * (the audit log has its own, {@code AuditAutoConfiguration}).
 */
@AutoConfiguration(afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class PlatformWebAutoConfiguration {

    @Bean
    FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
        FilterRegistrationBean<CorrelationIdFilter> registration = new FilterRegistrationBean<>(new CorrelationIdFilter());
        // before security, so that 401 and 403 answers carry the correlation ID too
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** The caller's subject and the request's case ID in the MDC, once the handler is known. */
    @Bean
    WebMvcConfigurer requestLogContext() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new RequestLogContext());
            }
        };
    }

    @Bean
    SensitiveLogGuard sensitiveLogGuard() {
        return new SensitiveLogGuard();
    }

    @Bean
    ProblemWriter problemWriter(JsonMapper json) {
        return new ProblemWriter(json);
    }

    @Bean
    ProblemAdvice problemAdvice() {
        return new ProblemAdvice();
    }

    /** Injected everywhere time matters, so tests can move it. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    CaseIdGenerator caseIdGenerator() {
        return new CaseIdGenerator();
    }
}
