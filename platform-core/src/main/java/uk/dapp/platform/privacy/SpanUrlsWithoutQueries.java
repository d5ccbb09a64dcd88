package uk.dapp.platform.privacy;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationFilter;
import java.util.ArrayList;
import java.util.List;

/**
 * Drops the query string from every URL an observation records before its span is made (ADR 0017):
 * searches take a person's name and date of birth as query parameters, and the full URLs that Spring's
 * and Spring Cloud Gateway's client observations keep would carry them to a trace collector. Paths
 * stay (they name a case as the logs do, never a person).
 */
public final class SpanUrlsWithoutQueries implements ObservationFilter {

    @Override
    public Observation.Context map(Observation.Context context) {
        List<KeyValue> cut = new ArrayList<>();
        for (KeyValue keyValue : context.getHighCardinalityKeyValues()) {
            String value = keyValue.getValue();
            int query = value.indexOf('?');
            if (query >= 0) {
                cut.add(KeyValue.of(keyValue.getKey(), value.substring(0, query)));
            }
        }
        cut.forEach(context::addHighCardinalityKeyValue);
        for (KeyValue keyValue : context.getLowCardinalityKeyValues()) {
            int query = keyValue.getValue().indexOf('?');
            if (query >= 0) {
                context.addLowCardinalityKeyValue(
                        KeyValue.of(keyValue.getKey(), keyValue.getValue().substring(0, query)));
            }
        }
        return context;
    }
}
