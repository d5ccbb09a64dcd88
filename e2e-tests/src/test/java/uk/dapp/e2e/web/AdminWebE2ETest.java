package uk.dapp.e2e.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.dapp.client.programme.model.ReferralCreate;
import uk.dapp.client.programme.model.ReferralSource;
import uk.dapp.client.programme.model.RiskLevel;
import uk.dapp.client.riskmatrix.model.NominalCreate;
import uk.dapp.e2e.support.Browser;
import uk.dapp.e2e.support.Clients;
import uk.dapp.e2e.support.Http;
import uk.dapp.e2e.support.TheSystem;

/**
 * The admin's day in a real browser, through the real Keycloak sign-in, the web app, the gateway and
 * the services' audit logs: filter a service's audit records by a case and see an unusual access
 * (an admin's earlier read of that case, with its reason) marked; ask for a subject access export
 * without a reason and be refused beside the field; then with one, see what each service holds and
 * download the export, one JSON file for the case. The admin reads no other casework: the case page
 * is refused. axe-core runs on every page.
 */
class AdminWebE2ETest {

    private static final String EARLIER_REASON = "SAR 2026/0007 from the person, identity checked in person";
    private static String caseId;

    /** A case in the risk matrix and the programme, and an admin's earlier, audited read of it. */
    @BeforeAll
    static void aCaseReadByAnAdminEarlier() {
        var nominal = Clients.nominals("offender-manager")
                .createNominal(new NominalCreate()
                        .givenName("Auditia")
                        .familyName("Ledgerwood")
                        .dateOfBirth(LocalDate.of(1984, 9, 12))
                        .policeId("27/" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999) + "A")
                        .area("Northshire"));
        caseId = nominal.getCaseId();
        Clients.referrals("facilitator")
                .createReferral(new ReferralCreate()
                        .caseId(caseId)
                        .programmeCode("CHANGE-GROUP")
                        .source(ReferralSource.POLICE)
                        .mandated(false)
                        .riskLevel(RiskLevel.MEDIUM)
                        .sex(uk.dapp.client.programme.model.Sex.MALE));
        TheSystem system = TheSystem.get();
        HttpResponse<String> earlier = Http.send(
                HttpRequest.newBuilder(URI.create(system.gatewayUrl() + "/api/cases/" + caseId + "/subject-access"))
                        .timeout(Duration.ofSeconds(60))
                        .header("Authorization", "Bearer " + system.keycloak().tokenFor("admin"))
                        .header("X-Access-Reason", EARLIER_REASON)
                        .GET()
                        .build());
        assertThat(earlier.statusCode()).as(earlier.body()).isEqualTo(200);
    }

    @Test
    void anAdminFindsAnUnusualAccessToACaseAndExportsItsSubjectAccessWithAReason() throws Exception {
        try (Browser browser = Browser.withJavaScript()) {
            browser.signIn("admin");
            assertThat(browser.findAll(
                            By.cssSelector(".govuk-service-navigation__list .govuk-service-navigation__link")))
                    .extracting(WebElement::getText)
                    .containsExactly("Home", "Audit records", "Subject access", "Rescoring");
            browser.check("home-admin");

            // the programme's audit records of the case: the earlier read is there, marked unusual, with its reason
            browser.click("Audit records");
            assertThat(browser.heading()).isEqualTo("Audit records");
            browser.check("audit-records");
            browser.choose("service-2").type("caseId", caseId.toLowerCase()).click("Apply filters");
            assertThat(browser.path()).contains("service=PROGRAMME");
            List<WebElement> unusual = browser.findAll(By.cssSelector("tr.dapp-audit__row--unusual"));
            assertThat(unusual)
                    .as("the admin's earlier read of the case, marked")
                    .isNotEmpty();
            assertThat(unusual.getFirst().getText())
                    .contains("Unusual: An admin read casework")
                    .contains("demo-admin")
                    .contains(EARLIER_REASON)
                    .contains(caseId);
            assertThat(browser.findAll(By.cssSelector("tr[data-record]")))
                    .allSatisfy(row -> assertThat(row.getText()).contains(caseId));
            assertThat(browser.find(By.cssSelector("table.dapp-unusual")).getText())
                    .contains("An admin read casework")
                    .contains(EARLIER_REASON);
            browser.check("audit-records-case");

            // a subject access export without a reason: the gateway refuses it, and the page says so beside the field
            browser.click("Subject access");
            assertThat(browser.heading()).isEqualTo("Subject access export");
            browser.check("subject-access");
            browser.type("caseId", caseId).click("Make the export");
            assertThat(browser.driver().getTitle()).startsWith("Error: Subject access export");
            assertThat(browser.errorSummary()).hasSize(1);
            assertThat(browser.fieldError("reason"))
                    .isEqualTo(browser.errorSummary().getFirst())
                    .isNotBlank();
            assertThat(browser.find(By.cssSelector(".govuk-error-summary__list a"))
                            .getAttribute("href"))
                    .endsWith("#reason");
            browser.check("subject-access-no-reason");

            // with a reason: what each service holds, and the export as one JSON file
            String reason = "SAR 2026/0019, identity checked by passport";
            browser.type("reason", reason).click("Make the export");
            assertThat(browser.heading()).contains("Case " + caseId);
            assertThat(browser.text()).contains("Export made for case " + caseId);
            List<String> parts = browser.findAll(By.cssSelector("table.dapp-export-parts tbody tr")).stream()
                    .map(WebElement::getText)
                    .toList();
            assertThat(parts).hasSize(3).startsWith("Risk matrix Included", "Programme Included");
            // partner support holds the referral as it received it, or nothing yet: never his partners' data
            assertThat(parts.get(2)).isIn("Partner support Included", "Partner support Holds nothing");
            browser.check("subject-access-made");
            Path file = browser.download("Download subject-access-" + caseId + ".json", "subject-access-" + caseId);
            assertThat(file.getFileName().toString()).isEqualTo("subject-access-" + caseId + ".json");
            JsonNode export = JsonMapper.builder().build().readTree(Files.readString(file, StandardCharsets.UTF_8));
            assertThat(export.get("caseId").asString()).isEqualTo(caseId);
            assertThat(export.at("/riskMatrix/status").asString()).isEqualTo("AVAILABLE");
            assertThat(export.at("/riskMatrix/document/export/reason").asString())
                    .isEqualTo(reason);
            assertThat(export.at("/programme/document/export/reason").asString())
                    .isEqualTo(reason);
            assertThat(export.at("/partnerSupport/status").asString()).isIn("AVAILABLE", "NOT_FOUND");

            // the export is in the risk matrix's audit log with the reason given, marked unusual
            browser.open("/audit?service=RISK_MATRIX&caseId=" + caseId);
            assertThat(browser.findAll(By.cssSelector("tr.dapp-audit__row--unusual")).stream()
                            .map(WebElement::getText))
                    .anySatisfy(row -> assertThat(row).contains(reason));

            // no other casework: the case page is refused
            browser.open("/cases/" + caseId);
            assertThat(browser.heading()).isEqualTo("You cannot see this page");
            browser.check("case-admin-refused");
        }
    }
}
