package uk.dapp.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.web.util.UriBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.dapp.client.programme.model.ProgrammeContribution;
import uk.dapp.client.riskmatrix.model.RiskMatrixContribution;
import uk.dapp.gateway.outcomes.JoinedCase;
import uk.dapp.gateway.problem.ContributionsUnavailableException;
import uk.dapp.platform.security.Roles;

/** {@code GET /api/outcomes/kpis}: evaluators only, from the joined contributions, suppressed. */
class OutcomeKpisTest extends GatewayTest {

    private static final String PATH = "/api/outcomes/kpis";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    TestJoinedCases contributions;

    @BeforeEach
    void noCases() {
        contributions.reset();
    }

    private static String evaluator() {
        return Tokens.forUser(UUID.randomUUID().toString(), "evaluator");
    }

    /** Ten engaged cases decided in March 2026 in Northshire, two referred in May in Eastmoor. */
    private static List<JoinedCase> cases() {
        List<JoinedCase> cases = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            cases.add(new JoinedCase(
                    "CASE-" + i,
                    new RiskMatrixContribution()
                            .caseId("CASE-" + i)
                            .ageBand("28-32")
                            .area("Northshire")
                            .decisionMonth("2026-03")
                            .routingDecision(RiskMatrixContribution.RoutingDecisionEnum.ENGAGE)
                            .harmBefore(100L)
                            .harmAfter(40L)
                            .repeatIncidentsAfter(0)
                            .repeatVictimsAfter(0)
                            .justiceOutcomesAfter(0)
                            .followUpMonths(6),
                    null,
                    null));
        }
        for (int i = 10; i < 12; i++) {
            cases.add(new JoinedCase(
                    "CASE-" + i,
                    new RiskMatrixContribution()
                            .caseId("CASE-" + i)
                            .ageBand("28-32")
                            .area("Eastmoor")
                            .followUpMonths(0),
                    new ProgrammeContribution()
                            .caseId("CASE-" + i)
                            .referralMonth("2026-05")
                            .programmeCode("DRIVE")
                            .referralSource("POLICE")
                            .mandated(false)
                            .sessionsAttended(0)
                            .sessionsRequired(10)
                            .referrals(1),
                    null));
        }
        return cases;
    }

    private JsonNode kpis(java.util.function.Function<UriBuilder, java.net.URI> uri, String token) {
        byte[] body = client.get()
                .uri(uri)
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .returnResult()
                .getResponseBodyContent();
        return JSON.readTree(body);
    }

    private static JsonNode table(JsonNode report, String name) {
        for (JsonNode table : report.get("tables")) {
            if (table.get("name").asString().equals(name)) {
                return table;
            }
        }
        throw new AssertionError("no table " + name);
    }

    @Test
    void anEvaluatorGetsTheSuppressedTablesReadAsOfTheSnapshotWithTheirOwnToken() {
        contributions.serve(cases());
        String token = evaluator();
        JsonNode report = kpis(
                b -> b.path(PATH)
                        .queryParam("asOf", "2026-06-30T23:00:00Z")
                        .queryParam("period", "MONTH")
                        .build(),
                token);

        assertThat(contributions.askedAsOf).isEqualTo(OffsetDateTime.parse("2026-06-30T23:00:00Z"));
        assertThat(contributions.askedToken).isEqualTo(token);
        assertThat(contributions.askedOnThread)
                .as("blocking reads run off the event loop")
                .contains("outcome-work");
        assertThat(contributions.closed.get()).as("the stream is closed").isEqualTo(1);

        assertThat(report.get("asOf").asString()).isEqualTo("2026-06-30T23:00:00Z");
        assertThat(report.get("period").asString()).isEqualTo("MONTH");
        assertThat(report.get("areaLevel").asString()).isEqualTo("AREA");
        assertThat(report.get("breakdown").asString()).isEqualTo("AREA");
        assertThat(report.at("/suppression/threshold").asInt()).isEqualTo(7);
        assertThat(report.at("/suppression/rule").asString()).contains("1 to 7", "secondary suppression");
        assertThat(report.toString()).doesNotContain("CASE-");

        JsonNode identified = table(report, "identified");
        assertThat(identified.get("kind").asString()).isEqualTo("COUNT");
        assertThat(identified.get("definition").asString()).isNotBlank();
        assertThat(identified.get("rows").toString()).isEqualTo("[\"EASTMOOR\",\"NORTHSHIRE\"]");
        assertThat(identified.get("columns").toString()).isEqualTo("[\"2026-03\",\"2026-05\"]");
        // ten people decided in Northshire in March; nobody decided in Eastmoor
        assertThat(identified.get("cells").toString()).isEqualTo("[[0,0],[10,0]]");
        assertThat(identified.get("rowTotals").toString()).isEqualTo("[0,10]");
        assertThat(identified.get("columnTotals").toString()).isEqualTo("[10,0]");
        assertThat(identified.get("grandTotal").asInt()).isEqualTo(10);

        // two referrals in Eastmoor: hidden, and so is every figure that would give them away
        JsonNode referred = table(report, "referredToProgramme");
        assertThat(referred.get("cells").toString()).isEqualTo("[[0,null],[0,0]]");
        assertThat(referred.get("grandTotal").isNull()).isTrue();

        JsonNode harm = table(report, "harmChange");
        assertThat(harm.get("kind").asString()).isEqualTo("SUM");
        assertThat(harm.get("basedOn").toString()).isEqualTo("[\"harmCompared\"]");
        assertThat(harm.get("cells").get(1).get(0).asInt()).isEqualTo(-600);
        assertThat(table(report, "effectiveCompletionRate").get("grandTotal").isNull())
                .isTrue();
    }

    @Test
    void theDefaultsAreNowByQuarterAndArea() {
        contributions.serve(cases());
        OffsetDateTime before = OffsetDateTime.now().minusSeconds(1);
        JsonNode report = kpis(b -> b.path(PATH).build(), evaluator());
        assertThat(contributions.askedAsOf)
                .isAfter(before)
                .isBefore(OffsetDateTime.now().plusSeconds(1));
        assertThat(report.get("period").asString()).isEqualTo("QUARTER");
        assertThat(report.get("areaLevel").asString()).isEqualTo("AREA");
        assertThat(table(report, "identified").get("columns").toString()).isEqualTo("[\"2026-Q1\",\"2026-Q2\"]");
    }

    @Test
    void everyKpiCanBeBrokenDownByProgrammeOrReferralSourceAndARateCarriesItsComparisonFigure() {
        contributions.serve(cases());
        JsonNode byProgramme = kpis(
                b -> b.path(PATH)
                        .queryParam("asOf", "2026-06-30T23:00:00Z")
                        .queryParam("breakdown", "PROGRAMME")
                        .build(),
                evaluator());
        assertThat(byProgramme.get("breakdown").asString()).isEqualTo("PROGRAMME");
        for (JsonNode table : byProgramme.get("tables")) {
            assertThat(table.get("rows").toString())
                    .as(table.get("name").asString())
                    .isEqualTo("[\"DRIVE\",\"NOT_REFERRED\"]");
        }
        // the ten decided cases have no referral
        assertThat(table(byProgramme, "identified").get("cells").toString()).isEqualTo("[[0,0],[10,0]]");

        JsonNode bySource = kpis(
                b -> b.path(PATH)
                        .queryParam("asOf", "2026-06-30T23:00:00Z")
                        .queryParam("breakdown", "REFERRAL_SOURCE")
                        .build(),
                evaluator());
        assertThat(table(bySource, "identified").get("rows").toString()).isEqualTo("[\"NOT_REFERRED\",\"POLICE\"]");

        JsonNode effective = table(byProgramme, "effectiveCompletionRate");
        assertThat(effective.at("/comparison/figure").decimalValue()).isEqualByComparingTo("0.8");
        assertThat(effective.at("/comparison/source").asString()).contains("framework");
        assertThat(table(byProgramme, "lessAbuseRate").has("comparison")
                        && !table(byProgramme, "lessAbuseRate")
                                .get("comparison")
                                .isNull())
                .isFalse();
    }

    @Test
    void onlyEvaluatorsMayReadThem() {
        assertProblem(client.get().uri(PATH).exchange(), 401);
        for (String role : Roles.ALL) {
            int status = client.get()
                    .uri(PATH)
                    .headers(h -> h.setBearerAuth(Tokens.forUser("u-" + role, role)))
                    .exchange()
                    .returnResult(byte[].class)
                    .getStatus()
                    .value();
            assertThat(status).as(role).isEqualTo(role.equals("evaluator") ? 200 : 403);
        }
        assertProblem(
                client.get()
                        .uri(PATH)
                        .headers(h -> h.setBearerAuth(Tokens.forUser("u-admin", "admin")))
                        .exchange(),
                403);
    }

    @Test
    void aServiceThatCannotBeReadMakesIt503() {
        contributions.failWith(new ContributionsUnavailableException("programme", "answered 500", null));
        assertProblem(
                        client.get()
                                .uri(PATH)
                                .headers(h -> h.setBearerAuth(evaluator()))
                                .exchange(),
                        503)
                .jsonPath("$.detail")
                .value(detail -> assertThat(detail.toString()).contains("programme"));
    }

    /** Issue 13: like the extract, no snapshot in the future, which no service can answer for yet. */
    @Test
    void aSnapshotInTheFutureIsRefused() {
        String tomorrow = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC)
                .plusDays(1)
                .toString();
        assertProblem(
                        client.get()
                                .uri(b -> b.path(PATH)
                                        .queryParam("asOf", tomorrow)
                                        .build())
                                .headers(h -> h.setBearerAuth(evaluator()))
                                .exchange(),
                        400)
                .jsonPath("$.errors[0].field")
                .isEqualTo("asOf")
                .jsonPath("$.errors[0].rule")
                .isEqualTo("NotInFuture");
        assertThat(contributions.askedToken).as("no service was asked").isNull();
    }

    @Test
    void malformedParametersAreRefusedNamingTheField() {
        for (String[] bad : new String[][] {
            {"period", "WEEK"}, {"areaLevel", "STREET"}, {"asOf", "yesterday"}, {"breakdown", "POSTCODE"}
        }) {
            assertProblem(
                            client.get()
                                    .uri(b -> b.path(PATH)
                                            .queryParam(bad[0], bad[1])
                                            .build())
                                    .headers(h -> h.setBearerAuth(evaluator()))
                                    .exchange(),
                            400)
                    .jsonPath("$.errors[0].field")
                    .isEqualTo(bad[0])
                    .jsonPath("$.errors[0].rule")
                    .isEqualTo("Type");
        }
        assertThat(contributions.askedToken).as("no service was asked").isNull();
    }
}
