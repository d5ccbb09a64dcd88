package uk.dapp.e2e.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import uk.dapp.client.programme.model.AlertCreate;
import uk.dapp.client.programme.model.AlertSource;
import uk.dapp.client.programme.model.Group;
import uk.dapp.client.programme.model.Referral;
import uk.dapp.e2e.programme.ProgrammeClients;
import uk.dapp.e2e.programme.ProgrammeSteps;
import uk.dapp.e2e.support.Browser;

/**
 * Progressive enhancement: with JavaScript off in the browser, signing in, adding an incident
 * (errors and all), recording suitability facts and deciding all work with plain forms; the
 * rescoring page refreshes itself (a meta refresh inside noscript); the idle timeout is stated on
 * every page, since the warning dialog needs the script. A service manager reviews a risk alert
 * from the list of alerts to review, reallocates a one-to-one case and enrols one with plain forms too.
 */
class WithoutJavaScriptWebE2ETest {

    @Test
    void theOffenderManagersFormsWorkWithJavaScriptOff() {
        WebNominals nominal = WebNominals.registerWithOneIncident();
        try (Browser browser = Browser.withoutJavaScript()) {
            browser.signIn("offender-manager");
            assertThat(browser.find(By.tagName("body")).getAttribute("class")).doesNotContain("js-enabled");
            assertThat(browser.text()).contains("we sign you out after 20 minutes without activity");

            browser.open("/risk-matrix/nominals/" + nominal.caseId() + "/incidents/new");
            browser.type("victimKey", "not a key!").click("Add the incident");
            assertThat(browser.errorSummary())
                    .contains(
                            "Enter the date of the incident",
                            "The victim key must be 4 to 40 letters, numbers or hyphens");
            browser.screenshot("no-javascript-add-incident-errors");
            LocalDate date = LocalDate.now().minusDays(3);
            browser.type("date", String.valueOf(date.getDayOfMonth()))
                    .type("date-month", String.valueOf(date.getMonthValue()))
                    .type("date-year", String.valueOf(date.getYear()));
            browser.choose("type");
            new Select(browser.find(By.id("offenceCode"))).selectByValue("EX-ABH");
            browser.type("victimKey", "VK-NOJS-" + nominal.caseId().substring(0, 6));
            browser.choose("dashLevel-2").choose("crime").choose("outcome-5");
            browser.click("Add the incident");
            assertThat(browser.text()).contains("Incident added.");

            browser.click("Record suitability facts");
            for (String fact : new String[] {
                "willingToEngage",
                "consentsToGpsTag",
                "drugMisuse",
                "alcoholMisuse",
                "housingNeed",
                "inCustody",
                "existingOrders"
            }) {
                browser.choose(fact + "-2");
            }
            browser.click("Record the facts");
            assertThat(browser.text()).contains("The recommendation is Catch and convict");
            // the recommendation (catch and convict, no pathways) fills the form in
            browser.choose("route-2").click("Record the decision");
            assertThat(browser.text())
                    .contains("Decision recorded: Catch and convict.")
                    .contains("Full criminality review");
            browser.screenshot("no-javascript-nominal-decided");

            // a task of the catch-and-convict decision, marked done with a plain form
            browser.find(By.xpath("//a[starts-with(normalize-space(), 'Update')]"))
                    .click();
            browser.choose("done").click("Save the task");
            assertThat(browser.text()).contains("Task updated.").contains("Done");

            browser.open("/risk-matrix/rescoring");
            browser.click("Start rescoring");
            assertThat(browser.heading()).isEqualTo("Rescoring");
            String source = browser.driver().getPageSource();
            if (source.contains("Running")) {
                assertThat(source)
                        .contains("<noscript><meta http-equiv=\"refresh\" content=\"5\"></noscript>")
                        .contains("Check progress now");
            }
        }
    }

    @Test
    void theServiceManagersFormsWorkWithJavaScriptOff() {
        String suffix = WebProgramme.suffix();
        Group group = WebProgramme.group("Web no-script group " + suffix);
        Referral inGroup = WebProgramme.inGroup(group, "Nico", "Noscript" + suffix);
        ProgrammeClients.alerts("facilitator")
                .raiseAlert(
                        inGroup.getReferralId(),
                        new AlertCreate()
                                .source(AlertSource.FACILITATOR_CONCERN)
                                .concern("missed two sessions " + suffix));
        String caseManager = ProgrammeSteps.newCaseManager();
        String nextCaseManager = ProgrammeSteps.newCaseManager();
        Referral oneToOne = WebProgramme.onCaseload("Nell", "Noscript" + suffix, caseManager);
        try (Browser browser = Browser.withoutJavaScript()) {
            browser.signIn("service-manager");
            browser.open("/programme/alerts");
            browser.clickIn(By.xpath("//tr[.//a[normalize-space()='Nico Noscript" + suffix + "']]"), "Review");
            browser.type("actionsTaken", "asked the facilitator to call him " + suffix)
                    .click("Record the review and close it");
            assertThat(browser.text())
                    .contains("Review recorded and the alert closed, within its 24 hours.")
                    .doesNotContain("Nico Noscript" + suffix);
            browser.screenshot("no-javascript-alert-reviewed");

            // the queue awaiting assessment: its "Assess" link opens the assessment form
            Referral waiting = WebProgramme.referred("Noor", "Noscript" + suffix);
            int lastPage = ProgrammeClients.work("service-manager")
                            .listReferralsAwaitingAssessment(0, 25)
                            .getTotalPages()
                    - 1;
            browser.open("/programme/referrals/awaiting-assessment?page=" + lastPage);
            assertThat(browser.heading()).isEqualTo("Referrals awaiting assessment");
            browser.click("Assess Noor Noscript" + suffix);
            assertThat(browser.path()).isEqualTo("/programme/referrals/" + waiting.getReferralId() + "/assessment");
            assertThat(browser.heading()).isEqualTo("Suitability assessment");

            browser.open("/programme/referrals/" + oneToOne.getReferralId()).click("Reallocate the case");
            FacilitatorWebE2ETest.chooseValue(browser, "caseManager", nextCaseManager);
            browser.type("reason", "closer to where he lives " + suffix).click("Reallocate the case");
            assertThat(browser.text())
                    .contains("Case reallocated to " + nextCaseManager + ".")
                    .contains(
                            "from " + caseManager + " to " + nextCaseManager + ": closer to where he lives " + suffix);
            browser.screenshot("no-javascript-case-reallocated");

            // enrolling a one-to-one case: the team's case managers are plain radios, one chosen, posted
            Referral suitable = WebProgramme.suitableForOneToOne("Nye", "Noscript" + suffix);
            browser.open("/programme/referrals/" + suitable.getReferralId() + "/enrolment");
            FacilitatorWebE2ETest.chooseValue(browser, "caseManager", caseManager);
            browser.click("Enrol");
            assertThat(browser.heading()).isEqualTo("Nye Noscript" + suffix);
            assertThat(browser.text()).contains("Enrolled on " + caseManager + "'s caseload.");
            browser.screenshot("no-javascript-one-to-one-enrolled");
        }
    }
}
