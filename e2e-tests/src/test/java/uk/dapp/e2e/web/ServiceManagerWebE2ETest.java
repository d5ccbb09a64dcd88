package uk.dapp.e2e.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import uk.dapp.client.programme.model.Alert;
import uk.dapp.client.programme.model.AlertCreate;
import uk.dapp.client.programme.model.AlertSource;
import uk.dapp.client.programme.model.Group;
import uk.dapp.client.programme.model.Referral;
import uk.dapp.e2e.programme.ProgrammeClients;
import uk.dapp.e2e.flows.Eventually;
import uk.dapp.e2e.support.Browser;

/**
 * A service manager's day in a real browser: the risk alerts past their 24 hours, a participant
 * with an alert a facilitator has just raised (seen on the caseload of a group the manager
 * co-facilitates, and on the referral's timeline), the reviews overdue, capacity, and setting up a
 * group (first with nothing filled in). The programme's API lists risk alerts only once they are
 * overdue and reads no single alert, so a fresh alert cannot be opened for review in time from any
 * page yet: the test says so, and the review page itself is tested against the service's answers
 * in the web module (ProgrammePagesTest). axe-core runs on every page and a screenshot of each is kept.
 */
class ServiceManagerWebE2ETest {

    @Test
    void aServiceManagerSeesTheAlertsCapacityAndSetsUpAGroup() {
        String suffix = WebProgramme.suffix();
        Group group = WebProgramme.group("Web Thursday morning " + suffix, "demo-service-manager");
        Referral referral = WebProgramme.inGroup(group, "Sol", "Safeguard" + suffix);
        Alert alert = ProgrammeClients.alerts("facilitator").raiseAlert(referral.getReferralId(), new AlertCreate()
                .source(AlertSource.FACILITATOR_CONCERN).concern("talked about her new address " + suffix));

        try (Browser browser = Browser.withJavaScript()) {
            browser.signIn("service-manager");
            assertThat(browser.text()).contains("Risk alerts overdue").contains("Capacity");
            browser.check("programme-home-service-manager");

            // the alerts past their 24 hours, most overdue first; the one just raised is not among them yet
            browser.click("Risk alerts");
            assertThat(browser.heading()).isEqualTo("Risk alerts overdue");
            assertThat(browser.text()).doesNotContain("Safeguard" + suffix);
            browser.check("programme-alerts-overdue");
            // nor can it be opened for review: the API reads no single alert and lists none within its 24 hours
            browser.open("/programme/alerts/" + alert.getAlertId());
            assertThat(browser.heading()).isEqualTo("Page not found");

            // the caseload of the group they co-facilitate counts it
            browser.click("Caseload");
            assertThat(browser.text()).contains("Sol Safeguard" + suffix).contains("1 alert to review");
            browser.check("programme-caseload-service-manager");

            // the referral's timeline shows it raised, by whom and when
            browser.click("Sol Safeguard" + suffix);
            assertThat(browser.heading()).isEqualTo("Sol Safeguard" + suffix);
            assertThat(browser.text()).contains("Risk alert raised").contains("demo-facilitator");
            browser.check("programme-referral-service-manager");

            // the alert's notice reaches the team's service managers through the outbox: their inbox names the
            // case and what to do, and marks it read in the programme
            browser.click("Notifications");
            assertThat(browser.heading()).isEqualTo("Notifications");
            Eventually.until("the alert's notification", () -> browser.open("/notifications").text(),
                    text -> text.contains(referral.getCaseId()));
            assertThat(browser.text()).contains("Risk alert raised");
            browser.check("notifications");
            browser.clickIn(By.xpath("//tr[.//a[normalize-space()='" + referral.getCaseId() + "']]"), "Mark as read");
            assertThat(browser.text()).contains("Notification marked as read.");

            browser.click("Reviews due");
            assertThat(browser.heading()).isEqualTo("Monthly reviews overdue");

            // capacity: the groups they facilitate with their places, and the programmes' limits
            browser.click("Capacity");
            assertThat(browser.text()).contains(group.getName()).contains("Places per group");
            browser.check("programme-capacity");

            // set up a group: nothing filled in first
            browser.click("Set up a group");
            browser.click("Set up the group");
            assertThat(browser.driver().getTitle()).startsWith("Error: Set up a group");
            assertThat(browser.errorSummary()).contains("Select the programme", "Enter the name of the group");
            browser.check("programme-set-up-group-errors");
            FacilitatorWebE2ETest.chooseValue(browser, "programmeCode", WebProgramme.PROGRAMME);
            LocalDate starts = LocalDate.now().plusWeeks(2);
            browser.type("name", "Web Monday evening " + suffix).type("startsOn", String.valueOf(starts.getDayOfMonth()))
                    .type("startsOn-month", String.valueOf(starts.getMonthValue())).type("startsOn-year", String.valueOf(starts.getYear()))
                    .type("capacity", "8").type("facilitators", "demo-facilitator, demo-service-manager");
            browser.click("Set up the group");
            assertThat(browser.heading()).isEqualTo("Web Monday evening " + suffix);
            assertThat(browser.text()).contains("Group set up. Its reference is").contains("0 of 8 taken, 8 free")
                    .contains("demo-facilitator, demo-service-manager").contains("Nobody is in the group yet.");
            browser.check("programme-group-set-up");
        }
    }
}
