package uk.dapp.e2e.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import uk.dapp.client.riskmatrix.api.RoutingApi;
import uk.dapp.client.riskmatrix.model.Pathway;
import uk.dapp.client.riskmatrix.model.Route;
import uk.dapp.client.riskmatrix.model.Routing;
import uk.dapp.client.riskmatrix.model.RoutingStatus;
import uk.dapp.e2e.riskmatrix.RiskMatrixClients;
import uk.dapp.e2e.support.Browser;
import uk.dapp.e2e.support.CaseView;

/**
 * The offender manager's day in a real browser, through the real Keycloak sign-in page, the web
 * app, the gateway and the risk matrix: find a nominal, add an incident (first with every field
 * missing: the service's errors appear beside the fields), record suitability facts, route the
 * nominal to a programme against the recommendation (a reason is needed), and see the decision on
 * the nominal and case pages; refer him on for housing and follow it to its outcome, open a disruption
 * task beside the programme (Drive's strand for high risk); then the lists, a bulk rescoring watched to its end, and signing out
 * of the web app and Keycloak. axe-core runs on every page and a screenshot of each is kept.
 */
class OffenderManagerWebE2ETest {

    @Test
    void anOffenderManagerRoutesANominalToTheProgramme() {
        WebNominals nominal = WebNominals.registerWithOneIncident();
        try (Browser browser = Browser.withJavaScript()) {
            browser.signIn("offender-manager");
            assertThat(browser.heading()).contains("Welcome, Demo Offender Manager");
            assertThat(browser.driver().getTitle()).isEqualTo("Home – DAPP – GOV.UK");
            // the browser holds a session cookie only (Secure is off for plain http://127.0.0.1), never a token
            var cookies = browser.driver().manage().getCookies();
            assertThat(cookies).extracting(org.openqa.selenium.Cookie::getName).containsExactly("DAPP_SESSION");
            var session = browser.driver().manage().getCookieNamed("DAPP_SESSION");
            assertThat(session.isHttpOnly()).isTrue();
            assertThat(session.getSameSite()).isEqualTo("Lax");
            browser.check("home-offender-manager");

            // the cohort, filtered to the nominal's area, with the harm figures; other tests' nominals share
            // the area, so the new one is found page by page
            browser.click("Cohort");
            browser.type("area", nominal.area()).click("Apply filters");
            assertThat(browser.text()).contains("Harm in the last 12 months");
            browser.check("cohort");
            while (!browser.text().contains(nominal.name())) {
                browser.click("Next page");
            }
            assertThat(browser.findAll(By.cssSelector("table tbody tr td:nth-child(3)")))
                    .extracting(WebElement::getText)
                    .containsOnly(nominal.area());

            // find the nominal by name
            browser.click("Nominals");
            browser.type("name", nominal.familyName()).click("Search");
            assertThat(browser.text()).contains("1 found");
            browser.check("nominal-search");
            browser.click(nominal.name());
            assertThat(browser.heading()).isEqualTo(nominal.name());
            assertThat(browser.text())
                    .contains("The score explained, incident by incident")
                    .contains("EX-COMMON-ASSAULT");
            browser.check("nominal");

            // add an incident: nothing filled in first, so the service's rules show beside each field
            browser.click("Add an incident");
            browser.click("Add the incident");
            assertThat(browser.driver().getTitle()).startsWith("Error: Add an incident");
            assertThat(browser.errorSummary())
                    .contains(
                            "Enter the date of the incident",
                            "Select the type of incident",
                            "Choose the offence",
                            "Enter the victim key",
                            "Select the DASH risk level at the time",
                            "Select whether it was recorded as a crime",
                            "Select the outcome");
            assertThat(browser.errorSummary().getFirst())
                    .as("errors in the order of the form")
                    .isEqualTo("Enter the date of the incident");
            assertThat(browser.fieldError("victimKey")).isEqualTo("Enter the victim key");
            browser.check("add-incident-errors");
            LocalDate date = LocalDate.now().minusDays(10);
            browser.type("date", String.valueOf(date.getDayOfMonth()))
                    .type("date-month", String.valueOf(date.getMonthValue()))
                    .type("date-year", String.valueOf(date.getYear()));
            browser.choose("type");
            new Select(browser.find(By.id("offenceCode"))).selectByValue("EX-ABH");
            browser.type("victimKey", "VK-WEB-B-" + nominal.caseId().substring(0, 6));
            browser.choose("dashLevel-3").choose("crime").choose("outcome");
            browser.click("Add the incident");
            assertThat(browser.text())
                    .contains("Incident added. The score is now")
                    .contains("EX-ABH");
            assertThat(browser.findAll(By.cssSelector("#incidents ~ table tbody tr")))
                    .hasSize(2);
            browser.check("nominal-after-incident");

            // suitability facts: willing to engage, nothing else
            browser.click("Record suitability facts");
            browser.choose("willingToEngage");
            for (String fact : new String[] {
                "consentsToGpsTag", "drugMisuse", "alcoholMisuse", "housingNeed", "inCustody", "existingOrders"
            }) {
                browser.choose(fact + "-2");
            }
            browser.check("suitability-facts");
            browser.click("Record the facts");
            assertThat(browser.heading()).isEqualTo("Decide the route");
            assertThat(browser.text())
                    .contains("Suitability facts recorded. The recommendation is Engage (Offender management, Drive)")
                    .contains("serial perpetrator: Drive");
            browser.check("decision");

            // the Change programme instead of Drive: against the recommendation, so a reason is needed
            browser.choose("route");
            browser.choose("pathways-5"); // untick Drive
            browser.choose("pathways-4"); // tick Change programme
            browser.click("Record the decision");
            assertThat(browser.errorSummary())
                    .containsExactly("Give a reason: your decision differs from the recommendation");
            assertThat(browser.fieldError("reason"))
                    .isEqualTo("Give a reason: your decision differs from the recommendation");
            browser.check("decision-needs-a-reason");
            browser.type("reason", "A Change group starts next week near his home; Drive has a waiting list");
            browser.click("Record the decision");

            // the decision on the nominal page, as the service recorded it
            assertThat(browser.heading()).isEqualTo(nominal.name());
            assertThat(browser.text())
                    .contains("Decision recorded: Engage (Offender management, Change programme).")
                    .contains("Overrides the recommendation")
                    .contains("Decided: engage")
                    .contains("A Change group starts next week near his home");
            browser.check("nominal-decided");
            Routing routing = new RoutingApi(RiskMatrixClients.as("offender-manager")).getRouting(nominal.caseId());
            assertThat(routing.getStatus()).isEqualTo(RoutingStatus.ENGAGED);
            assertThat(routing.getDecidedRoute()).isEqualTo(Route.ENGAGE);
            assertThat(routing.getDecidedPathways())
                    .containsExactlyInAnyOrder(Pathway.OFFENDER_MANAGEMENT, Pathway.CHANGE_PROGRAMME);

            // an Engage option beyond the programme: a housing referral, followed up until it is completed
            browser.click("Make an onward referral");
            assertThat(browser.heading()).isEqualTo("Make an onward referral");
            browser.check("onward-referral-new");
            browser.choose("type-4"); // Housing
            browser.type("provider", "Midwick Housing Options");
            LocalDate followUp = LocalDate.now().plusDays(3);
            browser.type("followUpDate", String.valueOf(followUp.getDayOfMonth()))
                    .type("followUpDate-month", String.valueOf(followUp.getMonthValue()))
                    .type("followUpDate-year", String.valueOf(followUp.getYear()));
            browser.click("Record the referral");
            assertThat(browser.heading()).isEqualTo(nominal.name());
            assertThat(browser.text())
                    .contains("Onward referral recorded: Housing.")
                    .contains("Midwick Housing Options");
            browser.check("nominal-onward-referral");
            // due within the week: on the officer's follow-up list
            browser.open("/risk-matrix/onward-referrals");
            assertThat(browser.heading()).isEqualTo("Onward referrals to follow up");
            assertThat(browser.text()).contains(nominal.caseId());
            browser.check("onward-referrals-follow-up");
            browser.open("/risk-matrix/nominals/" + nominal.caseId());
            browser.click("Record what happened Housing");
            assertThat(browser.heading()).isEqualTo("Housing referral");
            browser.check("onward-referral");
            browser.choose("status"); // Accepted
            browser.click("Record it");
            assertThat(browser.text()).contains("Housing referral: accepted.");
            browser.click("Record what happened Housing");
            browser.choose("status"); // Completed, now the first the service allows
            browser.click("Record it");
            assertThat(browser.errorSummary()).containsExactly("Say what came of the referral");
            browser.check("onward-referral-needs-an-outcome");
            browser.type("outcome", "Settled in a one-bedroom flat away from the victim's area");
            browser.click("Record it");
            assertThat(browser.text())
                    .contains("Housing referral: completed.")
                    .contains("Settled in a one-bedroom flat away from the victim's area");

            // Drive's disruption strand: engaged at high risk, disruption goes on beside the one-to-one work
            browser.click("Open disruption tasks");
            browser.check("disruption-tasks-open");
            browser.choose("kinds-2"); // Outstanding warrants
            browser.click("Open the tasks");
            assertThat(browser.text()).contains("Disruption tasks opened.").contains("Outstanding warrants");
            assertThat(new RoutingApi(RiskMatrixClients.as("offender-manager"))
                            .getRouting(nominal.caseId())
                            .getTasks())
                    .singleElement()
                    .satisfies(task -> assertThat(task.getOwner()).isEqualTo("demo-offender-manager"));

            // the case page: the parts the role may see, as the gateway composed them
            browser.open("/cases/" + nominal.caseId());
            assertThat(browser.heading()).isEqualTo(nominal.caseId());
            assertThat(browser.text())
                    .contains("Risk matrix")
                    .contains("Engaged")
                    .contains("Change programme");
            // an offender manager may not see the programme part: the page leaves it out
            assertThat(browser.findAll(By.xpath("//h2[normalize-space()='Programme']")))
                    .isEmpty();
            assertThat(CaseView.status(CaseView.of(nominal.caseId(), "offender-manager"), "programme"))
                    .isEqualTo("NOT_PERMITTED");
            browser.check("case");

            // the other lists
            browser.click("Re-routing");
            assertThat(browser.heading()).isEqualTo("Re-routing queue");
            browser.check("rerouting");
            browser.click("Disruption tasks");
            assertThat(browser.heading()).isEqualTo("Disruption tasks");
            browser.check("disruption-tasks");

            // a bulk rescoring, watched until it finishes (the page polls with JavaScript on)
            browser.click("Rescoring");
            browser.check("rescoring-start");
            browser.click("Start rescoring");
            assertThat(browser.heading()).isEqualTo("Rescoring");
            browser.wait(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector(".dapp-progress__status"), "Finished"));
            assertThat(browser.text()).contains("100% done");
            browser.check("rescoring-finished");

            // signing out ends the Keycloak session too: the next visit asks for the password again
            browser.click("Sign out");
            assertThat(browser.heading()).isEqualTo("You have signed out");
            browser.check("signed-out");
            browser.open("/");
            browser.wait(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        }
    }
}
