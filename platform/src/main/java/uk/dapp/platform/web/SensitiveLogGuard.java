package uk.dapp.platform.web;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.List;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Keeps case data (names, contact details, free text) out of the logs even when someone turns
 * debug logging on: below INFO, the framework loggers that print request and response bodies
 * (Spring MVC's body processors and exception resolvers, which include rejected values) and stored
 * documents (Spring Data MongoDB, the driver's command log, the embedded store) are silenced in every service. Our own
 * code never logs values.
 */
public class SensitiveLogGuard implements SmartInitializingSingleton {

    static final List<String> GUARDED = List.of(
            "org.springframework.web.servlet.mvc.method",
            "org.springframework.web.servlet.mvc.support",
            "org.springframework.web.method",
            "org.springframework.http.converter",
            "org.springframework.data.mongodb.core",
            "org.mongodb.driver.protocol",
            "org.mongodb.driver.operation",
            "de.bwaldvogel.mongo");

    /**
     * Silenced at every level: the embedded store's wire handler prints each command it fails whole,
     * stored documents included, at ERROR (the client receives the same error and the service
     * handles it), and each command at DEBUG. Development and tests only: production uses MongoDB.
     */
    static final List<String> ALWAYS_GUARDED = List.of("de.bwaldvogel.mongo.wire");

    @Override
    public void afterSingletonsInstantiated() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context
                && context.getTurboFilterList().stream().noneMatch(BodyFilter.class::isInstance)) {
            BodyFilter filter = new BodyFilter();
            filter.setName("case-data-guard");
            filter.start();
            context.addTurboFilter(filter);
        }
    }

    public static final class BodyFilter extends TurboFilter {

        @Override
        public FilterReply decide(
                Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
            if (logger == null || level == null) {
                return FilterReply.NEUTRAL;
            }
            String name = logger.getName();
            for (String guarded : ALWAYS_GUARDED) {
                if (name.startsWith(guarded)) {
                    return FilterReply.DENY;
                }
            }
            if (level.isGreaterOrEqual(Level.INFO)) {
                return FilterReply.NEUTRAL;
            }
            for (String guarded : GUARDED) {
                if (name.startsWith(guarded)) {
                    return FilterReply.DENY;
                }
            }
            return FilterReply.NEUTRAL;
        }
    }
}
