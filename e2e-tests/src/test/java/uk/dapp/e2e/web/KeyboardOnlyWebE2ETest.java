package uk.dapp.e2e.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import uk.dapp.e2e.support.Browser;

/**
 * "Add an incident" with the keyboard alone: from the top of the page, Tab reaches every field in
 * order, typing fills the boxes, Space picks a radio, arrow keys choose in a list and another
 * radio, and Enter on the button submits. No mouse, no script from the test.
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
            keys.sendKeys(Keys.SPACE).perform();                  // domestic abuse
            browser.tabTo("offenceCode");
            keys.sendKeys(Keys.ARROW_DOWN).perform();             // the first offence of the list
            browser.tabTo("victimKey");
            keys.sendKeys("VK-KEYS-" + nominal.caseId().substring(0, 6)).perform();
            browser.tabTo("dashLevel");
            keys.sendKeys(Keys.SPACE, Keys.ARROW_DOWN).perform(); // standard, then medium
            browser.tabTo("crime");
            keys.sendKeys(Keys.SPACE).perform();                  // yes; corrected below if the offence is a non-crime
            browser.tabTo("outcome");
            keys.sendKeys(Keys.SPACE).perform();                  // charged
            WebElement button = browser.tabToControl("Add the incident");
            assertThat(button.getText()).isEqualTo("Add the incident");
            keys.sendKeys(Keys.ENTER).perform();

            browser.wait(d -> d.getTitle().contains("Error") || d.getTitle().startsWith(nominal.name()));
            if (browser.driver().getTitle().startsWith("Error")) {
                // the first offence in the list is a non-crime one: the service says so beside "crime";
                // the error summary's link takes the keyboard to the field
                assertThat(browser.errorSummary()).hasSize(1);
                browser.tabTo("crime");
                keys.sendKeys(Keys.ARROW_DOWN).perform();         // no
                browser.tabToControl("Add the incident");
                keys.sendKeys(Keys.ENTER).perform();
                browser.wait(d -> d.getTitle().startsWith(nominal.name()));
            }
            assertThat(browser.text()).contains("Incident added.");
            browser.check("keyboard-incident-added");
        }
    }
}
