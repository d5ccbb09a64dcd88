package uk.dapp.platform.notification;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.client.RestClient;
import uk.dapp.platform.audit.AuditWriter;
import uk.dapp.platform.calls.ServiceAccount;
import uk.dapp.platform.calls.ServiceCalls;
import uk.dapp.platform.outbox.CaseEventFlows;
import uk.dapp.platform.outbox.OutboxAutoConfiguration;
import uk.dapp.platform.team.MeController;

/**
 * Every service's notification inbox (ADR 0016): notifications raised into the outbox are delivered
 * into the inbox, and, when {@code dapp.notify.enabled}, the urgent ones are emailed through GOV.UK
 * Notify to the addresses Keycloak holds; the inbox and the caller are served by one controller each
 * (common.yaml).
 */
@AutoConfiguration(after = {OutboxAutoConfiguration.class, uk.dapp.platform.audit.views.AuditAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(NotifyProperties.class)
public class NotificationAutoConfiguration {

    @Bean
    Inbox inbox(MongoTemplate mongo, AuditWriter audit, Clock clock, NotifyProperties notify) {
        return new Inbox(mongo, audit, clock, notify.enabled());
    }

    @Bean
    NotificationController platformNotificationController(Inbox inbox) {
        return new NotificationController(inbox);
    }

    @Bean
    MeController platformMeController() {
        return new MeController();
    }

    /**
     * Who people are, from Keycloak (ADR 0016): the emails of urgent notifications, and a service's
     * rules on who may take a case (a test gives its own).
     */
    @Bean
    @ConditionalOnMissingBean
    Directory directory(ServiceAccount account, Environment env, ObjectProvider<RestClient.Builder> restClients) {
        return new KeycloakDirectory(
                URI.create(env.getProperty(
                        "dapp.notify.directory-url",
                        KeycloakDirectory.adminBaseOf(
                                        env.getRequiredProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri"))
                                .toString())),
                account,
                env.getProperty("dapp.calls.timeout", Duration.class, Duration.ofSeconds(3)),
                restClients.getIfAvailable(RestClient::builder));
    }

    /** The inbox's own flows: raised notifications into it, and its urgent ones out to Notify. */
    @Bean
    CaseEventFlows notificationFlows(ServiceCalls calls, Inbox inbox, NotifyProperties notify, Directory people) {
        CaseEventFlows flows =
                CaseEventFlows.sending(calls).from(Notification.COLLECTION).delivery(new InboxDelivery(inbox));
        if (notify.enabled()) {
            flows.delivery(new NotifyDelivery(
                    inbox, people, new NotifySender(notify.apiKey(), notify.baseUrl(), notify.timeout()), notify));
        }
        return flows;
    }
}
