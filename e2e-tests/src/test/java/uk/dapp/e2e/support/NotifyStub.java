package uk.dapp.e2e.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * GOV.UK Notify as the system under test meets it: WireMock answering with the mappings in
 * {@code notify-stub/} (the same ones {@code ./dapp up} serves), started once with the system. The
 * tests read what was "emailed" from its request journal.
 */
public final class NotifyStub {

    /** A made-up key and template in Notify's formats (the key's last two parts are a service ID and a secret). */
    private static final String API_KEY =
            "dapp_e2e-2b7c4d1e-9f3a-4e5b-8c6d-7a1b2c3d4e5f-6e5d4c3b-2a19-4f8e-9d7c-6b5a4f3e2d1c";

    static final String TEMPLATE_ID = "9c8b7a6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";

    private final WireMockServer server;
    private final JsonMapper json = JsonMapper.builder().build();

    NotifyStub(Path mappings) {
        server = new WireMockServer(options()
                .bindAddress("127.0.0.1")
                .port(FreePorts.next())
                .usingFilesUnderDirectory(mappings.toString()));
    }

    void start() {
        server.start();
    }

    void stop() {
        server.stop();
    }

    /** What each service is started with to email through this stub. */
    List<String> serviceArguments() {
        return List.of(
                "--dapp.notify.enabled=true",
                "--dapp.notify.base-url=http://127.0.0.1:" + server.port(),
                "--dapp.notify.api-key=" + API_KEY,
                "--dapp.notify.template-id=" + TEMPLATE_ID,
                "--dapp.notify.sign-in-url=https://dapp.example/notifications");
    }

    /** One email Notify was asked to send, as its API received it. */
    public record Email(String emailAddress, String templateId, JsonNode personalisation, String body, int status) {}

    /** Every email Notify was asked to send so far, with the status the stub answered. */
    public List<Email> emails() {
        return server.getAllServeEvents().stream()
                .filter(event -> event.getRequest().getUrl().startsWith("/v2/notifications/email"))
                .map(event -> {
                    JsonNode body = json.readTree(event.getRequest().getBodyAsString());
                    return new Email(
                            body.path("email_address").asString(),
                            body.path("template_id").asString(),
                            body.path("personalisation"),
                            event.getRequest().getBodyAsString(),
                            event.getResponse().getStatus());
                })
                .toList();
    }

    /** The emails about one case. */
    public List<Email> emailsAbout(String caseId) {
        return emails().stream()
                .filter(email ->
                        caseId.equals(email.personalisation().path("case_id").asString()))
                .toList();
    }
}
