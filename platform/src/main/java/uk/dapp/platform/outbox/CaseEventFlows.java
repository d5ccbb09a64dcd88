package uk.dapp.platform.outbox;

import java.text.DateFormat;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.function.BiConsumer;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;
import uk.dapp.platform.calls.ServiceCalls;

/**
 * What one service sends: the collections whose documents hold outbox entries, and one line per
 * flow naming its type, the receiver's generated event and the generated client's PUT. A service
 * declares one such bean, in its {@code caseevents} package; the relay takes every source and flow
 * from it.
 */
public final class CaseEventFlows {

    /** A generated client's {@code ApiClient(RestClient, JsonMapper, DateFormat)} constructor. */
    @FunctionalInterface
    public interface NewApiClient<C> {
        C create(RestClient rest, JsonMapper json, DateFormat dates);
    }

    private final ServiceCalls calls;
    private final List<String> sources = new ArrayList<>();
    private final List<OutboxDelivery> deliveries = new ArrayList<>();

    private CaseEventFlows(ServiceCalls calls) {
        this.calls = calls;
    }

    public static CaseEventFlows sending(ServiceCalls calls) {
        return new CaseEventFlows(calls);
    }

    /** A collection whose documents carry entries in their {@value OutboxEntry#FIELD} list. */
    public CaseEventFlows from(String collection) {
        sources.add(collection);
        return this;
    }

    /** A flow: messages of {@code type}, delivered as the receiver's {@code wireType} by {@code put}. */
    public <W> CaseEventFlows flow(CaseEventType<?> type, Class<W> wireType, CaseEventDelivery.Put<W> put) {
        deliveries.add(new CaseEventDelivery<>(calls, type, wireType, put));
        return this;
    }

    /**
     * A delivery that is not a PUT to another service: the service's own notification inbox and GOV.UK
     * Notify (ADR 0016), delivered by the same relay with the same order, retries and closing.
     */
    public CaseEventFlows delivery(OutboxDelivery delivery) {
        deliveries.add(delivery);
        return this;
    }

    /**
     * A destination's generated {@code ApiClient}, made by {@code newApiClient} from a RestClient that
     * carries the service account's token and the correlation ID and writes {@link CaseEventJson}'s
     * JSON, and pointed at the destination's base URL.
     */
    public <C> C client(String destination, NewApiClient<C> newApiClient, BiConsumer<C, String> setBasePath) {
        RestClient rest = calls.builder()
                .configureMessageConverters(converters -> converters
                        .registerDefaults()
                        .withJsonConverter(new JacksonJsonHttpMessageConverter(CaseEventJson.MAPPER)))
                .build();
        SimpleDateFormat dates = new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSSXXX", Locale.ROOT);
        dates.setTimeZone(TimeZone.getTimeZone("UTC"));
        C client = newApiClient.create(rest, CaseEventJson.MAPPER, dates);
        setBasePath.accept(client, calls.baseUrl(Destinations.require(destination)));
        return client;
    }

    List<String> sources() {
        return List.copyOf(sources);
    }

    /** The deliveries of the flows registered (for tests that drive one directly). */
    public List<OutboxDelivery> deliveries() {
        return List.copyOf(deliveries);
    }
}
