package uk.dapp.platform.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.client.RestClient;
import uk.dapp.platform.calls.ServiceAccount;
import uk.dapp.platform.calls.ServiceCalls;

/**
 * The outbox, its relay and the resilient calls the relay's deliveries make, for every service.
 * A service declares what it sends in one {@link CaseEventFlows} bean (the collections that hold
 * entries, one line per flow), {@link DeliveryPolicy} beans if any of its rules can stop a
 * message, and {@link RefusalHandler} beans if a refusal must change its own records; its receivers
 * apply each message once through {@link MessageReceipts}.
 * {@code dapp.outbox.relay.enabled=false} stops the background passes
 * (tests drive {@link OutboxRelay#runOnce()} themselves).
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
            "uk.dapp.platform.web.PlatformWebAutoConfiguration"
        })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class OutboxAutoConfiguration {

    /** This service's Keycloak client (client credentials), for every call it makes to another service. */
    @Bean
    ServiceAccount serviceAccount(Environment env, Clock clock, ObjectProvider<RestClient.Builder> restClients) {
        String issuer = env.getRequiredProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri");
        String tokenUri = env.getProperty("dapp.service-account.token-uri", issuer + "/protocol/openid-connect/token");
        return ServiceAccount.clientCredentials(
                URI.create(tokenUri),
                env.getRequiredProperty("dapp.service-account.client-id"),
                env.getProperty("dapp.service-account.client-secret", ""),
                clock,
                env.getProperty("dapp.calls.timeout", Duration.class, Duration.ofSeconds(3)),
                restClients.getIfAvailable(RestClient::builder));
    }

    @Bean
    ServiceCalls serviceCalls(
            Environment env,
            ServiceAccount account,
            ObjectProvider<MeterRegistry> meters,
            ObjectProvider<RestClient.Builder> restClients) {
        Map<String, String> urls = new LinkedHashMap<>();
        for (String destination : Destinations.ALL) {
            urls.put(destination, env.getRequiredProperty("dapp.services." + destination + ".url"));
        }
        ServiceCalls.Limits limits = new ServiceCalls.Limits(
                env.getProperty("dapp.calls.timeout", Duration.class, Duration.ofSeconds(3)),
                env.getProperty("dapp.calls.retry.attempts", Integer.class, 3),
                env.getProperty("dapp.calls.retry.first-backoff", Duration.class, Duration.ofMillis(200)),
                env.getProperty("dapp.calls.breaker.window", Integer.class, 10),
                env.getProperty("dapp.calls.breaker.failure-rate", Float.class, 50f),
                env.getProperty("dapp.calls.breaker.open-for", Duration.class, Duration.ofSeconds(10)));
        // Boot's builder (a new one each time): observed, so every call carries the trace on
        return new ServiceCalls(
                urls, account, limits, meters.getIfAvailable(), () -> restClients.getIfAvailable(RestClient::builder));
    }

    @Bean
    OutboxQueries outboxQueries(MongoTemplate mongo) {
        return new OutboxQueries(mongo);
    }

    @Bean
    MessageReceipts messageReceipts(MongoTemplate mongo) {
        return new MessageReceipts(mongo);
    }

    @Bean
    OutboxRelay outboxRelay(
            MongoTemplate mongo,
            List<CaseEventFlows> flows,
            List<DeliveryPolicy> policies,
            List<RefusalHandler> refusals,
            Environment env,
            Clock clock,
            ObjectProvider<MeterRegistry> meters,
            ObjectProvider<ObservationRegistry> observations) {
        List<String> sources = flows.stream().flatMap(f -> f.sources().stream()).toList();
        List<OutboxDelivery> deliveries =
                flows.stream().flatMap(f -> f.deliveries().stream()).toList();
        String instance = env.getProperty(
                "dapp.outbox.relay.instance-id", env.getProperty("HOSTNAME", "local") + "-" + UUID.randomUUID());
        RelayLease lease = new RelayLease(
                mongo, instance, env.getProperty("dapp.outbox.relay.lease", Duration.class, Duration.ofSeconds(30)));
        OutboxRelay.Settings settings = new OutboxRelay.Settings(
                env.getProperty("dapp.outbox.relay.batch", Integer.class, 100),
                env.getProperty("dapp.outbox.relay.first-backoff", Duration.class, Duration.ofSeconds(1)),
                env.getProperty("dapp.outbox.relay.max-backoff", Duration.class, Duration.ofSeconds(30)));
        return new OutboxRelay(
                mongo,
                new OutboxCollector(mongo, sources),
                lease,
                deliveries,
                policies,
                refusals,
                env.getRequiredProperty("dapp.service-account.client-id"),
                settings,
                clock,
                new OutboxMetrics(meters.getIfAvailable(SimpleMeterRegistry::new)),
                observations.getIfAvailable(() -> ObservationRegistry.NOOP));
    }

    /** Bound to the registry by Boot, like every MeterBinder bean. */
    @Bean
    OutboxBacklogMetrics outboxBacklogMetrics(MongoTemplate mongo, Clock clock) {
        return new OutboxBacklogMetrics(mongo, clock);
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "dapp.outbox.relay.enabled", matchIfMissing = true)
    OutboxRelayRunner outboxRelayRunner(OutboxRelay relay, Environment env) {
        return new OutboxRelayRunner(
                relay, env.getProperty("dapp.outbox.relay.interval", Duration.class, Duration.ofSeconds(1)));
    }
}
