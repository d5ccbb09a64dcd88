package uk.dapp.demo.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The demo escalates by hand the first alert of each team left unreviewed (concerns first, then in the
 * people's order, whatever order the threads offered them in), as the team's facilitator, with the
 * reason, and no other: against a stand-in for Keycloak's token endpoint and the gateway.
 */
class HandEscalationsTest {

    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> tokensFor = new CopyOnWriteArrayList<>();

    @BeforeEach
    void standIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/realms/dapp/protocol/openid-connect/token", exchange -> {
            String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            for (String field : form.split("&")) {
                if (field.startsWith("username=")) {
                    tokensFor.add(URLDecoder.decode(field.substring("username=".length()), StandardCharsets.UTF_8));
                }
            }
            answer(exchange, "{\"access_token\":\"token-" + tokensFor.size() + "\",\"expires_in\":300}");
        });
        server.createContext("/api/programme/alerts/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String alertId = exchange.getRequestURI().getPath().split("/")[4];
            requests.add(
                    exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
                            + exchange.getRequestHeaders().getFirst("Authorization") + " " + body);
            answer(exchange, """
                    {"alertId":"%s","caseId":"7KQM4X-ZP9RTD-2HBWJG","source":"FACILITATOR_CONCERN","concern":"c",
                     "raisedBy":"demo-facilitator","raisedAt":"2026-11-23T10:00:00Z","reviewDueBy":"2026-11-24T10:00:00Z",
                     "status":"OPEN","overdue":false,"escalatedAt":"2026-11-23T10:05:00Z","escalationWay":"BY_HAND"}""".formatted(alertId));
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void theFirstUnreviewedAlertOfEachTeamIsEscalatedByItsFacilitatorWithTheReasonAndNoOther() {
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        Counts counts = new Counts();
        HandEscalations escalations = new HandEscalations(new Gateway(url, url, "demo-password"), counts);
        UUID northConcern = UUID.randomUUID();
        UUID southDisclosure = UUID.randomUUID();
        // offered as the threads get there: a disclosure's alert of an earlier person, then concerns
        escalations.offer(HandEscalations.AFTER_CONCERNS + 1, UUID.randomUUID(), DemoTeam.NORTH, "a disclosure");
        escalations.offer(7, UUID.randomUUID(), DemoTeam.NORTH, "a later person's concern");
        escalations.offer(3, northConcern, DemoTeam.NORTH, "this cannot wait");
        escalations.offer(HandEscalations.AFTER_CONCERNS + 2, southDisclosure, DemoTeam.SOUTH, "urgent in the south");

        List<HandEscalations.Candidate> chosen = escalations.firstOfEachTeam();
        assertThat(chosen)
                .extracting(HandEscalations.Candidate::alertId)
                .containsExactly(northConcern, southDisclosure);
        chosen.forEach(escalations::escalate);

        assertThat(requests).hasSize(2);
        assertThat(requests.get(0))
                .startsWith("POST /api/programme/alerts/" + northConcern + "/escalation Bearer token-1 ")
                .endsWith("{\"reason\":\"this cannot wait\"}");
        assertThat(requests.get(1)).contains("Bearer token-2").endsWith("{\"reason\":\"urgent in the south\"}");
        assertThat(tokensFor).containsExactly("demo-facilitator", "demo-facilitator-south");
        assertThat(counts.get(Loader.PROGRAMME, HandEscalations.COUNTED)).isEqualTo(2);
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
