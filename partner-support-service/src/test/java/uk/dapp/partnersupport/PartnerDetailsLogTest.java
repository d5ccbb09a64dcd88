package uk.dapp.partnersupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static uk.dapp.partnersupport.TestTracks.newCaseId;
import static uk.dapp.partnersupport.TestTracks.openTrack;
import static uk.dapp.partnersupport.TestTracks.send;
import static uk.dapp.platform.testsupport.Callers.as;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.test.web.servlet.MockMvc;
import uk.dapp.platform.testsupport.ServiceTest;
import uk.dapp.platform.web.CorrelationIdFilter;
import uk.dapp.platform.web.RequestLogContext;

/**
 * Every log event a partner support worker's requests write, with every logger at DEBUG (as
 * someone chasing a problem might set it): none holds any of the partner's details, whether in
 * the message, the MDC or a stack trace; each line inside a request carries the correlation ID,
 * the worker's subject (not their name) and the case ID, which the JSON logs of a cluster show as
 * fields (docs/adr/0015-observability.md).
 */
@ServiceTest
class PartnerDetailsLogTest {

    private static final String PARTNER_NAME = "Marigold Pemberton-Quayle";
    private static final String SAFE_NUMBER = "07700 900417";
    private static final String SAFE_TIMES = "Tuesdays after the school run";
    private static final String CODE_WORD = "periwinkle";
    private static final String WORKER = "psw-test";

    @Autowired
    MockMvc mvc;

    private final LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> events = new ListAppender<>();

    @BeforeEach
    void logEverything() {
        logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.DEBUG);
        events.start();
        root.addAppender(events);
    }

    @AfterEach
    void quieten() {
        root.detachAppender(events);
        logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.INFO);
    }

    @Test
    void aPartnersDetailsNeverReachALogAndEachRequestLineCarriesItsContext() throws Exception {
        String caseId = newCaseId();
        String trackId = openTrack(mvc, caseId, PARTNER_NAME);
        send(
                        mvc,
                        put("/partner-tracks/" + trackId + "/safe-contact"),
                        "{\"safeNumber\":\"" + SAFE_NUMBER + "\",\"safeTimes\":\"" + SAFE_TIMES
                                + "\",\"mayLeaveMessage\":false," + "\"codeWord\":\"" + CODE_WORD + "\",\"version\":0}")
                .andExpect(status().isOk());
        // refused input (a wrong version, then a malformed body) is where rejected values usually leak
        send(
                mvc,
                put("/partner-tracks/" + trackId + "/safe-contact"),
                "{\"safeNumber\":\"" + SAFE_NUMBER + "\",\"safeTimes\":\"" + SAFE_TIMES
                        + "\",\"mayLeaveMessage\":false," + "\"codeWord\":\"" + CODE_WORD + "\",\"version\":7}");
        send(mvc, put("/partner-tracks/" + trackId + "/safe-contact"), "{\"safeNumber\":\"" + SAFE_NUMBER + "\",");
        mvc.perform(get("/cases/{caseId}/partner-tracks", caseId).with(as(TestTracks.WORKER, WORKER)));
        mvc.perform(get("/partner-tracks/" + trackId + "/safe-contact").with(as(TestTracks.WORKER, WORKER)))
                .andExpect(status().isOk());

        List<ILoggingEvent> written = List.copyOf(events.list);
        assertThat(written).as("log events at DEBUG").isNotEmpty();
        for (ILoggingEvent event : written) {
            String everything = event.getFormattedMessage() + " " + event.getMDCPropertyMap()
                    + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy()));
            for (String detail : List.of(PARTNER_NAME, "Pemberton", SAFE_NUMBER, "900417", SAFE_TIMES, CODE_WORD)) {
                assertThat(everything).as("%s log line", event.getLoggerName()).doesNotContain(detail);
            }
        }
        String subject =
                UUID.nameUUIDFromBytes(WORKER.getBytes(StandardCharsets.UTF_8)).toString();
        assertThat(written)
                .as("a line written while a handler of the case answered")
                .anySatisfy(event -> {
                    assertThat(event.getMDCPropertyMap())
                            .containsKey(CorrelationIdFilter.MDC_KEY)
                            .containsEntry(RequestLogContext.USER, subject)
                            .containsEntry(RequestLogContext.CASE, caseId);
                });
        assertThat(written)
                .allSatisfy(event -> assertThat(event.getMDCPropertyMap().values())
                        .as("the worker's name is never a log field")
                        .doesNotContain(WORKER));
    }
}
