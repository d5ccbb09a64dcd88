package uk.dapp.partnersupport.disclosure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static uk.dapp.partnersupport.TestTracks.json;
import static uk.dapp.partnersupport.TestTracks.newCaseId;
import static uk.dapp.partnersupport.TestTracks.openTrack;
import static uk.dapp.partnersupport.TestTracks.send;
import static uk.dapp.platform.testsupport.Callers.as;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.dapp.platform.outbox.OutboxEntry;
import uk.dapp.platform.outbox.OutboxMessage;
import uk.dapp.platform.outbox.OutboxRelay;
import uk.dapp.platform.testsupport.ServiceTest;

/**
 * Risk alerts leaving through the relay to programme-service's receiver, with WireMock standing in
 * for programme-service and for Keycloak's token endpoint: what is sent, with which token, what
 * happens when the receiver is slow, resets the connection, fails or refuses, and what consent
 * stops. One class on purpose: its properties make a Spring context of its own.
 */
@ServiceTest
class RiskAlertDeliveryTest {

    private static final String TOKEN = "svc-partner-support-token";
    private static final String ALERTS = "/case-events/risk-alerts/";
    private static final String TRACK_HOLDINGS = "/case-events/track-holdings/";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final WireMockServer PROGRAMME = new WireMockServer(options().dynamicPort());

    static {
        PROGRAMME.start();
    }

    @DynamicPropertySource
    static void pointAtWireMock(DynamicPropertyRegistry registry) {
        registry.add("dapp.services.programme.url", PROGRAMME::baseUrl);
        registry.add("dapp.service-account.token-uri", () -> PROGRAMME.baseUrl() + "/token");
        // one call: two attempts cut off at 1 s each; a failed message may go again on the very next pass
        registry.add("dapp.calls.timeout", () -> "2s");
        registry.add("dapp.calls.retry.attempts", () -> "2");
        registry.add("dapp.calls.retry.first-backoff", () -> "10ms");
        // the breaker's own behaviour is the platform's test; here it must not open between the cases
        registry.add("dapp.calls.breaker.window", () -> "100");
        registry.add("dapp.outbox.relay.first-backoff", () -> "0s");
        registry.add("dapp.outbox.relay.max-backoff", () -> "0s");
    }

    @AfterAll
    static void stopWireMock() {
        PROGRAMME.stop();
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    OutboxRelay relay;

    @BeforeEach
    void programmeAcceptsEverything() {
        PROGRAMME.resetAll();
        PROGRAMME.stubFor(post(urlEqualTo("/token"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                                "{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"Bearer\",\"expires_in\":300}")));
        // the default answer, for any message a test leaves behind; each test adds its own case first
        PROGRAMME.stubFor(put(urlPathMatching(ALERTS + ".*"))
                .atPriority(10)
                .willReturn(aResponse().withStatus(204)));
        // every track opened here also tells programme-service the case is supported (ADR 0009)
        PROGRAMME.stubFor(put(urlPathMatching(TRACK_HOLDINGS + ".*"))
                .atPriority(10)
                .willReturn(aResponse().withStatus(204)));
    }

    private record Disclosed(String caseId, String trackId, String alertId) {}

    private Disclosed disclose(String level, boolean consentToProgramme) throws Exception {
        String caseId = newCaseId();
        String trackId = openTrack(mvc, caseId, "Hazel Testcase");
        if (consentToProgramme) {
            giveConsent(trackId);
        }
        return new Disclosed(caseId, trackId, discloseOn(trackId, level));
    }

    private String discloseOn(String trackId, String level) throws Exception {
        return json(send(
                                mvc,
                                MockMvcRequestBuilders.post("/partner-tracks/" + trackId + "/disclosures"),
                                "{\"disclosedOn\":\""
                                        + LocalDate.now().minusDays(2) + "\",\"category\":\"THREATS\",\"riskLevel\":\""
                                        + level + "\","
                                        + "\"account\":\"he said he would find me at the allotment\",\"location\":\"the allotment\"}")
                        .andExpect(status().isCreated()))
                .get("disclosureId")
                .asString();
    }

    private String giveConsent(String trackId) throws Exception {
        return json(send(
                                mvc,
                                MockMvcRequestBuilders.post("/partner-tracks/" + trackId + "/consents"),
                                "{\"type\":\"INFORMATION_SHARING\"," + "\"givenOn\":\"" + LocalDate.now()
                                        + "\",\"scope\":[\"PROGRAMME\"]}")
                        .andExpect(status().isCreated()))
                .get("consentId")
                .asString();
    }

    private JsonNode alert(Disclosed d) throws Exception {
        JsonNode alerts =
                json(mvc.perform(get("/cases/" + d.caseId() + "/risk-alerts").with(as("partner-support-worker")))
                        .andExpect(status().isOk()));
        assertThat(alerts.size()).isEqualTo(1);
        assertThat(alerts.get(0).get("alertId").asString()).isEqualTo(d.alertId());
        return alerts.get(0);
    }

    private List<LoggedRequest> sent(Disclosed d) {
        return PROGRAMME.findAll(putRequestedFor(urlEqualTo(ALERTS + d.alertId())));
    }

    @Test
    void anAlertWithConsentCarriesOnlyCaseLevelCategoryAndDateUnderTheServiceAccountsToken() throws Exception {
        Disclosed d = disclose("MEDIUM", true);
        assertThat(alert(d).get("status").asString()).isEqualTo("PENDING");

        assertThat(relay.runOnce().delivered()).isGreaterThanOrEqualTo(1);

        List<LoggedRequest> sent = sent(d);
        assertThat(sent).hasSize(1);
        assertThat(sent.getFirst().getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
        JsonNode body = JSON.readTree(sent.getFirst().getBodyAsString());
        assertThat(Set.copyOf(body.propertyNames()))
                .containsExactlyInAnyOrder("caseId", "level", "category", "disclosedOn");
        assertThat(body.get("caseId").asString()).isEqualTo(d.caseId());
        assertThat(body.get("level").asString()).isEqualTo("MEDIUM");
        assertThat(body.get("category").asString()).isEqualTo("THREATS");
        assertThat(body.get("disclosedOn").asString())
                .isEqualTo(LocalDate.now().minusDays(2).toString());
        assertThat(sent.getFirst().getBodyAsString())
                .doesNotContain("allotment")
                .doesNotContain("Hazel")
                .doesNotContain(d.trackId());

        JsonNode alert = alert(d);
        assertThat(alert.get("status").asString()).isEqualTo("DELIVERED");
        assertThat(alert.get("sharingBasis").asString()).isEqualTo("CONSENT");
        assertThat(alert.get("level").asString()).isEqualTo("MEDIUM");
        assertThat(alert.get("category").asString()).isEqualTo("THREATS");
        assertThat(alert.get("attempts").asInt()).isZero();
        assertThat(alert.has("closedAt")).isTrue();
        // moved out of the disclosure, and the payload is not kept once delivered
        assertThat(mongo.findById(d.alertId(), Document.class, Disclosure.COLLECTION)
                        .getList(OutboxEntry.FIELD, Document.class))
                .isEmpty();
        assertThat(mongo.findById(d.alertId(), Document.class, OutboxMessage.COLLECTION))
                .doesNotContainKey("payload");

        relay.runOnce();
        assertThat(sent(d)).as("a delivered alert is not sent again").hasSize(1);
    }

    @Test
    void consentWithdrawnBeforeTheRelayRunsWithholdsTheAlertAndNothingIsSent() throws Exception {
        String caseId = newCaseId();
        String trackId = openTrack(mvc, caseId, "Hazel Testcase");
        String consentId = giveConsent(trackId);
        Disclosed d = new Disclosed(caseId, trackId, discloseOn(trackId, "MEDIUM"));
        send(
                        mvc,
                        MockMvcRequestBuilders.post(
                                "/partner-tracks/" + trackId + "/consents/" + consentId + "/withdrawal"),
                        "{}")
                .andExpect(status().isOk());

        assertThat(relay.runOnce().withheld()).isGreaterThanOrEqualTo(1);

        assertThat(sent(d)).isEmpty();
        JsonNode alert = alert(d);
        assertThat(alert.get("status").asString()).isEqualTo("WITHHELD");
        assertThat(alert.get("statusReason").asString()).isEqualTo(RiskAlertSharing.WITHHELD_WITHOUT_CONSENT);
        assertThat(alert.has("sharingBasis")).isFalse();
        // final: consent given again later does not revive it
        giveConsent(trackId);
        relay.runOnce();
        assertThat(sent(d)).isEmpty();
        assertThat(alert(d).get("status").asString()).isEqualTo("WITHHELD");
    }

    @Test
    void aStandardAlertWithNoConsentEverIsWithheld() throws Exception {
        Disclosed d = disclose("STANDARD", false);
        relay.runOnce();
        assertThat(sent(d)).isEmpty();
        assertThat(alert(d).get("status").asString()).isEqualTo("WITHHELD");
    }

    @Test
    void aHighRiskGoesWithoutConsentAndTheSafeguardingBasisIsShown() throws Exception {
        String caseId = newCaseId();
        String trackId = openTrack(mvc, caseId, "Hazel Testcase");
        String consentId = giveConsent(trackId);
        send(
                        mvc,
                        MockMvcRequestBuilders.post(
                                "/partner-tracks/" + trackId + "/consents/" + consentId + "/withdrawal"),
                        "{}")
                .andExpect(status().isOk());
        Disclosed d = new Disclosed(caseId, trackId, discloseOn(trackId, "HIGH"));

        relay.runOnce();

        assertThat(sent(d)).hasSize(1);
        JsonNode alert = alert(d);
        assertThat(alert.get("status").asString()).isEqualTo("DELIVERED");
        assertThat(alert.get("sharingBasis").asString()).isEqualTo("HIGH_RISK_SAFEGUARDING");
    }

    @Test
    void aReceiverSlowerThanTheTimeLimitLeavesTheAlertPendingUntilALaterPassDeliversIt() throws Exception {
        Disclosed d = disclose("HIGH", true);
        var slow = PROGRAMME.stubFor(put(urlEqualTo(ALERTS + d.alertId()))
                .atPriority(1)
                .willReturn(aResponse().withStatus(204).withFixedDelay(6_000)));

        relay.runOnce();
        JsonNode pending = alert(d);
        assertThat(pending.get("status").asString()).isEqualTo("PENDING");
        assertThat(pending.get("attempts").asInt()).isEqualTo(1);

        PROGRAMME.removeStub(slow);
        relay.runOnce();
        assertThat(alert(d).get("status").asString()).isEqualTo("DELIVERED");
    }

    @Test
    void aResetConnectionLeavesTheAlertPendingUntilALaterPassDeliversIt() throws Exception {
        Disclosed d = disclose("HIGH", true);
        var reset = PROGRAMME.stubFor(put(urlEqualTo(ALERTS + d.alertId()))
                .atPriority(1)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        relay.runOnce();
        assertThat(alert(d).get("status").asString()).isEqualTo("PENDING");

        PROGRAMME.removeStub(reset);
        relay.runOnce();
        assertThat(alert(d).get("status").asString()).isEqualTo("DELIVERED");
    }

    @Test
    void aBurstOf5xxLeavesTheAlertPendingUntilALaterPassDeliversIt() throws Exception {
        Disclosed d = disclose("HIGH", true);
        String path = ALERTS + d.alertId();
        String[] states = {Scenario.STARTED, "failed once", "failed twice"};
        for (int i = 0; i < states.length; i++) {
            PROGRAMME.stubFor(put(urlEqualTo(path))
                    .atPriority(1)
                    .inScenario("burst")
                    .whenScenarioStateIs(states[i])
                    .willSetStateTo(i + 1 < states.length ? states[i + 1] : "recovered")
                    .willReturn(aResponse().withStatus(i == 1 ? 502 : 503)));
        }
        PROGRAMME.stubFor(put(urlEqualTo(path))
                .atPriority(1)
                .inScenario("burst")
                .whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(204)));

        relay.runOnce();
        JsonNode pending = alert(d);
        assertThat(pending.get("status").asString()).isEqualTo("PENDING");
        assertThat(pending.get("attempts").asInt()).isEqualTo(1);

        relay.runOnce();
        assertThat(alert(d).get("status").asString()).isEqualTo("DELIVERED");
        assertThat(sent(d)).hasSize(4);
    }

    @Test
    void aRefusalIsKeptAsRejectedAndNotSentAgain() throws Exception {
        Disclosed d = disclose("HIGH", true);
        PROGRAMME.stubFor(put(urlEqualTo(ALERTS + d.alertId()))
                .atPriority(1)
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"title\":\"Invalid request\",\"status\":400}")));

        assertThat(relay.runOnce().rejected()).isEqualTo(1);
        JsonNode alert = alert(d);
        assertThat(alert.get("status").asString()).isEqualTo("REJECTED");
        assertThat(alert.get("statusReason").asString()).contains("400");

        relay.runOnce();
        assertThat(sent(d)).hasSize(1);
    }

    @Test
    void aTrackOpeningReachesProgrammeAsAnOpaqueReferenceAndNothingAboutThePartner() throws Exception {
        String caseId = newCaseId();
        String trackId = openTrack(mvc, caseId, "Juniper Testcase");
        relay.runOnce();
        List<LoggedRequest> sent = PROGRAMME.findAll(putRequestedFor(urlPathMatching(TRACK_HOLDINGS + ".*"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(caseId)));
        assertThat(sent).singleElement().satisfies(r -> {
            assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
            JsonNode body = JSON.readTree(r.getBodyAsString());
            assertThat(Set.copyOf(body.propertyNames()))
                    .containsExactlyInAnyOrder("caseId", "trackRef", "held", "sequence");
            assertThat(body.get("trackRef").asString())
                    .isEqualTo(uk.dapp.partnersupport.track.PartnerTrack.referenceOf(trackId))
                    .isNotEqualTo(trackId);
            assertThat(body.get("held").asBoolean()).isTrue();
            assertThat(body.get("sequence").asLong()).isEqualTo(1);
            assertThat(r.getBodyAsString()).doesNotContain("Juniper");
        });
    }
}
