package uk.dapp.platform.tracing;

import io.micrometer.tracing.Tracer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/** The {@link TraceJoin} of every service, over Boot's tracer (a no-op one when tracing is off). */
@AutoConfiguration
public class TraceJoinAutoConfiguration {

    @Bean
    TraceJoin traceJoin(ObjectProvider<Tracer> tracer) {
        return new TraceJoin(tracer.getIfAvailable(() -> Tracer.NOOP));
    }
}
