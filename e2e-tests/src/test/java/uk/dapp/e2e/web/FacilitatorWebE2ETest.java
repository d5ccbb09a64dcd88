package uk.dapp.e2e.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import uk.dapp.client.programme.model.Group;
import uk.dapp.client.programme.model.Referral;
import uk.dapp.client.programme.model.ReferralStatus;
import uk.dapp.e2e.programme.ProgrammeClients;
import uk.dapp.e2e.support.Browser;

/**
 * A facilitator's day in a real browser, through the real Keycloak sign-in page, the web app, the
 * gateway and the programme service: the caseload; refer someone (first with nothing filled in: the
 * service's errors beside the fields) with who they are and a partner, whom no page shows again;
 * find them by name; correct who they are; assess them (needs motivational work), hold a
 * motivational session and reassess (suitable); enrol them in a group with free places; schedule
 * the session that began an hour ago and take the whole group's register in one form (attendance
 * is recorded only for a session that has begun; a register with a row the API refuses records
 * nobody); record the monthly review; raise a concern and
 * escalate it to the service manager now; and the lists. Then a facilitator of the other team opening that referral gets "Page not
 * found". axe-core runs on every page and a screenshot of each is kept.
 */
class FacilitatorWebE2ETest {

    @Test
    void aFacilitatorTakesAReferralFromReferralToTheRegisterAReviewAndAConcern() {
        String suffix = WebProgramme.suffix();
        Group group = WebProgramme.group("Web Tuesday evening " + suffix);
        Referral first = WebProgramme.inGroup(group, "Rhys", "Rollcall" + suffix);
        WebProgramme.inGroup(group, "Owen", "Onroll" + suffix);
        String family = "Referton" + suffix;
        String partner = "Parveen Partnerly" + suffix;

        try (Browser browser = Browser.withJavaScript()) {
            browser.signIn("facilitator");
            assertThat(browser.text()).contains("Your caseload").contains("Refer someone to a programme");
            browser.check("programme-home-facilitator");

            // the caseload: the group's participants, by name
            browser.click("Caseload");
            assertThat(browser.heading()).isEqualTo("Your caseload");
            assertThat(browser.text()).contains("Rhys Rollcall" + suffix).contains("Owen Onroll" + suffix);
            browser.check("programme-caseload");

            // refer someone: nothing filled in first, so the service's rules show beside the fields
            browser.click("Participants").click("Refer someone to a programme");
            browser.click("Make the referral");
            assertThat(browser.driver().getTitle()).startsWith("Error: Refer someone to a programme");
            assertThat(browser.errorSummary())
                    .contains(
                            "Select the programme",
                            "Select who referred them",
                            "Select whether attendance is mandated",
                            "Select the risk level");
            browser.check("programme-referral-errors");
            chooseValue(browser, "programmeCode", WebProgramme.PROGRAMME);
            chooseValue(browser, "source", "POLICE");
            browser.choose("mandated-2");
            chooseValue(browser, "riskLevel", "MEDIUM");
            browser.type("participant.givenName", "Webb")
                    .type("participant.familyName", family)
                    .type("participant.dateOfBirth", "12")
                    .type("participant.dateOfBirth-month", "4")
                    .type("participant.dateOfBirth-year", "1985");
            chooseValue(browser, "participant.sex", "MALE");
            chooseValue(browser, "participant.preferredContact.method", "PHONE");
            browser.type("participant.preferredContact.phone", "01632 960 123")
                    .type("participant.preferredContact.safeTimes", "weekdays after 6pm");
            chooseValue(browser, "partners[0].relationship", "CURRENT_PARTNER");
            browser.type("partners[0].name", partner).type("partners[0].phone", "01632 960 456");
            browser.click("Make the referral");

            // the referral page: the partner went to partner support and is never shown back
            assertThat(browser.heading()).isEqualTo("Webb " + family);
            assertThat(browser.text())
                    .contains("Referral made. Their case ID is")
                    .contains("1 partner passed on to partner support")
                    .contains("Referred")
                    .contains("Withdraw the referral")
                    .contains("Record a suitability assessment")
                    .doesNotContain(partner)
                    .doesNotContain("Partnerly")
                    .doesNotContain("01632 960 456");
            String referralPath = browser.path();
            UUID referralId = UUID.fromString(referralPath.substring(referralPath.lastIndexOf('/') + 1));
            Referral made = ProgrammeClients.referrals("facilitator").getReferral(referralId);
            browser.check("programme-referral-new");

            // find them again by name, as the next morning
            browser.click("Participants");
            browser.type("name", family).click("Search");
            assertThat(browser.text()).contains("1 found").contains(made.getCaseId());
            browser.check("programme-participant-search");
            browser.click("Webb " + family);
            assertThat(browser.heading()).isEqualTo("Webb " + family);
            assertThat(browser.text())
                    .contains("12 April 1985")
                    .contains("weekdays after 6pm")
                    .contains("CHANGE-GROUP");
            browser.check("programme-case");

            // who they are: correct it, the earlier version kept with the reason
            browser.open("/programme/cases/" + made.getCaseId() + "/participant")
                    .click("Correct who they are");
            browser.type("identity.interpreterLanguage", "Polish")
                    .type("reason", "he asked for an interpreter at assessment");
            browser.check("programme-identity-correct");
            browser.click("Save");
            assertThat(browser.heading()).isEqualTo("Who they are");
            assertThat(browser.text())
                    .contains("Correction saved")
                    .contains("Polish")
                    .contains("Interpreter needed for")
                    .contains("he asked for an interpreter at assessment");
            browser.check("programme-identity");

            // the queue awaiting assessment: the newest referral waits last, so on the last page
            browser.click("Awaiting assessment");
            assertThat(browser.heading()).isEqualTo("Referrals awaiting assessment");
            int lastPage = ProgrammeClients.work("facilitator")
                            .listReferralsAwaitingAssessment(0, 25)
                            .getTotalPages()
                    - 1;
            browser.open("/programme/referrals/awaiting-assessment?page=" + lastPage);
            assertThat(browser.text()).contains("Webb " + family).contains("waiting");
            browser.check("programme-awaiting-assessment");

            // assess: low motivation, so motivational work first
            browser.click("Assess Webb " + family);
            assertThat(browser.path()).isEqualTo(referralPath + "/assessment");
            chooseAssessment(browser, 2);
            browser.check("programme-assessment");
            browser.click("Record the assessment");
            assertThat(browser.text())
                    .contains("Assessment version 1 recorded: needs motivational work (low motivation)")
                    .contains("0 of 3 motivational sessions held so far")
                    .contains("Motivational work");
            browser.click("Record a motivational session");
            browser.check("programme-motivational-session");
            browser.click("Record the session");
            assertThat(browser.text()).contains("Motivational session 1 of 3 recorded");
            browser.click("Record a suitability assessment");
            chooseAssessment(browser, 4);
            browser.click("Record the assessment");
            assertThat(browser.text())
                    .contains("Assessment version 2 recorded: suitable")
                    .contains("Suitable");
            browser.check("programme-referral-suitable");

            // enrol them in the group: its free places shown
            browser.click("Enrol");
            assertThat(browser.text()).contains(group.getName()).contains("8 of 10 places free");
            browser.check("programme-enrol");
            chooseValue(browser, "groupId", group.getGroupId().toString());
            browser.click("Enrol");
            assertThat(browser.text()).contains("Enrolled in the group.").contains("Enrolled");

            // the group: schedule the session that began an hour ago (attendance is recorded only for a
            // session that has begun) and take the whole group's register in one form
            browser.click("Their group and its register");
            assertThat(browser.heading()).isEqualTo(group.getName());
            assertThat(browser.text()).contains("3 of 10 taken, 7 free");
            browser.click("Schedule a session");
            LocalDateTime began = LocalDateTime.now(ZoneId.of("Europe/London")).minusHours(1);
            browser.type("scheduledAt", String.valueOf(began.getDayOfMonth()))
                    .type("scheduledAt-month", String.valueOf(began.getMonthValue()))
                    .type("scheduledAt-year", String.valueOf(began.getYear()))
                    .type("time", String.valueOf(began.getHour()))
                    .type("time-minute", String.valueOf(began.getMinute()));
            browser.check("programme-schedule-session");
            browser.click("Schedule the session");
            assertThat(browser.heading()).isEqualTo("Take the register");
            assertThat(browser.findAll(By.cssSelector("fieldset legend")))
                    .extracting(e -> e.getText())
                    .contains("Webb " + family, "Rhys Rollcall" + suffix, "Owen Onroll" + suffix);
            String registerPath = browser.path();
            markTheRegister(browser);
            // the register is recorded all or nothing: a row naming someone who is no referral (its hidden
            // field altered, as a stale or forged form would) is refused beside its row, and nobody is recorded
            ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                    .executeScript(
                            "document.querySelector(\"input[name='rows[2].referralId']\").value = arguments[0]",
                            UUID.randomUUID().toString());
            browser.click("Save the register");
            assertThat(browser.heading()).isEqualTo("Take the register");
            assertThat(browser.errorSummary()).singleElement().asString().startsWith("No referral");
            assertThat(browser.find(By.cssSelector("[id='rows[2].outcome-error']"))
                            .getText())
                    .contains("No referral");
            assertThat(browser.text()).contains("Nothing was recorded");
            assertThat(ProgrammeClients.referrals("facilitator")
                            .getReferral(referralId)
                            .getStatus())
                    .isEqualTo(ReferralStatus.ENROLLED);
            assertThat(ProgrammeClients.referrals("facilitator")
                            .getReferral(first.getReferralId())
                            .getStatus())
                    .isEqualTo(ReferralStatus.ENROLLED);
            browser.open(registerPath);
            markTheRegister(browser);
            browser.check("programme-register");
            browser.click("Save the register");
            assertThat(browser.text())
                    .contains("Register saved: 3 attendances recorded.")
                    .contains("Acceptable absence");
            browser.check("programme-group");
            assertThat(ProgrammeClients.referrals("facilitator")
                            .getReferral(referralId)
                            .getStatus())
                    .isEqualTo(ReferralStatus.ON_PROGRAMME);
            assertThat(ProgrammeClients.referrals("facilitator")
                            .getReferral(first.getReferralId())
                            .getStatus())
                    .isEqualTo(ReferralStatus.ON_PROGRAMME);

            // the monthly review
            browser.open(referralPath).click("Record the monthly review");
            chooseValue(browser, "riskLevel", "MEDIUM");
            browser.type("attendees", "Alex Example, case manager\nSam Sample, partner support worker");
            browser.type(
                    "actions", "call her before each session; Sam Sample\ncheck the safety plan monthly; Alex Example");
            browser.type(
                    "safetyActions", "partner support to call her before each session; check the safety plan monthly");
            browser.check("programme-review");
            browser.click("Record the review");
            assertThat(browser.text()).contains("Monthly review recorded. The next is due by");

            // a concern: a risk alert whose 24-hour review clock starts now
            browser.click("Raise a concern");
            browser.type("concern", "talked in session about watching her leave work");
            browser.check("programme-raise-concern");
            browser.click("Raise the alert");
            assertThat(browser.text())
                    .contains("Risk alert raised. A service manager must review it by")
                    .contains("Risk alert raised")
                    .contains("Monthly review")
                    .contains("Motivational session")
                    .contains("Attendance");
            browser.check("programme-referral-timeline");

            // the caseload says an alert waits for review; the lists of what is due
            browser.click("Caseload");
            assertThat(browser.text()).contains("Webb " + family).contains("1 alert to review");
            browser.click("Reviews due");
            assertThat(browser.heading()).isEqualTo("Monthly reviews overdue");
            browser.check("programme-reviews-overdue");
            browser.click("Risk alerts");
            // the alert just raised, with the time left on its 24-hour clock; reviewing is a service manager's
            assertThat(browser.heading()).isEqualTo("Risk alerts to review");
            By webbsRow = By.xpath("//tr[.//a[normalize-space()='Webb " + family + "']]");
            assertThat(browser.find(webbsRow).getText()).contains(" left");
            browser.check("programme-alerts-facilitator");

            // it cannot wait for the review: escalated to the service manager now, with the reason (none given first)
            browser.clickIn(webbsRow, "View");
            assertThat(browser.heading()).isEqualTo("Risk alert");
            assertThat(browser.text())
                    .contains("talked in session about watching her leave work")
                    .doesNotContain("Record the review");
            browser.check("programme-alert-facilitator");
            browser.click("Escalate to the service manager now");
            assertThat(browser.errorSummary()).contains("Enter why the alert cannot wait for its review");
            browser.check("programme-alert-escalate-errors");
            browser.type("reason", "said he will wait outside her work tomorrow");
            browser.click("Escalate to the service manager now");
            assertThat(browser.text())
                    .contains("Risk alert escalated.")
                    .contains("escalated by demo-facilitator: said he will wait outside her work tomorrow")
                    .doesNotContain("Why it cannot wait");
            browser.check("programme-alert-escalated");

            // an exit asks for a reason and the outcome (not sent here: nothing filled in)
            browser.open(referralPath).click("Record a drop-out");
            browser.click("Record a drop-out");
            assertThat(browser.errorSummary()).isNotEmpty();
            assertThat(browser.fieldError("reason")).isNotBlank();
            browser.check("programme-exit-errors");
            assertThat(ProgrammeClients.referrals("facilitator")
                            .getReferral(referralId)
                            .getStatus())
                    .isEqualTo(ReferralStatus.ON_PROGRAMME);
        }
    }

    @Test
    void aFacilitatorOfTheOtherTeamCannotOpenTheReferral() {
        String suffix = WebProgramme.suffix();
        Referral north = WebProgramme.referred("Norris", "Northway" + suffix);
        try (Browser browser = Browser.withJavaScript()) {
            browser.signIn("facilitator-south");
            browser.open("/programme/referrals/" + north.getReferralId());
            assertThat(browser.heading()).isEqualTo("Page not found");
            assertThat(browser.text()).doesNotContain("Northway").doesNotContain(north.getCaseId());
            browser.check("programme-referral-other-team");
            browser.open("/programme/cases/" + north.getCaseId());
            assertThat(browser.heading()).isEqualTo("Page not found");
            browser.click("Participants");
            browser.type("name", "Northway" + suffix).click("Search");
            assertThat(browser.text()).contains("Nobody matches.");
        }
    }

    /** Clicks the radio or checkbox of the field with this value (by its label, as a person would). */
    static void chooseValue(Browser browser, String name, String value) {
        String id = browser.find(By.cssSelector("input[name='" + name + "'][value='" + value + "']"))
                .getAttribute("id");
        browser.choose(id);
    }

    private static void chooseAssessment(Browser browser, int motivation) {
        chooseValue(browser, "motivation", String.valueOf(motivation));
        chooseValue(browser, "accountability", "4");
        chooseValue(browser, "awareness", "3");
        chooseValue(browser, "mentalHealth", "NO_CONCERN");
        chooseValue(browser, "substanceMisuse", "MANAGED");
        chooseValue(browser, "riskPosed", "MEDIUM");
        chooseValue(browser, "groupWorkSuitable", "true");
    }

    /** Each participant attended and complied, but Owen, whose absence was acceptable. */
    private static void markTheRegister(Browser browser) {
        for (var legend : browser.findAll(By.cssSelector("form fieldset"))) {
            String who = legend.findElement(By.tagName("legend")).getText();
            String outcome = who.startsWith("Owen") ? "ACCEPTABLE_ABSENCE" : "ATTENDED_COMPLIED";
            String id = legend.findElement(By.cssSelector("input[value='" + outcome + "']"))
                    .getAttribute("id");
            browser.choose(id);
        }
    }
}
