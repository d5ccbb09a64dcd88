package uk.dapp.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;
import org.junit.jupiter.api.Test;

class SensitiveLogGuardTest {

    @Test
    void bodyLoggersAreSilencedBelowInfoAndOthersAreNot() {
        LoggerContext context = new LoggerContext();
        SensitiveLogGuard.BodyFilter filter = new SensitiveLogGuard.BodyFilter();
        String body = "org.springframework.web.servlet.mvc.method.annotation.RequestResponseBodyMethodProcessor";
        assertThat(filter.decide(null, context.getLogger(body), Level.DEBUG, "", null, null))
                .isEqualTo(FilterReply.DENY);
        assertThat(filter.decide(null, context.getLogger(body), Level.TRACE, "", null, null))
                .isEqualTo(FilterReply.DENY);
        assertThat(filter.decide(
                        null, context.getLogger("org.mongodb.driver.protocol.command"), Level.DEBUG, "", null, null))
                .isEqualTo(FilterReply.DENY);
        assertThat(filter.decide(null, context.getLogger(body), Level.WARN, "", null, null))
                .isEqualTo(FilterReply.NEUTRAL);
        assertThat(filter.decide(
                        null,
                        context.getLogger("org.springframework.web.servlet.DispatcherServlet"),
                        Level.DEBUG,
                        "",
                        null,
                        null))
                .isEqualTo(FilterReply.NEUTRAL);
    }

    @Test
    void theEmbeddedStoresCommandLogIsSilencedAtEveryLevel() {
        LoggerContext context = new LoggerContext();
        SensitiveLogGuard.BodyFilter filter = new SensitiveLogGuard.BodyFilter();
        String wire = "de.bwaldvogel.mongo.wire.MongoWireProtocolHandler";
        for (Level level : new Level[] {Level.TRACE, Level.DEBUG, Level.INFO, Level.WARN, Level.ERROR}) {
            assertThat(filter.decide(null, context.getLogger(wire), level, "", null, null))
                    .as(level.toString())
                    .isEqualTo(FilterReply.DENY);
        }
        String backend = "de.bwaldvogel.mongo.backend.AbstractMongoCollection";
        assertThat(filter.decide(null, context.getLogger(backend), Level.DEBUG, "", null, null))
                .isEqualTo(FilterReply.DENY);
        assertThat(filter.decide(null, context.getLogger(backend), Level.WARN, "", null, null))
                .isEqualTo(FilterReply.NEUTRAL);
    }
}
