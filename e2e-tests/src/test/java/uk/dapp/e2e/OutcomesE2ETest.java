package uk.dapp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.dapp.client.partnersupport.api.DisclosuresApi;
import uk.dapp.client.partnersupport.model.AbuseCategory;
import uk.dapp.client.partnersupport.model.DisclosureNew;
import uk.dapp.client.partnersupport.model.PartnerRelationship;
import uk.dapp.client.partnersupport.model.PartnerTrackOpen;
import uk.dapp.client.programme.model.ReferralCreate;
import uk.dapp.client.programme.model.ReferralSource;
import uk.dapp.client.programme.model.RiskLevel;
import uk.dapp.e2e.riskmatrix.NominalSteps;
import uk.dapp.e2e.support.Clients;
import uk.dapp.e2e.support.Http;
import uk.dapp.e2e.support.TheSystem;
import uk.dapp.platform.caseid.CaseId;
import uk.dapp.platform.caseid.InvalidCaseIdException;

/**
 * What evaluators get through the gateway with a real token: the anonymised outcome extract (CSV
 * and JSON) and the KPIs, over cases that all three services hold, and a sweep of both for
 * anything that could identify anyone of the synthetic population. That the evaluator is refused everywhere else, and
 * every other role is refused the extract, is in the endpoint x role sweep ({@code RoleSweepE2ETest},
 * which covers the gateway's own contract); here the other roles are checked once more on the body.
 */
class OutcomesE2ETest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int CASES = 6;
    private static final String AREA = "Evalshire";
    private static final String FREE_TEXT = "synthetic account: kept the car keys at the Quillstone allotment";

    private static final List<String> caseIds = new ArrayList<>();
    /** Everything of the synthetic people that must never reach an extract. */
    private static final List<String> identifying = new ArrayList<>();

    @BeforeAll
    static void sixCasesInEveryService() {
        for (int i = 0; i < CASES; i++) {
            String given = "Extractia" + (char) ('A' + i);
            String family = "Sweepington" + (char) ('A' + i);
            LocalDate born = LocalDate.of(1983, 2, 3 + i);
            String policeId = "25/" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999) + "X";
            String partner = "Privata Partnerow" + (char) ('A' + i);
            // handed over to an area of its own (no team covers it), so its KPI row counts these six alone
            String caseId = NominalSteps.registerThenHandOver(given, family, born, policeId, AREA)
                    .getCaseId();
            Clients.referrals("facilitator")
                    .createReferral(new ReferralCreate()
                            .caseId(caseId)
                            .programmeCode("CHANGE-GROUP")
                            .source(ReferralSource.POLICE)
                            .mandated(false)
                            .riskLevel(RiskLevel.HIGH)
                            .sex(uk.dapp.client.programme.model.Sex.MALE));
            var track = Clients.partnerTracks("partner-support-worker")
                    .openPartnerTrack(
                            caseId,
                            new PartnerTrackOpen()
                                    .relationship(PartnerRelationship.EX_PARTNER)
                                    .partnerName(partner));
            new DisclosuresApi(Clients.partnerTracks("partner-support-worker").getApiClient())
                    .recordDisclosure(
                            track.getTrackId(),
                            new DisclosureNew()
                                    .disclosedOn(LocalDate.now())
                                    .category(AbuseCategory.COERCIVE_CONTROL)
                                    .riskLevel(uk.dapp.client.partnersupport.model.RiskLevel.MEDIUM)
                                    .account(FREE_TEXT));
            caseIds.add(caseId);
            identifying.addAll(List.of(
                    given,
                    family,
                    partner,
                    policeId,
                    caseId,
                    caseId.toLowerCase(),
                    track.getTrackId().toString(),
                    born.toString(),
                    born.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")),
                    "Quillstone",
                    "car keys"));
        }
    }

    private static HttpResponse<String> get(String pathAndQuery, String role) {
        TheSystem system = TheSystem.get();
        return Http.send(HttpRequest.newBuilder(URI.create(system.gatewayUrl() + pathAndQuery))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + system.keycloak().tokenFor(role))
                .GET()
                .build());
    }

    @Test
    void anEvaluatorGetsTheCsvExtractWithItsStatementAndEveryCaseUnderAPseudonym() {
        HttpResponse<String> response = get("/api/outcomes/extract", "evaluator");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(response.headers().firstValue("X-Extract-Statement").orElse(""))
                .contains("k-anonymity with k = 5");
        long total = Long.parseLong(
                response.headers().firstValue("X-Extract-Total-Rows").orElseThrow());
        long suppressed = Long.parseLong(
                response.headers().firstValue("X-Extract-Suppressed-Rows").orElseThrow());
        List<String> lines = response.body().lines().toList();
        assertThat(total).isGreaterThanOrEqualTo(CASES);
        assertThat(lines).hasSize((int) (1 + total - suppressed));
        assertThat(lines.getFirst()).startsWith("pseudonym,ageBand,sex,area,period,");
        lines.subList(1, lines.size()).forEach(line -> assertThat(line).matches("psn_[0-9a-hjkmnp-tv-z]{21},.*"));
    }

    @Test
    void theJsonExtractIsOneCompleteDocumentWithTheStatement() {
        HttpResponse<String> response = get("/api/outcomes/extract?format=json&k=6", "evaluator");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode extract = JSON.readTree(response.body());
        assertThat(extract.get("k").asInt()).isEqualTo(6);
        assertThat(extract.get("statement").asString()).contains("k = 6");
        assertThat(extract.get("complete").asBoolean()).isTrue();
        assertThat(extract.get("rows").size())
                .isEqualTo(extract.get("totalRows").asInt()
                        - extract.get("suppressedRows").asInt());
    }

    @Test
    void theExtractHoldsNoNameDateOfBirthIdentifierOrFreeTextOfTheSyntheticPeople() {
        for (String query : List.of("", "?format=json")) {
            String body = get("/api/outcomes/extract" + query, "evaluator").body();
            for (String value : identifying) {
                assertThat(body).as("extract%s must not hold %s", query, value).doesNotContainIgnoringCase(value);
            }
            // nor any case ID, ours or anyone else's, in any spelling
            Matcher tokens = Pattern.compile("[A-Za-z0-9-]{18,}").matcher(body);
            while (tokens.find()) {
                String token = tokens.group();
                boolean isCaseId;
                try {
                    CaseId.parse(token);
                    isCaseId = true;
                } catch (InvalidCaseIdException e) {
                    isCaseId = false;
                }
                assertThat(isCaseId).as("a case ID in the extract: " + token).isFalse();
            }
            // no exact date in any row: the finest is a month (the JSON's asOf is the snapshot, not anyone's date)
            String rows =
                    query.isEmpty() ? body : JSON.readTree(body).get("rows").toString();
            assertThat(rows).doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");
        }
    }

    @Test
    void anEvaluatorGetsTheKpisWithCellsOfOneToSevenPeopleHidden() {
        HttpResponse<String> response = get("/api/outcomes/kpis?period=YEAR", "evaluator");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode report = JSON.readTree(response.body());
        assertThat(report.at("/suppression/threshold").asInt()).isEqualTo(7);
        JsonNode referred = null;
        for (JsonNode table : report.get("tables")) {
            if ("COUNT".equals(table.get("kind").asString())) {
                // every published count of people is 0 or more than 7
                List<JsonNode> published = new ArrayList<>();
                table.get("cells").forEach(row -> row.forEach(published::add));
                table.get("rowTotals").forEach(published::add);
                table.get("columnTotals").forEach(published::add);
                published.add(table.get("grandTotal"));
                published.stream()
                        .filter(cell -> !cell.isNull())
                        .forEach(cell -> assertThat(cell.asInt() == 0 || cell.asInt() > 7)
                                .as(table.get("name").asString() + " shows " + cell)
                                .isTrue());
            }
            if ("referredToProgramme".equals(table.get("name").asString())) {
                referred = table;
            }
        }
        assertThat(referred).isNotNull();
        List<String> areas = new ArrayList<>();
        referred.get("rows").forEach(row -> areas.add(row.asString()));
        int evalshire = areas.indexOf(AREA.toUpperCase());
        assertThat(evalshire).as("our six cases' area is a row").isNotNegative();
        // six people referred from one area: hidden, never shown
        assertThat(referred.get("rowTotals").get(evalshire).isNull())
                .as(
                        "six people referred from %s are hidden; the table published %s (snapshot %s)",
                        AREA, referred.get("rowTotals").get(evalshire), report.get("asOf"))
                .isTrue();
        identifying.forEach(value -> assertThat(response.body()).doesNotContainIgnoringCase(value));
    }

    @Test
    void aCaseMadeJustBeforeTheKpisAreAskedForIsInThem() throws InterruptedException {
        String policeId = "25/" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999) + "X";
        TheSystem.get().keycloak().tokenFor("evaluator"); // fetched now, so that the request follows the case at once
        // at the start of a second, so that the case and the request fall in the same second
        Thread.sleep(1_000 - System.currentTimeMillis() % 1_000);
        // handed over to an area of its own, so that its row shows whether the case is counted
        String area = "Justnowshire";
        var registered =
                NominalSteps.registerThenHandOver("Recentia", "Sweepington", LocalDate.of(1984, 5, 6), policeId, area);

        HttpResponse<String> response = get("/api/outcomes/kpis?period=YEAR", "evaluator");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode report = JSON.readTree(response.body());
        List<String> areas = new ArrayList<>();
        report.get("tables").get(0).get("rows").forEach(row -> areas.add(row.asString()));
        assertThat(areas)
                .as(
                        "case %s made at %s, snapshot %s",
                        registered.getCaseId(), registered.getCreatedAt(), report.get("asOf"))
                .contains(area.toUpperCase());
    }

    @ParameterizedTest
    @ValueSource(strings = {"PROGRAMME", "REFERRAL_SOURCE"})
    void everyKpiIsAlsoGivenByProgrammeAndByReferralSourceWithTheSameSuppression(String breakdown) {
        HttpResponse<String> response = get("/api/outcomes/kpis?period=YEAR&breakdown=" + breakdown, "evaluator");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode report = JSON.readTree(response.body());
        assertThat(report.get("breakdown").asString()).isEqualTo(breakdown);
        List<String> names = new ArrayList<>();
        for (JsonNode table : report.get("tables")) {
            names.add(table.get("name").asString());
            List<String> rows = new ArrayList<>();
            table.get("rows").forEach(row -> rows.add(row.asString()));
            // our six were referred to the men's group by the police
            assertThat(rows)
                    .as(table.get("name").asString())
                    .contains(breakdown.equals("PROGRAMME") ? "CHANGE-GROUP" : "POLICE");
            if ("COUNT".equals(table.get("kind").asString())) {
                List<JsonNode> published = new ArrayList<>();
                table.get("cells").forEach(row -> row.forEach(published::add));
                table.get("rowTotals").forEach(published::add);
                table.get("columnTotals").forEach(published::add);
                published.add(table.get("grandTotal"));
                published.stream()
                        .filter(cell -> !cell.isNull())
                        .forEach(cell -> assertThat(cell.asInt() == 0 || cell.asInt() > 7)
                                .as(table.get("name").asString() + " shows " + cell)
                                .isTrue());
            }
        }
        assertThat(names)
                .contains(
                        "effectiveCompletionRate",
                        "completionRate",
                        "positiveDisposalRate",
                        "successfulProsecutionRate",
                        "repeatVictimisationRate",
                        "childrenFrightenedAtIntakeRate",
                        "childrenFrightenedAtExitRate",
                        "lessAbuseRate",
                        "reducedRiskRate",
                        "feelingSaferRate",
                        "betterQualityOfLifeRate");
        identifying.forEach(value -> assertThat(response.body()).doesNotContainIgnoringCase(value));
        // no day anywhere in the tables (the days behind effective completion stay in the gateway)
        assertThat(report.get("tables").toString()).doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"offender-manager", "facilitator", "service-manager", "partner-support-worker", "admin"})
    void everyOtherRoleIsRefusedTheExtractAndTheKpis(String role) {
        for (String path : List.of("/api/outcomes/extract?format=json", "/api/outcomes/kpis")) {
            HttpResponse<String> response = get(path, role);

            assertThat(response.statusCode()).as(path).isEqualTo(403);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
            assertThat(response.body()).doesNotContain("psn_", "tables");
        }
    }

    @Test
    void theServicesContributionsAreNotReachableThroughTheGateway() {
        for (String service : List.of("risk-matrix", "programme", "partner-support")) {
            assertThat(get("/api/" + service + "/evaluator/contributions", "evaluator")
                            .statusCode())
                    .as(service)
                    .isEqualTo(404);
        }
    }
}
