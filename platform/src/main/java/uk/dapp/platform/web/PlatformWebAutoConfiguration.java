package uk.dapp.platform.web;

import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import uk.dapp.platform.contract.OpenApiContract;
import uk.dapp.platform.contract.RequestBodyLimits;
import org.springframework.core.Ordered;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;
import uk.dapp.platform.audit.AuditProperties;
import uk.dapp.platform.audit.AuditQueries;
import uk.dapp.platform.audit.AuditViews;
import uk.dapp.platform.audit.AuditWriter;
import uk.dapp.platform.audit.SubjectAccess;
import uk.dapp.platform.audit.unusual.BulkReads;
import uk.dapp.platform.audit.unusual.RestrictedResources;
import uk.dapp.platform.caseid.CaseIdGenerator;
import uk.dapp.platform.problem.ProblemAdvice;
import uk.dapp.platform.problem.ProblemWriter;

/** The servlet-side pieces every service shares: correlation IDs, problem+json, audit, case IDs, the clock. */
@AutoConfiguration(afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(AuditProperties.class)
public class PlatformWebAutoConfiguration {

    @Bean
    FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
        FilterRegistrationBean<CorrelationIdFilter> registration = new FilterRegistrationBean<>(new CorrelationIdFilter());
        // before security, so that 401 and 403 answers carry the correlation ID too
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /**
     * Inside the security chain (which runs at -100): unauthenticated requests are refused before a
     * body is read, and a 413 carries the security headers.
     */
    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(ProblemWriter problems,
            @Value("${dapp.api.contract}") String contract) {
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

    @Bean
    AuditWriter auditWriter(MongoTemplate mongo, Clock clock) {
        return new AuditWriter(mongo, clock);
    }

    @Bean
    AuditQueries auditQueries(MongoTemplate mongo) {
        return new AuditQueries(mongo);
    }

    /** The admin's audit views; a service that keeps resources for certain roles declares {@link RestrictedResources} beans. */
    @Bean
    AuditViews auditViews(AuditQueries queries, AuditWriter audit, ObjectProvider<RestrictedResources> restricted,
            AuditProperties properties, Clock clock) {
        return new AuditViews(queries, audit, restricted.orderedStream().toList(),
                new BulkReads(properties.bulkThreshold(), properties.bulkWindow()), clock);
    }

    @Bean
    SubjectAccess subjectAccess(AuditWriter audit, AuditViews views, Clock clock) {
        return new SubjectAccess(audit, views, clock);
    }
}
