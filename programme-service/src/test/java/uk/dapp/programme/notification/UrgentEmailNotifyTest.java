package uk.dapp.programme.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import uk.dapp.platform.notification.Directory;
import uk.dapp.platform.notification.Notification;
import uk.dapp.platform.outbox.OutboxRelay;
import uk.dapp.platform.security.Roles;
import uk.dapp.programme.Api;
import uk.dapp.programme.MovableClock;
import uk.dapp.programme.ProgrammeServiceTest;

/**
 * Urgent notifications are emailed through GOV.UK Notify (issue 16 item 9), here a WireMock stub of
 * Notify's published API behind its official client: one email to each person the notification is for
 * who has an address, carrying the case ID, what to do and a link only; a Notify failure loses nothing
 * (the outbox tries again, and nobody already emailed is emailed twice). The people and their addresses
 * stand in for Keycloak's directory.
 */
@ProgrammeServiceTest
@Import(UrgentEmailNotifyTest.People.class)
class UrgentEmailNotifyTest {

    private static final String TEMPLATE = "a7f2c3d4-0000-4000-8000-00000000e1a1";
    private static final WireMockServer NOTIFY = start();

    private static WireMockServer start() {
        WireMockServer server =
                new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        return server;
    }

    @AfterAll
    static void stop() {
        NOTIFY.stop();
    }

    @DynamicPropertySource
    static void notify(DynamicPropertyRegistry registry) {
        registry.add("dapp.notify.enabled", () -> "true");
        registry.add("dapp.notify.base-url", () -> "http://127.0.0.1:" + NOTIFY.port());
        registry.add("dapp.notify.api-key", () -> "dapp_test-" + UUID.randomUUID() + "-" + UUID.randomUUID());
        registry.add("dapp.notify.template-id", () -> TEMPLATE);
        registry.add("dapp.notify.sign-in-url", () -> "https://dapp.example/inbox");
    }

    /** Two service managers of the test team, one with no address in the directory (instead of the shared TestDirectory). */
    @TestConfiguration
    static class People {
        @Bean
        @Primary
        Directory directory() {
            return recipient -> Roles.SERVICE_MANAGER.equals(recipient.role())
                    ? List.of(
                            new Directory.Person("u-sm-1", "sm-one", "sm.one@dapp.example"),
                            new Directory.Person("u-sm-2", "sm-two", null))
                    : List.of();
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    OutboxRelay relay;

    @Autowired
    MovableClock clock;

    @Autowired
    MongoTemplate mongo;

    @BeforeEach
    void reset() {
        NOTIFY.resetAll();
    }

    private static String accepted() {
        return """
                {"id":"%s","reference":"r","uri":"https://api.notifications.service.gov.uk/v2/notifications/x",
                 "template":{"id":"%s","version":1,"uri":"https://api.notifications.service.gov.uk/t"},
                 "content":{"body":"b","subject":"s","from_email":"dapp@notifications.service.gov.uk"}}""".formatted(UUID.randomUUID(), TEMPLATE);
    }

    @Test
    void anUrgentNotificationIsEmailedToEachPersonWithAnAddressWithTheCaseIdAndWhatToDoOnly() throws Exception {
        NOTIFY.stubFor(post(urlEqualTo("/v2/notifications/email"))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody(accepted())));
        String alertId = raiseAlert("he was seen outside her flat");
        deliverAll();

        List<LoggedRequest> emails = emailsAbout(alertId);
        assertThat(emails).hasSize(1);
        NOTIFY.verify(postRequestedFor(urlEqualTo("/v2/notifications/email"))
                .withRequestBody(matchingJsonPath("$.email_address", equalTo("sm.one@dapp.example")))
                .withRequestBody(matchingJsonPath("$.template_id", equalTo(TEMPLATE)))
                .withRequestBody(matchingJsonPath("$.personalisation.case_id", equalTo(caseOf(alertId))))
                .withRequestBody(matchingJsonPath("$.personalisation.link", equalTo("https://dapp.example/inbox"))));
        assertThat(emails.get(0).getBodyAsString())
                .doesNotContain("outside her flat")
                .doesNotContain("sm-one");
        assertThat(emails.get(0).getHeader("Authorization")).startsWith("Bearer ");
        assertThat(notification(alertId).emailedTo()).containsExactlyInAnyOrder("u-sm-1", "u-sm-2");
    }

    @Test
    void aNotifyFailureLosesNothingTheEmailIsSentOnceWhenNotifyAnswersAgain() throws Exception {
        NOTIFY.stubFor(post(urlEqualTo("/v2/notifications/email"))
                .willReturn(aResponse().withStatus(500)));
        String alertId = raiseAlert("a worry");
        deliverAll();
        assertThat(emailsAbout(alertId)).isNotEmpty();
        assertThat(notification(alertId).emailedTo()).isEmpty();

        NOTIFY.resetAll();
        NOTIFY.stubFor(post(urlEqualTo("/v2/notifications/email"))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody(accepted())));
        clock.advance(Duration.ofHours(2));
        deliverAll();
        deliverAll();
        assertThat(emailsAbout(alertId)).hasSize(1);
        assertThat(notification(alertId).emailedTo()).contains("u-sm-1");
    }

    private String raiseAlert(String concern) throws Exception {
        Api api = new Api(mvc);
        String referralId = api.refer("DRIVE-1TO1", null, false, null, "HIGH");
        return api.expect(
                        201,
                        "POST",
                        "/referrals/" + referralId + "/alerts",
                        "facilitator",
                        "{\"concern\":\"" + concern + "\"}")
                .text("alertId");
    }

    private void deliverAll() {
        for (int i = 0; i < 3; i++) {
            relay.runOnce();
        }
    }

    private Notification notification(String alertId) {
        return mongo.findOne(Query.query(Criteria.where("subjectId").is(alertId)), Notification.class);
    }

    /** The emails Notify was asked to send about this alert's case (other tests' may be delivered too). */
    private List<LoggedRequest> emailsAbout(String alertId) {
        return NOTIFY.findAll(postRequestedFor(urlEqualTo("/v2/notifications/email"))
                .withRequestBody(matchingJsonPath("$.personalisation.case_id", equalTo(caseOf(alertId)))));
    }

    private String caseOf(String alertId) {
        return notification(alertId).caseId();
    }
}
