package uk.dapp.e2e.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import uk.dapp.client.programme.model.Alert;
import uk.dapp.client.programme.model.AlertCreate;
import uk.dapp.client.programme.model.AlertEscalationCreate;
import uk.dapp.client.programme.model.AlertSource;
import uk.dapp.client.programme.model.Group;
import uk.dapp.client.programme.model.Referral;
import uk.dapp.e2e.flows.Eventually;
import uk.dapp.e2e.programme.ProgrammeClients;
import uk.dapp.e2e.programme.ProgrammeSteps;
import uk.dapp.e2e.support.Browser;

/**
 * A service manager's day in a real browser: the risk alerts to review with the time left on each
 * 24-hour clock (one a facilitator has just raised, also seen on the caseload of a group the
 * manager co-facilitates and on the referral's timeline, its notice in the inbox) and the
 * escalations (one a facilitator escalated by hand, saying who and why); reviewing that alert well before its deadline; the reviews overdue; the teams'
 * groups and caseloads; reallocating a one-to-one case to another case manager and seeing it in the
 * referral's history; capacity, and setting up a group (first with nothing filled in). axe-core
 * runs on every page and a screenshot of each is kept.
 */
class ServiceManagerWebE2ETest {

    @Test
    void aServiceManagerReviewsAnAlertInTimeReallocatesACaseAndSeesTheGroupsAndCaseloads() {
        String suffix = WebProgramme.suffix();
        Group group = WebProgramme.group("Web Thursday morning " + suffix, "demo-service-manager");
        Referral referral = WebProgramme.inGroup(group, "Sol", "Safeguard" + suffix);
        Alert alert = ProgrammeClients.alerts("facilitator")
                .raiseAlert(
                        referral.getReferralId(),
                        new AlertCreate()
                                .source(AlertSource.FACILITATOR_CONCERN)
                                .concern("talked about her new address " + suffix));
        String caseManager = ProgrammeSteps.newCaseManager();
        String nextCaseManager = ProgrammeSteps.newCaseManager();
        Referral oneToOne = WebProgramme.onCaseload("Rory", "Reallocate" + suffix, caseManager);
        // another alert a facilitator judged urgent and escalated at once, with the reason
        Alert urgent = ProgrammeClients.alerts("facilitator")
                .raiseAlert(
                        oneToOne.getReferralId(),
                        new AlertCreate()
                                .source(AlertSource.FACILITATOR_CONCERN)
                                .concern("described following her home " + suffix));
        ProgrammeClients.alerts("facilitator")
                .escalateAlert(
                        urgent.getAlertId(),
                        new AlertEscalationCreate().reason("said he will go to her sister's house tonight " + suffix));
        String sol = "Sol Safeguard" + suffix;
        By solsRow = By.xpath("//tr[.//a[normalize-space()='" + sol + "']]");

        try (Browser browser = Browser.withJavaScript()) {
            browser.signIn("service-manager");
            assertThat(browser.text())
                    .contains("Risk alerts to review in your teams")
                    .contains("Escalated risk alerts")
                    .contains("Caseloads in your teams")
                    .contains("Groups")
                    .contains("Capacity");
            browser.check("programme-home-service-manager");

            // the alerts to review from the home page's "your work": the one just raised, with the time left on its
            // clock
            browser.find(By.cssSelector("dl.govuk-summary-list a[href='/programme/alerts']"))
                    .click();
            browser.wait(d -> d.getTitle().startsWith("Risk alerts to review"));
            assertThat(browser.find(solsRow).getText())
                    .contains("A concern of programme staff")
                    .containsPattern("(1 day|23 hours( \\d+ minutes?)?) left")
                    .doesNotContain("Overdue")
                    .doesNotContain("Escalated");
            browser.check("programme-alerts-to-review");
            // the escalations: not it, well within its 24 hours, but the one escalated by hand, saying who and why
            browser.click("Only the escalated alerts");
            assertThat(browser.heading()).isEqualTo("Escalated risk alerts");
            assertThat(browser.text()).doesNotContain(sol);
            assertThat(browser.find(By.xpath("//tr[.//a[normalize-space()='Rory Reallocate" + suffix + "']]"))
                            .getText())
                    .contains("Escalated")
                    .contains("escalated by demo-facilitator: said he will go to her sister's house tonight " + suffix);
            browser.check("programme-alerts-escalated");

            // the caseload of the group they co-facilitate counts it
            browser.click("Caseload");
            assertThat(browser.text()).contains(sol).contains("1 alert to review");
            browser.check("programme-caseload-service-manager");

            // the referral's timeline shows it raised, by whom and when
            browser.click(sol);
            assertThat(browser.heading()).isEqualTo(sol);
            assertThat(browser.text()).contains("Risk alert raised").contains("demo-facilitator");
            assertThat(browser.text())
                    .as("a group participant is worked by the group's facilitators")
                    .doesNotContain("Reallocate the case");
            browser.check("programme-referral-service-manager");

            // the alert's notice reaches the team's service managers through the outbox: their inbox names the
            // case and what to do, and marks it read in the programme
            browser.click("Notifications");
            assertThat(browser.heading()).isEqualTo("Notifications");
            Eventually.until(
                    "the alert's notification",
                    () -> browser.open("/notifications").text(),
                    text -> text.contains(referral.getCaseId()));
            assertThat(browser.text()).contains("Risk alert raised");
            browser.check("notifications");
            browser.clickIn(By.xpath("//tr[.//a[normalize-space()='" + referral.getCaseId() + "']]"), "Mark as read");
            assertThat(browser.text()).contains("Notification marked as read.");

            // the review, from the navigation, long before its deadline: nothing filled in first
            browser.click("Risk alerts");
            browser.clickIn(solsRow, "Review");
            assertThat(browser.heading()).isEqualTo("Review a risk alert");
            assertThat(browser.text())
                    .contains("talked about her new address " + suffix)
                    .contains("left to review it");
            browser.check("programme-alert-review");
            browser.click("Record the review and close it");
            assertThat(browser.errorSummary()).contains("Enter the actions taken");
            browser.check("programme-alert-review-errors");
            browser.type("actionsTaken", "spoke to partner support and the offender manager " + suffix);
            browser.click("Record the review and close it");
            assertThat(browser.text()).contains("Review recorded and the alert closed, within its 24 hours.");
            assertThat(browser.heading()).isEqualTo("Risk alerts to review");
            assertThat(browser.text()).doesNotContain(sol);
            Alert reviewed = ProgrammeClients.alerts("service-manager").getAlert(alert.getAlertId());
            assertThat(reviewed.getStatus()).isEqualTo(Alert.StatusEnum.REVIEWED);
            assertThat(reviewed.getOverdue()).isFalse();
            assertThat(reviewed.getReviewedBy()).isEqualTo("demo-service-manager");

            browser.click("Reviews due");
            assertThat(browser.heading()).isEqualTo("Monthly reviews overdue");

            // the teams' groups with their places and waiting lists, each leading to its page
            browser.click("Groups");
            assertThat(browser.heading()).isEqualTo("Groups");
            assertThat(browser.find(By.xpath("//tr[.//a[normalize-space()='" + group.getName() + "']]"))
                            .getText())
                    .contains("demo-facilitator, demo-service-manager")
                    .contains("10");
            browser.check("programme-groups");
            browser.click(group.getName());
            assertThat(browser.heading()).isEqualTo(group.getName());

            // the teams' caseloads, counted per case manager and facilitator
            browser.click("Team caseloads");
            assertThat(browser.heading()).isEqualTo("Team caseloads");
            assertThat(browser.find(By.xpath("//tr[th[normalize-space()='" + caseManager + "']]"))
                            .getText())
                    .contains(caseManager + " 1 0 0");
            assertThat(browser.text()).contains("demo-facilitator").contains("demo-service-manager (you)");
            browser.check("programme-team-caseloads");

            // enrolling a one-to-one case: the team's case managers offered with their caseloads, none typed
            Referral awaiting = WebProgramme.suitableForOneToOne("Ren", "Enrol" + suffix);
            browser.open("/programme/referrals/" + awaiting.getReferralId() + "/enrolment");
            assertThat(browser.text()).contains("with their caseloads now");
            assertThat(browser.find(By.xpath("//input[@value='" + caseManager + "']/.."))
                            .getText())
                    .contains("1 one-to-one, 0 in groups");
            assertThat(browser.findAll(By.cssSelector("input[type='text'][name='caseManager']")))
                    .isEmpty();
            browser.check("programme-enrol-one-to-one");
            FacilitatorWebE2ETest.chooseValue(browser, "caseManager", caseManager);
            browser.click("Enrol");
            assertThat(browser.heading()).isEqualTo("Ren Enrol" + suffix);
            assertThat(browser.text()).contains("Enrolled on " + caseManager + "'s caseload.");

            // reallocating a one-to-one case to another case manager of the teams, with the reason: nothing chosen
            // first
            browser.open("/programme/referrals/" + oneToOne.getReferralId());
            browser.click("Reallocate the case");
            assertThat(browser.heading()).isEqualTo("Reallocate the case");
            assertThat(browser.text()).contains("Rory Reallocate" + suffix).contains(caseManager);
            assertThat(browser.findAll(By.cssSelector("input[name='caseManager'][value='" + caseManager + "']")))
                    .as("the current case manager is not offered")
                    .isEmpty();
            browser.check("programme-reallocate");
            browser.click("Reallocate the case");
            assertThat(browser.driver().getTitle()).startsWith("Error: Reallocate the case");
            assertThat(browser.errorSummary()).isNotEmpty();
            browser.check("programme-reallocate-errors");
            FacilitatorWebE2ETest.chooseValue(browser, "caseManager", nextCaseManager);
            browser.type("reason", "caseload balanced after leave " + suffix);
            browser.click("Reallocate the case");
            assertThat(browser.heading()).isEqualTo("Rory Reallocate" + suffix);
            assertThat(browser.text())
                    .contains("Case reallocated to " + nextCaseManager + ".")
                    .contains("Reallocated to another case manager")
                    .contains("from " + caseManager + " to " + nextCaseManager + ": caseload balanced after leave "
                            + suffix);
            browser.check("programme-referral-reallocated");
            assertThat(ProgrammeClients.referrals("service-manager")
                            .getReferral(oneToOne.getReferralId())
                            .getCaseManager())
                    .isEqualTo(nextCaseManager);

            // capacity: the groups of their teams with their places (the programme's list of groups), and the
            // programmes' limits
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
            browser.type("name", "Web Monday evening " + suffix)
                    .type("startsOn", String.valueOf(starts.getDayOfMonth()))
                    .type("startsOn-month", String.valueOf(starts.getMonthValue()))
                    .type("startsOn-year", String.valueOf(starts.getYear()))
                    .type("capacity", "8")
                    .type("facilitators", "demo-facilitator, demo-service-manager");
            browser.click("Set up the group");
            assertThat(browser.heading()).isEqualTo("Web Monday evening " + suffix);
            assertThat(browser.text())
                    .contains("Group set up. Its reference is")
                    .contains("0 of 8 taken, 8 free")
                    .contains("demo-facilitator, demo-service-manager")
                    .contains("Nobody is in the group yet.");
            browser.check("programme-group-set-up");
        }
    }
}
