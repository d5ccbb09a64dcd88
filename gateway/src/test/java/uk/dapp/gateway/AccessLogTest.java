package uk.dapp.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The access line names the caller by token subject, in the message and the MDC, never by username. */
class AccessLogTest extends GatewayTest {

    private final Logger access = (Logger) LoggerFactory.getLogger("uk.dapp.gateway.access");
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

    @BeforeEach
    void listen() {
        Backends.wireMock().stubFor(any(anyUrl()).willReturn(okJson("{}")));
        lines.start();
        access.addAppender(lines);
    }

    @AfterEach
    void stopListening() {
        access.detachAppender(lines);
    }

    @Test
    void theCallerIsTheirSubjectNeverTheirUsername() {
        String subject = UUID.randomUUID().toString();
        String correlationId = "access-log-" + UUID.randomUUID();
        client.get()
                .uri("/api/programme/referrals")
                .headers(h -> {
                    h.setBearerAuth(Tokens.forUser(subject, "facilitator"));
                    h.set("X-Correlation-Id", correlationId);
                })
                .exchange()
                .expectStatus()
                .isOk();

        Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .until(() -> lines.list.stream()
                        .anyMatch(line -> line.getFormattedMessage().contains(correlationId)));
        ILoggingEvent line = lines.list.stream()
                .filter(l -> l.getFormattedMessage().contains(correlationId))
                .findFirst()
                .orElseThrow();
        assertThat(line.getFormattedMessage()).contains("user=" + subject).doesNotContain("user-" + subject);
        assertThat(line.getMDCPropertyMap())
                .containsEntry("userId", subject)
                .containsEntry("correlationId", correlationId);
    }
}
