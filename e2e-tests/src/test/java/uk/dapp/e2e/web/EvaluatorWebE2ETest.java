package uk.dapp.e2e.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
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
import uk.dapp.e2e.support.Browser;
import uk.dapp.e2e.support.Clients;
import uk.dapp.e2e.support.Http;
import uk.dapp.e2e.support.TheSystem;

/**
 * The evaluator's day in a real browser, through the real Keycloak sign-in, the web app and the
 * gateway's outcome KPIs and extract, over a synthetic population loaded first (37 cases in four
 * areas of their own, with names, dates of birth, police identifiers, partners and disclosures'
 * free text): the dashboard (every chart's figures are the table's and the API's), its filters,
 * a KPI's own page, the same with the keyboard alone, the extract's statement and the CSV
 * downloaded. Every page's HTML is swept for anything identifying; axe-core runs on every page.
 */
class EvaluatorWebE2ETest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String FREE_TEXT = "synthetic account: the spare key is under the Brackenholt sundial";
    private static final String AREA = "Chartshire";
    private static final String SMALL_AREA = "Graphmoor";
    private static final List<String> identifying = new ArrayList<>(List.of("Brackenholt", "spare key"));

    /**
     * Cases in four areas of their own: two large enough to be published (unless hiding another),
     * one of 3 people (always hidden) and one hidden with it (secondary suppression, the smallest).
     * Every case has a partner; every fourth partner's disclosure has free text.
     */
    @BeforeAll
    static void aSyntheticPopulationInEveryService() {
        Map<String, Integer> areas = new java.util.LinkedHashMap<>();
        areas.put(AREA, 14);
        areas.put("Plotvale", 11);
        areas.put("Tallybridge", 9);
        areas.put(SMALL_AREA, 3);
        int i = 0;
        for (Map.Entry<String, Integer> area : areas.entrySet()) {
            for (int n = 0; n < area.getValue(); n++, i++) {
                person(i, area.getKey());
            }
        }
    }

    private static void person(int i, String area) {
        String letters = "" + (char) ('A' + i / 26) + (char) ('A' + i % 26);
        String given = "Chartia" + letters;
        String family = "Plotterby" + letters;
        LocalDate born = LocalDate.of(1970 + i % 30, 1 + i % 12, 1 + i % 28);
        String policeId = "26/" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999) + "E";
        String partner = "Privata Barchart" + letters;
        // handed over to an area of its own (no team covers it), so the KPI rows of these areas count these people
        // alone
        String caseId = NominalSteps.registerThenHandOver(given, family, born, policeId, area)
                .getCaseId();
        Clients.referrals("facilitator")
                .createReferral(new ReferralCreate()
                        .caseId(caseId)
                        .programmeCode("CHANGE-GROUP")
                        .source(ReferralSource.PROBATION)
                        .mandated(false)
                        .riskLevel(RiskLevel.HIGH)
                        .sex(uk.dapp.client.programme.model.Sex.MALE));
        var track = Clients.partnerTracks("partner-support-worker")
                .openPartnerTrack(
                        caseId,
                        new PartnerTrackOpen()
                                .relationship(PartnerRelationship.CURRENT_PARTNER)
                                .partnerName(partner));
        if (i % 4 == 0) {
            new DisclosuresApi(Clients.partnerTracks("partner-support-worker").getApiClient())
                    .recordDisclosure(
                            track.getTrackId(),
                            new DisclosureNew()
                                    .disclosedOn(LocalDate.now())
                                    .category(AbuseCategory.EMOTIONAL)
                                    .riskLevel(uk.dapp.client.partnersupport.model.RiskLevel.STANDARD)
                                    .account(FREE_TEXT));
        }
        identifying.addAll(List.of(
                given,
                family,
                partner,
                policeId,
                caseId,
                caseId.replace("-", ""),
                track.getTrackId().toString(),
                born.toString(),
                born.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")),
                born.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK))));
    }

    private static JsonNode kpis(String query) {
        TheSystem system = TheSystem.get();
        HttpResponse<String> response =
                Http.send(HttpRequest.newBuilder(URI.create(system.gatewayUrl() + "/api/outcomes/kpis" + query))
                        .timeout(Duration.ofSeconds(60))
                        .header("Authorization", "Bearer " + system.keycloak().tokenFor("evaluator"))
                        .GET()
                        .build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** The moments the page says its figures are as at (no one's date), and its download link's snapshot. */
    private static List<String> snapshots(Browser browser) {
        List<String> moments = new ArrayList<>();
        for (WebElement snapshot : browser.findAll(By.cssSelector(".dapp-snapshot"))) {
            String text = snapshot.getText().replace("Figures as at ", "").replaceAll("\\.$", "");
            moments.add(text);
        }
        for (WebElement link : browser.findAll(By.cssSelector("a[href*='asOf=']"))) {
            String asOf = link.getAttribute("href").replaceAll(".*asOf=([^&]+).*", "$1");
            moments.add(asOf);
            moments.add(URLDecoder.decode(asOf, StandardCharsets.UTF_8));
        }
        return moments;
    }

    private static void sweep(PrivacySweep sweep, Browser browser, String name) {
        sweep.page(name, browser.driver().getPageSource(), snapshots(browser));
    }

    @Test
    void anEvaluatorReadsTheKpisChangesTheFiltersAndDownloadsTheExtract() throws Exception {
        PrivacySweep sweep = new PrivacySweep(identifying);
        try (Browser browser = Browser.withJavaScript()) {
            browser.signIn("evaluator");
            assertThat(browser.heading()).contains("Welcome, Demo Evaluator");
            assertThat(browser.findAll(
                            By.cssSelector(".govuk-service-navigation__list .govuk-service-navigation__link")))
                    .extracting(WebElement::getText)
                    .containsExactly("Home", "Outcome KPIs", "Outcome extract");
            sweep(sweep, browser, "home");
            browser.check("home-evaluator");

            // the dashboard: by area over all periods (the API's defaults: quarters, areas)
            browser.click("Outcome KPIs");
            assertThat(browser.heading()).isEqualTo("Outcome KPIs");
            JsonNode report = kpis("");
            int bars = KpiChartCheck.drawTheApisFigures(browser, report, -1);
            assertThat(bars).isGreaterThanOrEqualTo(9);
            // our three-case area: hidden, with its reason, and no bar drawn
            List<Map<String, Object>> charts = KpiChartCheck.charts(browser);
            @SuppressWarnings("unchecked")
            var referred = (List<Map<String, String>>) charts.stream()
                    .filter(c -> "referredToProgramme".equals(c.get("kpi")))
                    .findFirst()
                    .orElseThrow()
                    .get("rows");
            var small = referred.stream()
                    .filter(row -> row.get("label").equals(SMALL_AREA))
                    .findFirst()
                    .orElseThrow();
            assertThat(small.get("text")).isEqualTo("[c]");
            assertThat(small.get("reason")).isEqualTo("fewer than 8 people, or secondary suppression");
            // and the two larger ones drawn as bars of their size (the smaller hidden area protects the 3)
            assertThat(referred)
                    .filteredOn(row -> List.of(AREA, "Plotvale").contains(row.get("label")))
                    .extracting(row -> row.get("text"))
                    .containsExactly("14", "11");
            sweep(sweep, browser, "dashboard");
            browser.check("outcome-kpis");

            // the filters: months, areas, the latest month alone
            browser.choose("period");
            browser.click("Apply filters");
            JsonNode months = kpis("?period=MONTH&areaLevel=AREA");
            List<String> columns = new ArrayList<>();
            KpiChartCheck.table(months, "referredToProgramme").get("columns").forEach(c -> columns.add(c.asString()));
            String latest = columns.stream()
                    .filter(c -> !c.equals("UNKNOWN"))
                    .reduce((a, b) -> b)
                    .orElseThrow();
            new org.openqa.selenium.support.ui.Select(browser.find(By.id("shown"))).selectByValue(latest);
            browser.click("Apply filters");
            assertThat(browser.path()).contains("period=MONTH").contains("shown=" + latest);
            KpiChartCheck.drawTheApisFigures(browser, months, columns.indexOf(latest));
            sweep(sweep, browser, "dashboard by month");
            browser.check("outcome-kpis-month");

            // regions (every area unmapped in this system: OTHER), all periods
            browser.choose("areaLevel-2");
            new org.openqa.selenium.support.ui.Select(browser.find(By.id("shown"))).selectByValue("");
            browser.click("Apply filters");
            KpiChartCheck.drawTheApisFigures(browser, kpis("?period=MONTH&areaLevel=REGION"), -1);
            sweep(sweep, browser, "dashboard by region");

            // rows by programme, then by referral source: the API's breakdowns, charted as it gives them
            browser.choose("breakdown-2");
            browser.click("Apply filters");
            assertThat(browser.path()).contains("breakdown=PROGRAMME");
            JsonNode byProgramme = kpis("?period=MONTH&areaLevel=REGION&breakdown=PROGRAMME");
            KpiChartCheck.drawTheApisFigures(browser, byProgramme, -1);
            assertThat(browser.findAll(By.cssSelector("div.dapp-kpi[data-kpi=referredToProgramme] thead th"))
                            .get(0)
                            .getText())
                    .isEqualTo("Programme");
            sweep(sweep, browser, "dashboard by programme");
            browser.check("outcome-kpis-programme");
            browser.choose("breakdown-3");
            browser.click("Apply filters");
            KpiChartCheck.drawTheApisFigures(
                    browser, kpis("?period=MONTH&areaLevel=REGION&breakdown=REFERRAL_SOURCE"), -1);
            sweep(sweep, browser, "dashboard by referral source");
            // the comparison figure the partnership configured (here, the test system's) is beside its rate
            assertThat(KpiChartCheck.table(byProgramme, "effectiveCompletionRate")
                            .get("comparison")
                            .get("figure")
                            .decimalValue())
                    .isEqualByComparingTo("0.6");
            assertThat(browser.find(By.cssSelector(
                                    "div.dapp-kpi[data-kpi=effectiveCompletionRate] .dapp-kpi__comparison"))
                            .getText())
                    .startsWith("Comparison figure: 60%");

            // a KPI's own page: by area, by period, and the whole table
            browser.click("Clear filters");
            browser.click("Referred to a behaviour change programme: by period, and the whole table");
            assertThat(browser.heading()).contains("Referred to a behaviour change programme");
            KpiChartCheck.drawTheApisFigures(browser, report, -1);
            assertThat(browser.findAll(By.cssSelector("table.dapp-kpi__whole tbody tr")))
                    .hasSize(KpiChartCheck.table(report, "referredToProgramme")
                                    .get("rows")
                                    .size()
                            + 1);
            sweep(sweep, browser, "referredToProgramme");
            browser.check("outcome-kpi-table");
            // every other KPI table's page: swept, and its charts held to the API
            List<String> others =
                    browser
                            .findAll(By.xpath("//h2[normalize-space()='Every KPI table']/following-sibling::ul[1]//a"))
                            .stream()
                            .map(link -> link.getAttribute("href"))
                            .toList();
            assertThat(others).hasSize(report.get("tables").size());
            for (String href : others) {
                browser.driver().get(href);
                KpiChartCheck.drawTheApisFigures(browser, report, -1);
                sweep(sweep, browser, URI.create(href).getPath());
            }
            browser.check("outcome-kpi-table-median");

            // the dashboard with the keyboard alone: years chosen with the arrow keys, applied with Enter, a KPI opened
            browser.open("/outcomes");
            browser.tabTo("period-2"); // Tab lands on the chosen radio (quarters)
            browser.keys(Keys.ARROW_DOWN); // years
            browser.tabToControl("Apply filters");
            browser.enter();
            assertThat(browser.path()).contains("period=YEAR");
            KpiChartCheck.drawTheApisFigures(browser, kpis("?period=YEAR&areaLevel=AREA"), -1);
            browser.tabToControl("Effective completion rate: by period, and the whole table");
            browser.enter();
            assertThat(browser.heading()).contains("Effective completion rate");
            assertThat(browser.path()).startsWith("/outcomes/kpis/effectiveCompletionRate?period=YEAR");
            browser.check("keyboard-outcome-kpi");

            // the extract: a k below the partnership's is refused beside the field
            browser.click("Outcome extract");
            assertThat(browser.heading()).isEqualTo("Download the outcome extract");
            sweep(sweep, browser, "extract");
            browser.check("extract-choose");
            browser.type("k", "3").click("Continue");
            assertThat(browser.driver().getTitle()).startsWith("Error: Download the outcome extract");
            assertThat(browser.errorSummary())
                    .containsExactly("The smallest group size cannot be smaller than the partnership's setting");
            assertThat(browser.fieldError("k"))
                    .isEqualTo("The smallest group size cannot be smaller than the partnership's setting");
            sweep(sweep, browser, "extract refused");
            browser.check("extract-k-refused");

            // its statement, before anything is downloaded, is the gateway's for the same snapshot
            browser.type("k", "").choose("format").click("Continue");
            assertThat(browser.heading()).isEqualTo("What the extract holds");
            String statement =
                    browser.find(By.cssSelector(".dapp-extract-statement")).getText();
            long released = Long.parseLong(
                    browser.find(By.cssSelector(".dapp-extract-released")).getText());
            String href = browser.find(By.linkText("Download the CSV file")).getAttribute("href");
            String asOf = URLDecoder.decode(href.replaceAll(".*asOf=([^&]+).*", "$1"), StandardCharsets.UTF_8);
            TheSystem system = TheSystem.get();
            HttpResponse<String> direct = Http.send(HttpRequest.newBuilder(
                            URI.create(system.gatewayUrl() + "/api/outcomes/extract?format=csv&asOf="
                                    + java.net.URLEncoder.encode(asOf, StandardCharsets.UTF_8)))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + system.keycloak().tokenFor("evaluator"))
                    .GET()
                    .build());
            assertThat(direct.headers().firstValue("X-Extract-Statement")).contains(statement);
            assertThat(statement).startsWith("k-anonymity with k = 5");
            long total = Long.parseLong(
                    browser.find(By.cssSelector(".dapp-extract-total")).getText());
            assertThat(total).as("every case loaded before the snapshot").isGreaterThanOrEqualTo(37);
            assertThat(released).isPositive();
            assertThat(released)
                    .isEqualTo(Long.parseLong(direct.headers()
                                    .firstValue("X-Extract-Total-Rows")
                                    .orElseThrow())
                            - Long.parseLong(direct.headers()
                                    .firstValue("X-Extract-Suppressed-Rows")
                                    .orElseThrow()));
            sweep(sweep, browser, "extract statement");
            browser.check("extract-statement");

            // downloaded as CSV: the rows the statement promised, nothing identifying
            Path csv = browser.download("Download the CSV file", "outcome-extract-");
            assertThat(csv.getFileName().toString()).endsWith(".csv");
            String extract = Files.readString(csv, StandardCharsets.UTF_8);
            List<String> lines = extract.lines().toList();
            assertThat(lines.getFirst()).startsWith("pseudonym,ageBand,sex,area,period,");
            assertThat(lines).hasSize((int) (1 + released));
            // the gateway's extract of the same snapshot, row for row (each extract has pseudonyms of its own)
            assertThat(extract.replaceAll("psn_[0-9a-z]{21}", "psn_"))
                    .isEqualTo(direct.body().replaceAll("psn_[0-9a-z]{21}", "psn_"));
            sweep.page("the downloaded extract", String.join("\n", lines.subList(1, lines.size())), List.of());
            assertThat(browser.heading())
                    .as("the page stays while the file downloads")
                    .isEqualTo("What the extract holds");
        }
        assertThat(sweep.swept()).hasSizeGreaterThan(30);
    }
}
