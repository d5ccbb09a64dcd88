package uk.dapp.e2e.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import uk.dapp.client.riskmatrix.api.RoutingApi;
import uk.dapp.client.riskmatrix.model.Pathway;
import uk.dapp.client.riskmatrix.model.Route;
import uk.dapp.client.riskmatrix.model.RoutingDecision;
import uk.dapp.client.riskmatrix.model.SuitabilityFacts;
import uk.dapp.e2e.riskmatrix.RiskMatrixClients;
import uk.dapp.e2e.support.Browser;

/**
 * The case page for the other roles, on the foundation: a facilitator finds a case by its ID (a
 * mistyped one is refused by the gateway's check character, and the page says so beside the
 * field), and sees the parts the composed view gives a facilitator; an evaluator, whom the
 * gateway refuses the case view, gets the GOV.UK "cannot see" page and no case data.
 */
class CasePageWebE2ETest {

    @Test
    void aFacilitatorFindsACaseAndAnEvaluatorMayNotSeeIt() {
        WebNominals nominal = WebNominals.registerWithOneIncident();
        RoutingApi routing = new RoutingApi(RiskMatrixClients.as("offender-manager"));
        routing.recordSuitabilityFacts(
                nominal.caseId(),
                new SuitabilityFacts()
                        .willingToEngage(true)
                        .consentsToGpsTag(false)
                        .drugMisuse(false)
                        .alcoholMisuse(false)
                        .housingNeed(false)
                        .inCustody(false)
                        .existingOrders(false));
        routing.decideRouting(
                nominal.caseId(),
                new RoutingDecision()
                        .route(Route.ENGAGE)
                        .pathways(List.of(Pathway.OFFENDER_MANAGEMENT, Pathway.CHANGE_PROGRAMME)));

        try (Browser browser = Browser.withJavaScript()) {
            browser.signIn("facilitator");
            assertThat(browser.findAll(
                            By.cssSelector(".govuk-service-navigation__list .govuk-service-navigation__link")))
                    .extracting(link -> link.getText())
                    .containsExactly(
                            "Home",
                            "Caseload",
                            "Awaiting assessment",
                            "Participants",
                            "Reviews due",
                            "Risk alerts",
                            "Notifications",
                            "Find a case");
            browser.check("home-facilitator");
            browser.click("Find a case");
            String mistyped = nominal.caseId().substring(0, nominal.caseId().length() - 1)
                    + (nominal.caseId().endsWith("0") ? "1" : "0");
            browser.type("caseId", mistyped).click("Find the case");
            assertThat(browser.driver().getTitle()).startsWith("Error: Find a case");
            assertThat(browser.errorSummary()).hasSize(1);
            assertThat(browser.fieldError("caseId")).isNotBlank();
            browser.check("find-a-case-mistyped");
            browser.type("caseId", nominal.caseId().toLowerCase()).click("Find the case");
            assertThat(browser.heading()).isEqualTo(nominal.caseId());
            assertThat(browser.findAll(By.xpath("//h2[normalize-space()='Risk matrix']")))
                    .hasSize(1);
            // the facilitator never sees the nominal's name or identifiers: the risk matrix's summary has none
            assertThat(browser.text())
                    .doesNotContain(nominal.familyName())
                    .doesNotContain("VK-WEB")
                    .doesNotContain("Open the nominal's page");
            browser.check("case-facilitator");
        }
        try (Browser browser = Browser.withJavaScript()) {
            browser.signIn("evaluator");
            assertThat(browser.text()).contains("Outcome KPIs").contains("Download the outcome extract");
            browser.open("/cases/" + nominal.caseId());
            assertThat(browser.heading()).isEqualTo("You cannot see this page");
            assertThat(browser.text()).doesNotContain(nominal.caseId());
            browser.check("case-evaluator-refused");
        }
    }
}
