package uk.dapp.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import org.junit.jupiter.api.Test;

class SpanUrlsWithoutQueriesTest {

    @Test
    void aRecordedUrlLosesItsQueryAndKeepsItsPath_otherValuesAreLeftAlone() {
        Observation.Context context = new Observation.Context();
        context.addHighCardinalityKeyValue(KeyValue.of(
                "http.url", "http://127.0.0.1:8081/nominals?name=Fictional%20Flowton&dateOfBirth=1986-05-17"));
        context.addHighCardinalityKeyValue(KeyValue.of("http.uri", "/api/risk-matrix/nominals?identifier=24/1234567F"));
        context.addLowCardinalityKeyValue(KeyValue.of("uri", "/nominals"));
        context.addLowCardinalityKeyValue(KeyValue.of("method", "GET"));

        Observation.Context mapped = new SpanUrlsWithoutQueries().map(context);

        assertThat(mapped.getHighCardinalityKeyValue("http.url").getValue())
                .isEqualTo("http://127.0.0.1:8081/nominals");
        assertThat(mapped.getHighCardinalityKeyValue("http.uri").getValue()).isEqualTo("/api/risk-matrix/nominals");
        assertThat(mapped.getLowCardinalityKeyValue("uri").getValue()).isEqualTo("/nominals");
        assertThat(mapped.getLowCardinalityKeyValue("method").getValue()).isEqualTo("GET");
        assertThat(mapped.getAllKeyValues().toString()).doesNotContain("Flowton", "1986", "1234567F");
    }
}
