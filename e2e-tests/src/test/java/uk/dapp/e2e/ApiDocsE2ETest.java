package uk.dapp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import uk.dapp.e2e.support.Browser;
import uk.dapp.e2e.support.TheSystem;

/**
 * Issue 19 item 14 in a real browser: an integrator opens the gateway's API documentation, signs in
 * with "Authorize" on the real Keycloak page (the contracts' OpenID Connect scheme, public client
 * dapp-api-docs with PKCE, in Swagger UI's own window), and tries an operation, which goes through
 * the gateway (the contract's {@code servers}) with the token Keycloak gave and answers 200.
 */
class ApiDocsE2ETest {

    @Test
    void anIntegratorSignsInAtKeycloakAndTriesAnOperationThroughTheGateway() {
        TheSystem system = TheSystem.get();
        try (Browser browser = Browser.withJavaScript()) {
            WebDriver driver = browser.driver();
            driver.get(system.gatewayUrl() + "/api/docs/");
            browser.wait(ExpectedConditions.presenceOfElementLocated(By.id("operations-Programmes-listProgrammes")));
            assertThat(driver.findElement(By.cssSelector(".servers")).getText()).contains("/api/programme");
            browser.screenshot("api-docs");

            // Authorize: the OpenID Connect scheme's authorization code flow, its client and scope set by the page
            driver.findElement(By.cssSelector("button.authorize")).click();
            WebElement login = browser.wait(
                    ExpectedConditions.presenceOfElementLocated(
                            By.xpath(
                                    "//div[contains(@class,'auth-container')][.//h4[contains(.,'keycloakLogin') and contains(.,'authorization_code')]]")));
            browser.screenshot("api-docs-authorize");
            assertThat(login.findElement(By.cssSelector("input[data-name=clientId]"))
                            .getAttribute("value"))
                    .isEqualTo("dapp-api-docs");
            String page = driver.getWindowHandle();
            login.findElement(By.cssSelector("button.authorize")).click();

            // Keycloak's own sign-in page, in the window Swagger UI opened
            browser.wait(driver1 -> driver1.getWindowHandles().size() > 1);
            Set<String> windows = driver.getWindowHandles();
            windows.stream()
                    .filter(handle -> !handle.equals(page))
                    .findFirst()
                    .ifPresent(handle -> driver.switchTo().window(handle));
            browser.wait(ExpectedConditions.presenceOfElementLocated(By.id("username")));
            assertThat(driver.getCurrentUrl()).startsWith(system.keycloak().url());
            driver.findElement(By.id("username")).sendKeys("demo-facilitator");
            driver.findElement(By.id("password")).sendKeys("demo");
            driver.findElement(By.id("kc-login")).click();
            // the window hands the code back to the page and closes itself
            browser.wait(driver1 -> driver1.getWindowHandles().size() == 1);
            driver.switchTo().window(page);
            browser.wait(
                    ExpectedConditions.presenceOfElementLocated(
                            By.xpath(
                                    "//div[contains(@class,'auth-container')][.//h4[contains(.,'authorization_code')]]//button[normalize-space()='Logout']")));
            driver.findElement(By.cssSelector("button.btn-done")).click();

            // Try it out: the programme catalogue, through the gateway with the token
            WebElement operation = driver.findElement(By.id("operations-Programmes-listProgrammes"));
            operation.findElement(By.cssSelector(".opblock-summary-control")).click();
            browser.wait(ExpectedConditions.elementToBeClickable(
                            By.cssSelector("#operations-Programmes-listProgrammes button.try-out__btn")))
                    .click();
            browser.wait(ExpectedConditions.elementToBeClickable(
                            By.cssSelector("#operations-Programmes-listProgrammes button.execute")))
                    .click();
            WebElement status = browser.wait(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
                    "#operations-Programmes-listProgrammes .live-responses-table tr.response .response-col_status")));
            assertThat(status.getText()).startsWith("200");
            assertThat(driver.findElement(By.cssSelector("#operations-Programmes-listProgrammes .request-url"))
                            .getText())
                    .endsWith("\n" + system.gatewayUrl() + "/api/programme/programmes");
            assertThat(driver.findElement(By.cssSelector("#operations-Programmes-listProgrammes .live-responses-table"))
                            .getText())
                    .contains("DRIVE-1TO1");
            browser.screenshot("api-docs-tried");
        }
    }
}
