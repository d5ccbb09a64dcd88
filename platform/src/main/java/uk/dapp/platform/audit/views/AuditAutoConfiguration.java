package uk.dapp.platform.audit.views;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import uk.dapp.platform.audit.AuditProperties;
import uk.dapp.platform.audit.AuditQueries;
import uk.dapp.platform.audit.AuditWriter;
import uk.dapp.platform.audit.unusual.BulkReads;
import uk.dapp.platform.audit.unusual.RestrictedResources;

/**
 * Every service's audit log: the writer, and the admin's audit views and subject access export, served
 * by one controller each for every service (common.yaml).
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
            "uk.dapp.platform.web.PlatformWebAutoConfiguration"
        })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(AuditProperties.class)
public class AuditAutoConfiguration {

    @Bean
    AuditWriter auditWriter(MongoTemplate mongo, Clock clock, ObjectProvider<MeterRegistry> meters) {
        return new AuditWriter(mongo, clock, meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    AuditQueries auditQueries(MongoTemplate mongo) {
        return new AuditQueries(mongo);
    }

    /** The admin's audit views; a service that keeps resources for certain roles declares {@link RestrictedResources} beans. */
    @Bean
    AuditViews auditViews(
            AuditQueries queries,
            AuditWriter audit,
            ObjectProvider<RestrictedResources> restricted,
            AuditProperties properties,
            Clock clock) {
        return new AuditViews(
                queries,
                audit,
                restricted.orderedStream().toList(),
                new BulkReads(properties.bulkThreshold(), properties.bulkWindow()),
                clock);
    }

    @Bean
    SubjectAccess subjectAccess(AuditWriter audit, AuditViews views, Clock clock) {
        return new SubjectAccess(audit, views, clock);
    }

    @Bean
    AuditController platformAuditController(AuditViews views) {
        return new AuditController(views);
    }

    @Bean
    @ConditionalOnBean(CaseSubjectAccess.class)
    SubjectAccessController platformSubjectAccessController(CaseSubjectAccess exports) {
        return new SubjectAccessController(exports);
    }
}
