package uk.dapp.platform.web;

import java.time.Clock;
import org.apache.catalina.core.StandardHost;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;
import uk.dapp.platform.caseid.CaseIdGenerator;
import uk.dapp.platform.contract.OpenApiContract;
import uk.dapp.platform.input.RequestBodyLimits;
import uk.dapp.platform.privacy.SpanUrlsWithoutQueries;

/**
 * The servlet-side pieces every service shares: correlation IDs, problem+json, case IDs, the clock
 * (the audit log has its own, {@code AuditAutoConfiguration}).
 */
@AutoConfiguration(afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class PlatformWebAutoConfiguration {

    /** No query string (a searched name, a date of birth) in a span's recorded URL (ADR 0017). */
    @Bean
    SpanUrlsWithoutQueries spanUrlsWithoutQueries() {
        return new SpanUrlsWithoutQueries();
    }

    @Bean
    FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
        FilterRegistrationBean<CorrelationIdFilter> registration =
                new FilterRegistrationBean<>(new CorrelationIdFilter());
        // before security, so that 401 and 403 answers carry the correlation ID too
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /**
     * Inside the security chain (which runs at -100): unauthenticated requests are refused before a
     * body is read, and a 413 carries the security headers.
     */
    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(
            ProblemWriter problems, @Value("${dapp.api.contract}") String contract) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(
                new RequestBodyLimitFilter(new RequestBodyLimits(OpenApiContract.forService(contract)), problems));
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    /** Tomcat's own refusals (a request it cannot parse) as problem+json too. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }

    @Bean
    WebMvcConfigurer controlCharacterChecks() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new ControlCharacterInterceptor());
            }
        };
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
