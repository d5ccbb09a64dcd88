package uk.dapp.e2e.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import uk.dapp.client.partnersupport.api.AuditApi;
import uk.dapp.client.partnersupport.model.AuditAction;
import uk.dapp.client.partnersupport.model.PartnerTrack;
import uk.dapp.e2e.support.Browser;
import uk.dapp.e2e.support.Clients;
import uk.dapp.e2e.support.Rest;
import uk.dapp.e2e.support.TheSystem;

/**
 * The partner support worker's day in a real browser, through the real Keycloak sign-in, the web
 * app, the gateway and partner support: pick up a track opened from a programme referral, record
 * the safe contact details, a failed contact attempt with the safe times and code word in view
 * (their read audited) and a successful one, consent, a DASH checklist whose professional judgement
 * is refused when it would lower the level and accepted when it raises it, a safety plan, a
 * disclosure after seeing what the programme will be told, outcomes at intake and exit, the
 * children, a MARAC referral with an action agreed and done and the meeting's outcome; then "Exit this
 * page", which replaces the page in the history. The DASH checklist and the MARAC (from her work's MARAC
 * meetings) with the keyboard alone, and the same pages without JavaScript. axe-core runs on every page.
 */
class PartnerSupportWorkerWebE2ETest {

    private static final String WORKER = "partner-support-worker";
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/London"));

    @Test
    void aPartnerSupportWorkersDay() {
        WebPartners partner = WebPartners.referredWithAPartner();
        String safeNumber = "07700 900" + ThreadLocalRandom.current().nextInt(100, 1000);
        String safeTimes =
                "weekday mornings while he is at work " + partner.caseId().substring(0, 4);
        String codeWord = "marigold" + ThreadLocalRandom.current().nextInt(1000, 10_000);
        try (Browser browser = Browser.withJavaScript()) {
            browser.signIn(WORKER);
            assertThat(browser.findAll(
                            By.cssSelector(".govuk-service-navigation__list .govuk-service-navigation__link")))
                    .extracting(WebElement::getText)
                    .containsExactly("Home", "Your work", "Notifications", "Find a case");
            assertThat(browser.findAll(By.cssSelector("a.govuk-exit-this-page__button")))
                    .hasSize(1);
            browser.check("home-partner-support-worker");

            // the work lists: her track waits for a worker, without a word about her
            browser.click("Your work");
            assertThat(browser.heading()).isEqualTo("Your work");
            By row = By.xpath("//tr[td[normalize-space()='" + partner.caseId() + "']]");
            assertThat(browser.find(row).getText()).contains("Ex-partner").contains("DRIVE-1TO1");
            assertThat(browser.html()).doesNotContain(partner.partnerName()).doesNotContain(partner.referralPhone());
            browser.check("partner-work");
            browser.clickIn(row, "Allocate to me");
            assertThat(browser.path()).isEqualTo(partner.trackPage());
            assertThat(browser.heading()).isEqualTo(partner.partnerName());
            assertThat(browser.driver().getTitle())
                    .as("no name in the title, which the history keeps")
                    .isEqualTo("Partner track – DAPP – GOV.UK");
            assertThat(browser.text())
                    .contains("The track is allocated to you.")
                    .contains("You (demo-partner-support-worker)");
            assertThat(browser.html())
                    .as("the number given at referral waits for the deliberate show")
                    .doesNotContain(partner.referralPhone());
            browser.check("partner-track-allocated");

            // safe contact details: none yet; the referrer's number is shown on the deliberate show only
            browser.click("Show safe contact details");
            assertThat(browser.text())
                    .contains("No safe contact details are recorded for this track yet.")
                    .contains(partner.referralPhone())
                    .contains("It is not known to be safe");
            browser.check("safe-contact-none-yet");
            browser.click("Record the safe contact details");
            browser.click("Save the details");
            assertThat(browser.errorSummary())
                    .contains(
                            "Enter the safe number",
                            "Enter when it is safe to call",
                            "Select whether a message may be left",
                            "Enter the code word");
            browser.check("safe-contact-errors");
            browser.type("safeNumber", safeNumber)
                    .type("safeTimes", safeTimes)
                    .choose("mayLeaveMessage-2")
                    .type("codeWord", codeWord);
            browser.click("Save the details");
            assertThat(browser.text()).contains("The safe contact details are saved.");
            assertThat(browser.html())
                    .doesNotContain(codeWord)
                    .doesNotContain(safeNumber)
                    .doesNotContain(safeTimes);

            // a failed attempt: the safe times and the code word in view, each read audited; nothing names the service
            long readsBefore = safeContactReads(partner.caseId());
            browser.click("Show safe contact details");
            assertThat(browser.text())
                    .contains(safeNumber)
                    .contains(safeTimes)
                    .contains(codeWord)
                    .contains("Do not say who you are, where you are calling from or why.");
            String guidance = browser.find(By.cssSelector("main")).getText();
            assertThat(guidance.substring(guidance.indexOf("If someone else answers")))
                    .doesNotContainIgnoringCase("partner support")
                    .doesNotContainIgnoringCase("programme")
                    .doesNotContainIgnoringCase("DAPP")
                    .doesNotContainIgnoringCase("domestic abuse");
            assertThat(safeContactReads(partner.caseId()))
                    .as("the show is one audited read")
                    .isEqualTo(readsBefore + 1);
            browser.check("safe-contact-shown");
            browser.choose("method").choose("outcome-3");
            browser.click("Log the attempt");
            assertThat(browser.text()).contains("Contact attempt logged: Not safe to talk.");
            assertThat(browser.html()).doesNotContain(codeWord);

            // a successful attempt, on the form that shows none of the details
            browser.click("Record a contact attempt");
            assertThat(browser.html()).doesNotContain(codeWord).doesNotContain(safeNumber);
            browser.choose("method").choose("outcome");
            browser.check("contact-attempt");
            browser.click("Log the attempt");
            assertThat(browser.text()).contains("Contact attempt logged: Reached: spoke with her.");
            assertThat(browser.findAll(By.xpath("//table[caption[contains(., 'Contact attempts')]]/tbody/tr")))
                    .hasSize(2);
            assertThat(safeContactReads(partner.caseId())).isEqualTo(readsBefore + 1);

            // consent to support and to sharing with the programme; then support is withdrawn
            browser.click("Record consent");
            browser.choose("type");
            browser.check("consent");
            browser.click("Record the consent");
            assertThat(browser.text()).contains("Consent to support recorded.");
            browser.click("Record consent");
            browser.choose("type-2").choose("scope");
            browser.click("Record the consent");
            assertThat(browser.text()).contains("Consent to information sharing recorded: The programme.");
            browser.click("Withdraw consent to support");
            browser.check("consent-withdraw");
            browser.type("note", "she asked for a pause");
            browser.click("Withdraw the consent");
            assertThat(browser.text()).contains("Consent to support withdrawn. It stopped at once.");
            // without consent to support, what is support to her is not offered: the page says why and links to
            // recording it, while the safety-relevant minimum (contact, DASH, disclosures) stays offered
            assertThat(browser.text())
                    .contains("She has not given consent to support, or has withdrawn it, so a safety plan")
                    .contains("so her outcomes")
                    .contains("so the children in her household");
            assertThat(browser.findAll(By.xpath("//a[normalize-space()='Make a safety plan']")))
                    .isEmpty();
            assertThat(browser.findAll(By.xpath("//a[normalize-space()='Complete a DASH checklist']")))
                    .hasSize(1);
            browser.check("partner-track-without-consent-to-support");
            // she consents to support again (a new consent), and her support is recorded from here on
            browser.click("Record her consent to support");
            browser.choose("type");
            browser.click("Record the consent");
            assertThat(browser.text()).contains("Consent to support recorded.");

            // the DASH checklist: 15 yes is high, so judgement of medium would lower it (refused, and the page says so)
            browser.click("Complete a DASH checklist");
            assertThat(browser.findAll(By.cssSelector("[data-dash-question]"))).hasSize(24);
            for (int i = 0; i < 24; i++) {
                browser.choose(i < 15 ? "answers-" + i : "answers-" + i + "-no");
            }
            browser.type("incidentsInLast12Months", "1");
            browser.wait(ExpectedConditions.textToBe(By.cssSelector(".dapp-dash-score__yes"), "15"));
            assertThat(browser.find(By.cssSelector(".dapp-dash-score__level")).getText())
                    .isEqualTo("High");
            browser.choose("professionalJudgement.level-2");
            assertThat(browser.find(By.cssSelector(".dapp-dash-score__lower")).isDisplayed())
                    .isTrue();
            browser.type("professionalJudgement.reason", "she sounded calmer today");
            browser.check("dash-judgement-below");
            browser.click("Save the checklist");
            assertThat(browser.errorSummary())
                    .contains(
                            "Professional judgement may raise the level, never lower it: choose the level the answers give or a higher one");
            browser.check("dash-never-lower");
            // 12 yes is medium; judgement raises it to high, with why
            for (int i = 12; i < 15; i++) {
                browser.choose("answers-" + i + "-no");
            }
            browser.wait(ExpectedConditions.textToBe(By.cssSelector(".dapp-dash-score__yes"), "12"));
            assertThat(browser.find(By.cssSelector(".dapp-dash-score__level")).getText())
                    .isEqualTo("Medium");
            browser.choose("professionalJudgement.level-3");
            assertThat(browser.find(By.cssSelector(".dapp-dash-score__lower")).isDisplayed())
                    .isFalse();
            browser.type("professionalJudgement.reason", "he has bought a knife and knows where she lives");
            browser.click("Save the checklist");
            assertThat(browser.heading()).isEqualTo("DASH checklist, version 1");
            assertThat(browser.text())
                    .contains("Checklist saved: 12 yes answers, so medium on the checklist; the risk level is high.")
                    .contains("Medium (12 yes answers)")
                    .contains("Raised to high")
                    .contains("Professional judgement of high risk");
            browser.check("dash-scored");
            browser.click("Back to the track");

            // a safety plan
            browser.click("Make a safety plan");
            browser.type("actions[0].description", "keep a charged phone in the bathroom")
                    .type("actions[0].owner", "the partner");
            LocalDate review = TODAY.plusDays(14);
            browser.type("reviewOn", String.valueOf(review.getDayOfMonth()))
                    .type("reviewOn-month", String.valueOf(review.getMonthValue()))
                    .type("reviewOn-year", String.valueOf(review.getYear()));
            browser.check("safety-plan");
            browser.click("Make the plan");
            assertThat(browser.text()).contains("Safety plan made, with 1 action.");

            // a disclosure: what the programme will be told is shown before saving
            browser.click("Record a disclosure");
            String account =
                    "he followed her from the school gates " + partner.caseId().substring(0, 4);
            browser.choose("category")
                    .choose("riskLevel-3")
                    .type("account", account)
                    .type("location", "Rowan Street");
            browser.check("disclosure");
            browser.click("Continue");
            assertThat(browser.heading()).isEqualTo("Check what the programme will be told");
            String shared = browser.find(By.id("shared-with-the-programme")).getText();
            assertThat(shared)
                    .contains(partner.caseId())
                    .contains("High")
                    .contains("Physical")
                    .contains(words(TODAY))
                    .doesNotContain(account)
                    .doesNotContain("Rowan Street")
                    .doesNotContain(partner.partnerName());
            assertThat(browser.findAll(By.cssSelector("#shared-with-the-programme .govuk-summary-list__row")))
                    .hasSize(4);
            assertThat(browser.text()).contains("Consent to share with The programme");
            browser.check("disclosure-check");
            browser.click("Save the disclosure");
            assertThat(browser.text())
                    .contains("Disclosure recorded. The risk alert for the programme:")
                    .contains(account);

            // the MARAC: referred on her judgement of high risk (the service works out the criteria), an action
            // agreed there, refused first with nothing filled in, then marked done; the meeting and its outcome
            String tag = partner.caseId().substring(0, 4);
            String marac = "flag her address for an urgent police response " + tag;
            browser.click("Refer to a MARAC");
            assertThat(browser.heading()).isEqualTo("Refer to a MARAC");
            browser.check("marac-refer");
            browser.click("Refer to the MARAC");
            assertThat(browser.text())
                    .contains("Referred to the MARAC: professional judgement of high risk. The meeting is due by "
                            + words(TODAY.plusDays(14)) + ".")
                    .contains("Open referral of " + words(TODAY))
                    .contains("No date set yet. It is due by " + words(TODAY.plusDays(14)));
            assertThat(browser.findAll(By.id("marac-refer")))
                    .as("one open referral at a time")
                    .isEmpty();
            browser.click("Add an action to the referral of " + words(TODAY));
            browser.click("Add the action");
            assertThat(browser.errorSummary())
                    .contains(
                            "Say what the action is",
                            "Say which agency or role owns the action",
                            "Enter when the action is due");
            browser.check("marac-action-errors");
            LocalDate due = TODAY.plusDays(7);
            browser.type("description", marac)
                    .type("owner", "Police")
                    .type("dueOn", String.valueOf(due.getDayOfMonth()))
                    .type("dueOn-month", String.valueOf(due.getMonthValue()))
                    .type("dueOn-year", String.valueOf(due.getYear()));
            browser.click("Add the action");
            assertThat(browser.text())
                    .contains("Action added: " + marac + ", owned by Police, due by " + words(due) + ".");
            By actionRow = By.xpath("//tr[td[normalize-space()='" + marac + "']]");
            assertThat(browser.find(actionRow).getText())
                    .contains("Police")
                    .contains(words(due))
                    .contains("Not done");
            browser.clickIn(actionRow, "Mark as done");
            assertThat(browser.text()).contains("Action done: " + marac + ".");
            assertThat(browser.find(actionRow).getText()).contains("Done").doesNotContain("Not done");
            browser.click("Record the meeting or outcome");
            browser.type("meetingOn", String.valueOf(TODAY.getDayOfMonth()))
                    .type("meetingOn-month", String.valueOf(TODAY.getMonthValue()))
                    .type("meetingOn-year", String.valueOf(TODAY.getYear()));
            browser.choose("outcome"); // heard, with actions agreed
            browser.type("outcomeNote", "heard at the Northshire MARAC " + tag);
            browser.check("marac-meeting");
            browser.click("Save the meeting");
            assertThat(browser.text())
                    .contains("The MARAC meeting is recorded for " + words(TODAY)
                            + ". Outcome: Heard, with actions agreed.");
            String section = browser.find(By.id("marac-section")).getText();
            assertThat(section)
                    .contains("Referral of " + words(TODAY))
                    .contains("Professional judgement of high risk")
                    .contains(words(TODAY) + ", within the 14-day standard")
                    .contains("Heard, with actions agreed")
                    .contains("heard at the Northshire MARAC " + tag)
                    .contains(marac);
            browser.check("partner-track-marac");
            browser.screenshot("partner-track-marac-section", By.id("marac-section"));

            // outcomes at intake and at exit, with the change
            recordOutcomes(browser, "point", 2);
            assertThat(browser.text()).contains("Outcomes at intake recorded.");
            recordOutcomes(browser, "point-3", 4);
            assertThat(browser.text())
                    .contains("Outcomes at exit recorded.")
                    .contains("Change, intake to exit")
                    .contains("+2 better");

            // the children, by age band
            browser.click("Record the children");
            browser.type("childrenCount", "2")
                    .type("perBand-2", "1")
                    .type("perBand-3", "1")
                    .choose("socialCare");
            browser.check("children");
            browser.click("Save");
            assertThat(browser.text()).contains("2 children recorded.").contains("1 to 4, 5 to 10");
            browser.check("partner-track");

            // Exit this page: the track page is replaced in the history by the neutral site
            browser.open("/");
            browser.open(partner.trackPage());
            long length = history(browser);
            browser.find(By.cssSelector("a.govuk-exit-this-page__button")).click();
            browser.wait(ExpectedConditions.urlToBe(TheSystem.get().neutralSiteUrl()));
            assertThat(history(browser)).as("replaced, not added").isEqualTo(length);
            browser.driver().navigate().back();
            browser.wait(ExpectedConditions.not(
                    ExpectedConditions.urlToBe(TheSystem.get().neutralSiteUrl())));
            assertThat(browser.path()).as("Back does not return to the track").isEqualTo("/");
        }
        PartnerTrack track = Clients.partnerTracks(WORKER).getPartnerTrack(partner.trackId());
        assertThat(track.getAllocatedWorker()).isEqualTo("demo-partner-support-worker");
        assertThat(track.getContactMade()).isTrue();
    }

    @Test
    void theDashChecklistAndTheMaracWithTheKeyboardAloneAndExitWithShiftThreeTimes() {
        WebPartners partner = WebPartners.referredWithAPartner();
        try (Browser browser = Browser.withJavaScript()) {
            browser.signIn(WORKER);
            browser.open(partner.trackPage() + "/dash");
            Actions keys = new Actions(browser.driver());
            for (int i = 0; i < 24; i++) {
                browser.tabTo("answers-" + i);
                // Space picks "yes" for the first ten; an arrow moves to "no" and picks it for the rest
                keys.sendKeys(i < 10 ? Keys.SPACE : Keys.ARROW_RIGHT).perform();
            }
            assertThat(browser.find(By.cssSelector(".dapp-dash-score__yes")).getText())
                    .isEqualTo("10");
            assertThat(browser.find(By.cssSelector(".dapp-dash-score__answered"))
                            .getText())
                    .isEqualTo("24");
            assertThat(browser.find(By.cssSelector(".dapp-dash-score__level")).getText())
                    .isEqualTo("Medium");
            browser.tabTo("incidentsInLast12Months");
            keys.sendKeys("3").perform();
            browser.tabToControl("Save the checklist");
            keys.sendKeys(Keys.ENTER).perform();
            browser.wait(d -> d.getTitle().startsWith("DASH checklist, version"));
            assertThat(browser.text())
                    .contains("Medium (10 yes answers)")
                    .contains("None: the answers' level stands")
                    .contains("Potential escalation: 3 or more incidents in 12 months");
            assertThat(browser.find(By.xpath("//tr[td[starts-with(normalize-space(), '11. ')]]/td[2]"))
                            .getText())
                    .isEqualTo("No");
            browser.check("dash-keyboard-scored");

            // the MARAC with the keyboard alone: 10 yes meets no criterion, so she is referred on judgement with its
            // reason; an action is added and marked done, and the meeting's outcome recorded
            browser.open(partner.trackPage());
            browser.tabTo("marac-refer");
            browser.enter();
            assertThat(browser.heading()).isEqualTo("Refer to a MARAC");
            browser.tabTo("professionalJudgementReason");
            keys.sendKeys("threats to find her new address since he was released")
                    .perform();
            browser.tabToControl("Refer to the MARAC");
            browser.enter();
            assertThat(browser.text()).contains("Referred to the MARAC: professional judgement of high risk.");
            browser.tabTo("marac-0-add-action");
            browser.enter();
            LocalDate due = TODAY.plusDays(3);
            browser.tabTo("description");
            keys.sendKeys("share the safety plan with housing").perform();
            browser.tabTo("owner");
            keys.sendKeys("Housing").perform();
            browser.tabTo("dueOn");
            keys.sendKeys(
                            String.valueOf(due.getDayOfMonth()),
                            Keys.TAB,
                            String.valueOf(due.getMonthValue()),
                            Keys.TAB,
                            String.valueOf(due.getYear()))
                    .perform();
            browser.tabToControl("Add the action");
            browser.enter();
            assertThat(browser.text()).contains("Action added: share the safety plan with housing, owned by Housing");
            browser.tabTo("marac-0-action-0-done");
            keys.sendKeys(Keys.SPACE).perform();
            browser.wait(d -> d.findElement(By.tagName("body"))
                    .getText()
                    .contains("Action done: share the safety plan with housing."));
            // her work's MARAC meetings list the open referral, and lead back to the track's MARAC section
            browser.open("/partner-support");
            browser.tabToLink(partner.trackPage() + "#marac");
            browser.enter();
            assertThat(browser.path()).isEqualTo(partner.trackPage() + "#marac");
            browser.tabTo("marac-0-meeting");
            browser.enter();
            browser.tabTo("meetingOn");
            keys.sendKeys(
                            String.valueOf(TODAY.getDayOfMonth()),
                            Keys.TAB,
                            String.valueOf(TODAY.getMonthValue()),
                            Keys.TAB,
                            String.valueOf(TODAY.getYear()))
                    .perform();
            browser.tabTo("outcome");
            keys.sendKeys(Keys.SPACE).perform(); // heard, with actions agreed
            browser.tabToControl("Save the meeting");
            browser.enter();
            assertThat(browser.text()).contains("Outcome: Heard, with actions agreed.");
            browser.check("marac-keyboard-recorded");

            // Shift three times leaves, as GOV.UK's component does, replacing the page
            long length = history(browser);
            for (int press = 0; press < 3; press++) {
                new Actions(browser.driver())
                        .keyDown(Keys.SHIFT)
                        .keyUp(Keys.SHIFT)
                        .perform();
            }
            browser.wait(ExpectedConditions.urlToBe(TheSystem.get().neutralSiteUrl()));
            assertThat(history(browser)).isEqualTo(length);
        }
    }

    @Test
    void withoutJavaScriptTheShowTheChecklistTheMaracAndTheExitStillWork() {
        WebPartners partner = WebPartners.referredWithAPartner();
        try (Browser browser = Browser.withoutJavaScript()) {
            browser.signIn(WORKER);
            browser.open(partner.trackPage());
            WebElement exit = browser.find(By.cssSelector("a.govuk-exit-this-page__button"));
            assertThat(exit.getAttribute("href")).isEqualTo(TheSystem.get().neutralSiteUrl());
            browser.check("partner-track-no-js");
            browser.click("Show safe contact details");
            assertThat(browser.text()).contains(partner.referralPhone());
            browser.open(partner.trackPage() + "/dash");
            assertThat(browser.text())
                    .contains(
                            "The service counts the yes answers and works out the level when you save the checklist.");
            assertThat(browser.find(By.cssSelector(".dapp-dash-score")).isDisplayed())
                    .isFalse();
            for (int i = 0; i < 24; i++) {
                browser.choose(i < 14 ? "answers-" + i : "answers-" + i + "-not-known");
            }
            browser.type("incidentsInLast12Months", "0");
            browser.click("Save the checklist");
            assertThat(browser.text())
                    .contains("High (14 yes answers)")
                    .contains("Visible high risk: the answers give high");
            browser.check("dash-scored-no-js");
            // 14 yes is visible high risk: the MARAC referral and its action are plain forms
            browser.open(partner.trackPage());
            browser.click("Refer to a MARAC");
            browser.click("Refer to the MARAC");
            assertThat(browser.text()).contains("Referred to the MARAC: visible high risk: the answers give high.");
            browser.click("Add an action to the referral of " + words(TODAY));
            browser.type("description", "share the risk with the school")
                    .type("owner", "Education")
                    .type("dueOn", String.valueOf(TODAY.getDayOfMonth()))
                    .type("dueOn-month", String.valueOf(TODAY.getMonthValue()))
                    .type("dueOn-year", String.valueOf(TODAY.getYear()));
            browser.click("Add the action");
            assertThat(browser.text()).contains("Action added: share the risk with the school, owned by Education");
            browser.screenshot("marac-no-js");
            browser.find(By.cssSelector("a.govuk-exit-this-page__button")).click();
            browser.wait(ExpectedConditions.urlToBe(TheSystem.get().neutralSiteUrl()));
        }
    }

    private static void recordOutcomes(Browser browser, String point, int score) {
        browser.click("Record outcomes");
        browser.choose(point);
        for (String measure : new String[] {
            "cessationOfAbuse",
            "riskNow",
            "feelingSafe",
            "qualityOfLife",
            "respectfulRelationship",
            "spaceForAction",
            "safetyAndFreedomFromViolence",
            "awarenessOfSelfAndOthers"
        }) {
            browser.choose("measures." + measure + "-" + score);
        }
        if (score == 2) {
            browser.check("outcomes");
        }
        browser.click("Record the outcomes");
    }

    /** How many reads of the case's safe contact details partner support audited (the admin's audit view). */
    private static long safeContactReads(String caseId) {
        uk.dapp.client.partnersupport.ApiClient client = new uk.dapp.client.partnersupport.ApiClient(Rest.CLIENT);
        client.setBasePath(TheSystem.get().api("partner-support"));
        client.setBearerToken(TheSystem.get().keycloak().tokenFor("admin"));
        return new AuditApi(client)
                .listAuditRecords(caseId, null, AuditAction.READ, null, null, 0, 200).getItems().stream()
                        .filter(record -> record.getResourceType().equals("safe-contact"))
                        .count();
    }

    private static long history(Browser browser) {
        return ((Number) ((JavascriptExecutor) browser.driver()).executeScript("return window.history.length"))
                .longValue();
    }

    private static String words(LocalDate date) {
        return date.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK));
    }
}
