package uk.dapp.e2e.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import uk.dapp.client.programme.model.Alert;
import uk.dapp.client.programme.model.AlertCreate;
import uk.dapp.client.programme.model.AlertSource;
import uk.dapp.client.programme.model.Group;
import uk.dapp.client.programme.model.Referral;
import uk.dapp.client.riskmatrix.api.RoutingApi;
import uk.dapp.client.riskmatrix.model.Route;
import uk.dapp.client.riskmatrix.model.RoutingDecision;
import uk.dapp.client.riskmatrix.model.SuitabilityFacts;
import uk.dapp.e2e.programme.ProgrammeClients;
import uk.dapp.e2e.programme.ProgrammeSteps;
import uk.dapp.e2e.riskmatrix.RiskMatrixClients;
import uk.dapp.e2e.support.Browser;

/**
 * Tasks done with the keyboard alone: from the top of the page, Tab reaches every field in order,
 * typing fills the boxes, Space picks a radio, arrow keys choose in a list and another radio, and
 * Enter on the button submits. No mouse, no script from the test. "Add an incident"; the service
 * manager's alerts to review, escalations, reallocation, groups, capacity (setting up a group), the
 * queue awaiting assessment and team caseloads; the offender manager's onward referral, from making it to its follow-up. (The
 * partner support worker's DASH checklist and MARAC are in her own journey.)
 */
class KeyboardOnlyWebE2ETest {

    @Test
    void anIncidentCanBeAddedWithTheKeyboardAlone() {
        WebNominals nominal = WebNominals.registerWithOneIncident();
        try (Browser browser = Browser.withJavaScript()) {
            browser.signIn("offender-manager");
            browser.open("/risk-matrix/nominals/" + nominal.caseId() + "/incidents/new");
            Actions keys = new Actions(browser.driver());
            LocalDate date = LocalDate.now().minusDays(1);

            browser.tabTo("date");
            keys.sendKeys(String.valueOf(date.getDayOfMonth())).perform();
            browser.tabTo("date-month");
            keys.sendKeys(String.valueOf(date.getMonthValue())).perform();
            browser.tabTo("date-year");
            keys.sendKeys(String.valueOf(date.getYear())).perform();
            browser.tabTo("type");
            keys.sendKeys(Keys.SPACE).perform(); // domestic abuse
            browser.tabTo("offenceCode");
            keys.sendKeys(Keys.ARROW_DOWN).perform(); // the first offence of the list
            browser.tabTo("victimKey");
            keys.sendKeys("VK-KEYS-" + nominal.caseId().substring(0, 6)).perform();
            browser.tabTo("dashLevel");
            keys.sendKeys(Keys.SPACE, Keys.ARROW_DOWN).perform(); // standard, then medium
            browser.tabTo("crime");
            keys.sendKeys(Keys.SPACE).perform(); // yes; corrected below if the offence is a non-crime
            browser.tabTo("outcome");
            keys.sendKeys(Keys.SPACE).perform(); // charged
            WebElement button = browser.tabToControl("Add the incident");
            assertThat(button.getText()).isEqualTo("Add the incident");
            keys.sendKeys(Keys.ENTER).perform();

            browser.wait(d -> d.getTitle().contains("Error") || d.getTitle().startsWith(nominal.name()));
            if (browser.driver().getTitle().startsWith("Error")) {
                // the first offence in the list is a non-crime one: the service says so beside "crime";
                // the error summary's link takes the keyboard to the field
                assertThat(browser.errorSummary()).hasSize(1);
                browser.tabTo("crime");
                keys.sendKeys(Keys.ARROW_DOWN).perform(); // no
                browser.tabToControl("Add the incident");
                keys.sendKeys(Keys.ENTER).perform();
                browser.wait(d -> d.getTitle().startsWith(nominal.name()));
            }
            assertThat(browser.text()).contains("Incident added.");
            browser.check("keyboard-incident-added");
        }
    }

    @Test
    void theServiceManagersPagesWorkWithTheKeyboardAlone() {
        String suffix = WebProgramme.suffix();
        Group group = WebProgramme.group("Keys Wednesday " + suffix, "demo-service-manager");
        Referral referral = WebProgramme.inGroup(group, "Kit", "Keyson" + suffix);
        Alert alert = ProgrammeClients.alerts("facilitator")
                .raiseAlert(
                        referral.getReferralId(),
                        new AlertCreate()
                                .source(AlertSource.FACILITATOR_CONCERN)
                                .concern("asked where she works now " + suffix));
        Referral oneToOne = WebProgramme.onCaseload("Kai", "Keymove" + suffix, ProgrammeSteps.newCaseManager());
        try (Browser browser = Browser.withJavaScript()) {
            browser.signIn("service-manager");
            Actions keys = new Actions(browser.driver());

            // the alerts to review: only the escalations, and back; then the alert's review, closed
            browser.open("/programme/alerts");
            browser.tabToControl("Only the escalated alerts");
            browser.enter();
            assertThat(browser.heading()).isEqualTo("Escalated risk alerts");
            assertThat(browser.text()).doesNotContain("Kit Keyson" + suffix);
            browser.tabToControl("All the alerts to review");
            browser.enter();
            assertThat(browser.heading()).isEqualTo("Risk alerts to review");
            browser.tabToLink("/programme/alerts/" + alert.getAlertId());
            browser.enter();
            assertThat(browser.heading()).isEqualTo("Review a risk alert");
            browser.tabTo("actionsTaken");
            keys.sendKeys("asked partner support to call her " + suffix).perform();
            browser.tabToControl("Record the review and close it");
            browser.enter();
            assertThat(browser.text()).contains("Review recorded and the alert closed, within its 24 hours.");
            browser.check("keyboard-alert-reviewed");

            // reallocating a one-to-one case: the first case manager offered, with Space, and the reason
            browser.open("/programme/referrals/" + oneToOne.getReferralId() + "/reallocation");
            browser.tabTo("caseManager");
            keys.sendKeys(Keys.SPACE).perform();
            String chosen = browser.driver().switchTo().activeElement().getAttribute("value");
            browser.tabTo("reason");
            keys.sendKeys("caseloads balanced " + suffix).perform();
            browser.tabToControl("Reallocate the case");
            browser.enter();
            assertThat(browser.heading()).isEqualTo("Kai Keymove" + suffix);
            assertThat(browser.text()).contains("Case reallocated to " + chosen + ".");
            assertThat(ProgrammeClients.referrals("service-manager")
                            .getReferral(oneToOne.getReferralId())
                            .getCaseManager())
                    .isEqualTo(chosen);

            // enrolling a one-to-one case: the arrow key moves the choice off the signed-in user's own name
            Referral suitable = WebProgramme.suitableForOneToOne("Kay", "Keyenrol" + suffix);
            browser.open("/programme/referrals/" + suitable.getReferralId() + "/enrolment");
            String preChosen = browser.tabToField("caseManager").getAttribute("value");
            keys.sendKeys(Keys.ARROW_DOWN).perform();
            String enrolledOnto = browser.driver().switchTo().activeElement().getAttribute("value");
            assertThat(enrolledOnto).isNotEqualTo(preChosen);
            browser.tabToControl("Enrol");
            browser.enter();
            assertThat(browser.heading()).isEqualTo("Kay Keyenrol" + suffix);
            assertThat(browser.text()).contains("Enrolled on " + enrolledOnto + "'s caseload.");
            assertThat(ProgrammeClients.referrals("service-manager")
                            .getReferral(suitable.getReferralId())
                            .getCaseManager())
                    .isEqualTo(enrolledOnto);

            // the groups: the group's own page
            browser.open("/programme/groups");
            browser.tabToLink("/programme/groups/" + group.getGroupId());
            browser.enter();
            assertThat(browser.heading()).isEqualTo(group.getName());

            // capacity: setting up a group, the programme chosen with the arrow keys
            browser.open("/programme/capacity");
            browser.tabToControl("Set up a group");
            browser.enter();
            assertThat(browser.heading()).isEqualTo("Set up a group");
            browser.tabTo("programmeCode");
            keys.sendKeys(Keys.SPACE).perform();
            for (int i = 0;
                    i < 10
                            && !WebProgramme.PROGRAMME.equals(
                                    browser.driver().switchTo().activeElement().getAttribute("value"));
                    i++) {
                keys.sendKeys(Keys.ARROW_DOWN).perform();
            }
            LocalDate starts = LocalDate.now().plusWeeks(3);
            browser.tabTo("name");
            keys.sendKeys("Keys Friday " + suffix).perform();
            browser.tabTo("startsOn");
            keys.sendKeys(
                            String.valueOf(starts.getDayOfMonth()),
                            Keys.TAB,
                            String.valueOf(starts.getMonthValue()),
                            Keys.TAB,
                            String.valueOf(starts.getYear()))
                    .perform();
            browser.tabTo("facilitators");
            keys.sendKeys("demo-facilitator").perform();
            browser.tabToControl("Set up the group");
            browser.enter();
            assertThat(browser.heading()).isEqualTo("Keys Friday " + suffix);
            assertThat(browser.text()).contains("Group set up.");

            // the queue awaiting assessment, from the navigation; the first referral's "Assess"
            WebProgramme.referred("Kim", "Keyqueue" + suffix);
            browser.open("/");
            browser.tabToLink("/programme/referrals/awaiting-assessment");
            browser.enter();
            assertThat(browser.heading()).isEqualTo("Referrals awaiting assessment");
            browser.check("keyboard-awaiting-assessment");
            String assess = browser.tabToLink("/assessment").getAttribute("href");
            browser.enter();
            assertThat(browser.heading()).isEqualTo("Suitability assessment");
            assertThat(assess).endsWith(browser.path());

            // the team caseloads: the manager's own caseload from the row marked "(you)"
            browser.open("/programme/caseloads");
            browser.tabToLink("/programme/caseload");
            browser.enter();
            assertThat(browser.path()).isEqualTo("/programme/caseload");
            assertThat(browser.text()).contains("Kit Keyson" + suffix);
            browser.check("keyboard-service-manager-caseload");
        }
    }

    @Test
    void anOnwardReferralIsMadeAndFollowedUpWithTheKeyboardAlone() {
        WebNominals nominal = WebNominals.registerWithOneIncident();
        RoutingApi routing = new RoutingApi(RiskMatrixClients.as("offender-manager"));
        routing.recordSuitabilityFacts(
                nominal.caseId(),
                new SuitabilityFacts()
                        .willingToEngage(true)
                        .consentsToGpsTag(false)
                        .drugMisuse(false)
                        .alcoholMisuse(false)
                        .housingNeed(true)
                        .inCustody(false)
                        .existingOrders(false));
        routing.decideRouting(nominal.caseId(), new RoutingDecision().route(Route.ENGAGE));
        try (Browser browser = Browser.withJavaScript()) {
            browser.signIn("offender-manager");
            Actions keys = new Actions(browser.driver());
            browser.open("/risk-matrix/nominals/" + nominal.caseId());
            browser.tabToLink("/risk-matrix/nominals/" + nominal.caseId() + "/onward-referrals/new");
            browser.enter();
            assertThat(browser.heading()).isEqualTo("Make an onward referral");
            browser.tabTo("type");
            keys.sendKeys(Keys.SPACE).perform();
            String type = browser.driver()
                    .findElement(By.cssSelector("label[for='type']"))
                    .getText();
            LocalDate today = LocalDate.now();
            browser.tabTo("followUpDate");
            keys.sendKeys(
                            String.valueOf(today.getDayOfMonth()),
                            Keys.TAB,
                            String.valueOf(today.getMonthValue()),
                            Keys.TAB,
                            String.valueOf(today.getYear()))
                    .perform();
            browser.tabToControl("Record the referral");
            browser.enter();
            assertThat(browser.heading()).isEqualTo(nominal.name());
            assertThat(browser.text()).contains("Onward referral recorded: " + type + ".");

            // due today: on the follow-up list, and what happened recorded from there
            browser.open("/risk-matrix/onward-referrals");
            String referral = browser.find(By.xpath(
                            "//a[contains(@href, '/risk-matrix/nominals/" + nominal.caseId() + "/onward-referrals/')]"))
                    .getAttribute("href");
            browser.tabToLink(referral.substring(referral.indexOf("/risk-matrix/")));
            browser.enter();
            assertThat(browser.heading()).isEqualTo(type + " referral");
            browser.tabTo("status");
            keys.sendKeys(Keys.SPACE).perform(); // accepted
            browser.tabToControl("Record it");
            browser.enter();
            assertThat(browser.text()).contains(type + " referral: accepted.");
            browser.check("keyboard-onward-referral-accepted");
        }
    }
}
