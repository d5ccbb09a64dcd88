package uk.dapp.e2e.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser on the web app: the distribution's Chromium, headless, driven through its own
 * chromedriver (both from /usr/bin: never downloaded at test time), with a fresh profile each
 * time. People sign in on the real Keycloak page. {@link #check(String)} runs axe-core on the
 * page (no serious or critical violation) and keeps a screenshot under
 * {@code e2e-tests/target/screenshots/}.
 */
public final class Browser implements AutoCloseable {

    public static final Path SCREENSHOTS = TheSystem.ROOT.resolve("e2e-tests/target/screenshots");
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private final ChromeDriver driver;
    private final Path profile;
    private final boolean javascript;
    private final String base;

    private Browser(boolean javascript) {
        assertThat(Path.of(CHROMIUM))
                .as("Chromium (Debian package chromium; ./dapp test installs it)")
                .isExecutable();
        assertThat(Path.of(CHROMEDRIVER))
                .as("chromedriver (Debian package chromium-driver; ./dapp test installs it)")
                .isExecutable();
        this.javascript = javascript;
        this.base = TheSystem.get().webUrl();
        try {
            profile = Files.createTempDirectory("dapp-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile,
                "--window-size=1280,1000",
                "--lang=en-GB");
        // files the pages offer are saved, without asking, into the profile's own folder (downloads())
        Map<String, Object> prefs = new java.util.HashMap<>(Map.of(
                "download.default_directory",
                profile.resolve("downloads").toString(),
                "download.prompt_for_download",
                false,
                "download.directory_upgrade",
                true));
        if (!javascript) {
            prefs.put("profile.managed_default_content_settings.javascript", 2);
        }
        options.setExperimentalOption("prefs", prefs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    /** A browser with JavaScript on, as most people have it. */
    public static Browser withJavaScript() {
        return new Browser(true);
    }

    /** A browser with JavaScript off: every task must still work (progressive enhancement). */
    public static Browser withoutJavaScript() {
        return new Browser(false);
    }

    public WebDriver driver() {
        return driver;
    }

    /** Opens a path of the web app. */
    public Browser open(String path) {
        driver.get(base + path);
        return this;
    }

    public String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(base) ? url.substring(base.length()) : url;
    }

    /**
     * Signs the demo user of the role in on Keycloak's own page (the web app sends the browser
     * there) and waits until the web app's home page shows.
     */
    public Browser signIn(String role) {
        open("/");
        wait(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        assertThat(driver.getCurrentUrl())
                .as("the sign-in page is Keycloak's")
                .startsWith(TheSystem.get().keycloak().url());
        driver.findElement(By.id("username")).sendKeys("demo-" + role);
        driver.findElement(By.id("password")).sendKeys("demo");
        driver.findElement(By.id("kc-login")).click();
        // the home page (Spring Security marks the return from sign-in with ?continue)
        wait(ExpectedConditions.urlMatches("^" + java.util.regex.Pattern.quote(base) + "/(\\?continue)?$"));
        return this;
    }

    /**
     * Clicks the link or button with this text, which downloads a file (the page stays), and waits
     * until the file whose name starts with {@code prefix} is whole (Chromium writes a
     * {@code .crdownload} until then). Files of that name from before are removed first.
     */
    public Path download(String text, String prefix) {
        WebElement target = driver
                .findElements(By.xpath(
                        "//a[normalize-space()=" + quote(text) + "] | //button[normalize-space()=" + quote(text) + "]"))
                .stream()
                .findFirst()
                .orElseThrow(() -> new AssertionError("no link or button '" + text + "' on " + path()));
        Path folder = profile.resolve("downloads");
        try {
            Files.createDirectories(folder);
            try (var old = Files.list(folder)) {
                for (Path file : old.filter(f -> f.getFileName().toString().startsWith(prefix))
                        .toList()) {
                    Files.delete(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        target.click();
        return new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> {
            try (var files = Files.list(folder)) {
                List<Path> found = files.filter(f -> f.getFileName().toString().startsWith(prefix))
                        .toList();
                boolean whole = !found.isEmpty()
                        && found.stream().noneMatch(f -> f.toString().endsWith(".crdownload"));
                return whole ? found.getFirst() : null;
            } catch (IOException notYet) {
                return null;
            }
        });
    }

    /** Presses Tab until the element with this id has the focus (at most 80 presses). */
    public WebElement tabTo(String id) {
        return tabUntil(focused -> id.equals(focused.getAttribute("id")), "#" + id);
    }

    /** Presses Tab until a form control of this name has the focus (in a radio group, its checked item if any). */
    public WebElement tabToField(String name) {
        return tabUntil(focused -> name.equals(focused.getAttribute("name")), "a field named " + name);
    }

    /** Presses Tab until a link or button with this text has the focus. */
    public WebElement tabToControl(String text) {
        return tabUntil(
                focused -> List.of("a", "button").contains(focused.getTagName())
                        && text.equals(focused.getText().strip()),
                "the link or button " + text);
    }

    /** Presses Tab until a link to this path of the web app has the focus (its words may hold hidden context). */
    public WebElement tabToLink(String path) {
        return tabUntil(
                focused -> "a".equals(focused.getTagName())
                        && focused.getAttribute("href") != null
                        && focused.getAttribute("href").endsWith(path),
                "a link to " + path);
    }

    private WebElement tabUntil(java.util.function.Predicate<WebElement> reached, String what) {
        for (int i = 0; i < 80; i++) {
            WebElement focused = driver.switchTo().activeElement();
            if (reached.test(focused)) {
                return focused;
            }
            new org.openqa.selenium.interactions.Actions(driver)
                    .sendKeys(org.openqa.selenium.Keys.TAB)
                    .perform();
        }
        throw new AssertionError("Tab never reached " + what + " on " + path());
    }

    /** Sends keys to whatever has the focus, as a person at the keyboard would. */
    public Browser keys(CharSequence... keys) {
        new org.openqa.selenium.interactions.Actions(driver).sendKeys(keys).perform();
        return this;
    }

    /** Presses Enter on the focused link or button and waits for the next page. */
    public Browser enter() {
        WebElement html = driver.findElement(By.tagName("html"));
        keys(org.openqa.selenium.Keys.ENTER);
        wait(d -> gone(html));
        return this;
    }

    public WebElement find(By by) {
        return driver.findElement(by);
    }

    public List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    public String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public Browser type(String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
        return this;
    }

    /** Clicks a radio or checkbox by its id (its label, as a person would). */
    public Browser choose(String id) {
        driver.findElement(By.cssSelector("label[for='" + id + "']")).click();
        return this;
    }

    /** Clicks the link or button with this text and waits for the next page. */
    public Browser click(String text) {
        WebElement target = driver
                .findElements(By.xpath(
                        "//a[normalize-space()=" + quote(text) + "] | //button[normalize-space()=" + quote(text) + "]"))
                .stream()
                .findFirst()
                .orElseThrow(() -> new AssertionError("no link or button '" + text + "' on " + path()));
        return clickAndWait(target);
    }

    /** Clicks the link or button whose visible text starts with this, inside the element {@code scope} finds, and waits for the next page. */
    public Browser clickIn(By scope, String text) {
        WebElement within = driver.findElement(scope);
        WebElement target = within
                .findElements(By.xpath(".//a[starts-with(normalize-space(), " + quote(text)
                        + ")] | .//button[starts-with(normalize-space(), " + quote(text) + ")]"))
                .stream()
                .findFirst()
                .orElseThrow(
                        () -> new AssertionError("no link or button '" + text + "' in " + scope + " on " + path()));
        return clickAndWait(target);
    }

    private Browser clickAndWait(WebElement target) {
        WebElement html = driver.findElement(By.tagName("html"));
        target.click();
        wait(d -> gone(html));
        return this;
    }

    /** The page's HTML as the browser has it now. */
    public String html() {
        return driver.getPageSource();
    }

    /**
     * Whether the page this element belonged to has gone. While the next page replaces it, the
     * driver may also answer that the node no longer belongs to the document: gone as well.
     */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException stale) {
            return true;
        } catch (org.openqa.selenium.WebDriverException replacedMeanwhile) {
            return replacedMeanwhile.getMessage() != null
                    && replacedMeanwhile.getMessage().contains("does not belong to the document");
        }
    }

    public <T> T wait(org.openqa.selenium.support.ui.ExpectedCondition<T> condition) {
        // a condition may read an element of the page that a navigation (a form posted, a redirect)
        // replaces while it is read: that is the wait not over yet, not a failure
        return new WebDriverWait(driver, Duration.ofSeconds(30))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(condition);
    }

    /** The error summary's messages (empty when the page has none). */
    public List<String> errorSummary() {
        return driver.findElements(By.cssSelector(".govuk-error-summary__list li")).stream()
                .map(WebElement::getText)
                .toList();
    }

    /** The field's error message beside it, without the hidden "Error:" prefix. */
    public String fieldError(String field) {
        return driver.findElement(By.id(field + "-error")).getText().replaceFirst("^Error:\\s*", "");
    }

    /**
     * axe-core on the page as it is: no serious or critical violation. Then a screenshot of the
     * whole page, named for the page. Without JavaScript axe cannot run in the page; the same
     * pages are checked with it on.
     */
    public Browser check(String name) {
        if (javascript) {
            Results results = new AxeBuilder().analyze(driver);
            List<Rule> serious = results.getViolations().stream()
                    .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                    .toList();
            assertThat(serious)
                    .as("axe-core on %s (%s): %s", name, path(), describe(serious))
                    .isEmpty();
        }
        screenshot(name);
        return this;
    }

    public Path screenshot(String name) {
        Dimension size = driver.manage().window().getSize();
        try {
            if (javascript) {
                long height = ((Number) ((JavascriptExecutor) driver)
                                .executeScript("return document.documentElement.scrollHeight"))
                        .longValue();
                driver.manage().window().setSize(new Dimension(size.getWidth(), (int)
                        Math.min(Math.max(height, 600), 6000)));
            }
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(size);
        }
    }

    /** A screenshot of one part of the page (a section, for the documentation), with the window tall enough to hold it. */
    public Path screenshot(String name, By part) {
        Dimension size = driver.manage().window().getSize();
        try {
            long height = ((Number)
                            ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollHeight"))
                    .longValue();
            driver.manage().window().setSize(new Dimension(size.getWidth(), (int)
                    Math.min(Math.max(height, 600), 6000)));
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.copy(
                    driver.findElement(part).getScreenshotAs(OutputType.FILE).toPath(),
                    file,
                    StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(size);
        }
    }

    private static String describe(List<Rule> rules) {
        return rules.stream()
                .map(rule -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                        + rule.getNodes().stream()
                                .map(node -> String.valueOf(node.getTarget()))
                                .collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "));
    }

    private static String quote(String text) {
        return text.contains("'") ? "\"" + text + "\"" : "'" + text + "'";
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            } catch (IOException ignored) {
                // a temporary profile left behind is harmless
            }
        }
    }
}
