package uk.dapp.platform.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * A whole service over its embedded store, reached through MockMvc. Every test class of a service
 * that uses this annotation alone shares one Spring context (and one store in a fresh folder).
 * The outbox relay does not run in the background; tests drive it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
// the outbox relay does not run by itself: a test that needs deliveries drives OutboxRelay.runOnce()
@SpringBootTest(
        properties = {"dapp.store.embedded.path=target/test-store/${random.uuid}", "dapp.outbox.relay.enabled=false"})
@AutoConfigureMockMvc
public @interface ServiceTest {}
