package al.sportel.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * axe-core on every public page and kiosk screen, in normal and high-contrast mode: no serious or
 * critical violation. And the kiosk used with the keyboard only.
 */
class AccessibilityBrowserTest {

    private static final Set<String> BLOCKING = Set.of("serious", "critical");
    private static final Set<String> HIGH_CONTRAST_SAMPLE = Set.of("complaint form with errors", "display", "kiosk home",
            "kiosk bill check with keypad", "kiosk priority step", "booking page");
    private static BrowserSession session;
    private static TestServer server;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() {
        session = BrowserSession.start();
        server = session.server;
        browser = session.browser;
        server.api().act("clerk1", "/api/v1/counters/" + server.api().counterId("TR01", 1) + "/open").expect(200);
        // appointment hours, so that the booking page lists some
        server.api().put("/api/v1/services/" + server.api().serviceId("TR01", "P") + "/appointment-capacity", server.api().token("supervisor1"),
                Map.of("hours", List.of(Map.of("hour", 10, "capacity", 2), Map.of("hour", 11, "capacity", 0)))).expect(200);
        browser.get(server.baseUrl() + "/kiosk/TR01");
        browser.executeScript("localStorage.removeItem('sportel.a11y')");
        session.kioskHome("TR01");
    }

    @AfterAll
    static void stop() {
        if (session != null) {
            session.close();
        }
    }

    private static WebDriverWait waitUpTo(int seconds) {
        return session.waitUpTo(seconds);
    }

    private record Screen(String name, String path, Consumer<ChromeDriver> prepare) {
    }

    private static List<Screen> screens() {
        return List.of(
                new Screen("landing page", "/", d -> waitUpTo(10).until(x -> !x.findElement(By.id("linkTrack")).getText().isEmpty())),
                new Screen("tracking, no code", "/track", d -> d.findElement(By.id("trackButton")).click()),
                new Screen("complaint form with errors", "/complaint", d -> {
                    waitUpTo(10).until(x -> !x.findElements(By.cssSelector("#category option")).isEmpty());
                    d.findElement(By.id("sendButton")).click();
                }),
                new Screen("display", "/display/TR01", d -> waitUpTo(10).until(x -> x.findElement(By.id("branchName")).getText().contains("Tiranë"))),
                new Screen("display, unknown centre", "/display/XX99", d -> waitUpTo(10).until(x -> x.findElement(By.id("unknown")).isDisplayed())),
                new Screen("phone view", "/t/no-such-ticket", d -> waitUpTo(10).until(x -> !x.findElement(By.id("status")).getText().isEmpty())),
                new Screen("kiosk home", "/kiosk/TR01", d -> waitUpTo(10).until(x -> x.findElement(By.id("goTicket")).isDisplayed())),
                new Screen("kiosk services", "/kiosk/TR01", d -> {
                    waitUpTo(10).until(x -> x.findElement(By.id("goTicket")).isDisplayed());
                    d.findElement(By.id("goTicket")).click();
                    waitUpTo(10).until(x -> x.findElement(By.id("service-P")).isEnabled());
                }),
                new Screen("kiosk priority step", "/kiosk/TR01", d -> {
                    waitUpTo(10).until(x -> x.findElement(By.id("goTicket")).isDisplayed());
                    d.findElement(By.id("goTicket")).click();
                    waitUpTo(10).until(x -> {
                        x.findElement(By.id("service-P")).click();
                        return true;
                    });
                    waitUpTo(10).until(x -> x.findElements(By.cssSelector("#priorities .priority-choice")).size() >= 4);
                }),
                new Screen("booking page", "/book/TR01?kiosk=1", d -> waitUpTo(10).until(x -> !x.findElements(By.cssSelector("#slots label")).isEmpty()
                        || x.findElement(By.id("slotsEmpty")).isDisplayed())),
                new Screen("booking page with errors", "/book/TR01", d -> {
                    waitUpTo(10).until(x -> x.findElements(By.cssSelector("#bookService option")).size() > 1);
                    d.findElement(By.id("bookButton")).click();
                }),
                new Screen("kiosk bill check with keypad", "/kiosk/TR01", d -> {
                    waitUpTo(10).until(x -> x.findElement(By.id("goBill")).isDisplayed());
                    d.findElement(By.id("goBill")).click();
                    d.findElement(By.id("billCheck")).click();
                }),
                new Screen("kiosk complaint with keyboard", "/kiosk/TR01", d -> {
                    waitUpTo(10).until(x -> x.findElement(By.id("goComplaint")).isDisplayed());
                    d.findElement(By.id("goComplaint")).click();
                    waitUpTo(10).until(x -> x.findElements(By.cssSelector("#complaintKeys .key")).size() > 10);
                }),
                new Screen("kiosk tracking", "/kiosk/TR01", d -> {
                    waitUpTo(10).until(x -> x.findElement(By.id("goTrack")).isDisplayed());
                    d.findElement(By.id("goTrack")).click();
                }));
    }

    /** Every violation's impact, per screen, for the summary in target/axe-summary.txt. */
    private static final List<String> SUMMARY = new ArrayList<>();

    private static List<String> blockingViolations(String label) {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(browser);
        assertThat(results.getPasses()).as("axe ran on " + label).isNotEmpty();
        SUMMARY.add(label + ": " + results.getViolations().size() + " violation(s) "
                + results.getViolations().stream().map(r -> r.getId() + "/" + r.getImpact()).toList());
        List<String> found = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            if (BLOCKING.contains(rule.getImpact())) {
                found.add(label + ": " + rule.getId() + " (" + rule.getImpact() + ") on " + rule.getNodes().size() + " element(s): "
                        + rule.getNodes().get(0).getTarget());
            }
        }
        return found;
    }

    @Test
    void noPageHasASeriousOrCriticalViolationInNormalOrHighContrastMode() throws Exception {
        List<String> violations = new ArrayList<>();
        for (boolean contrast : new boolean[] {false, true}) {
            // high contrast changes colours only: the screens with the most kinds of element stand for the rest
            for (Screen s : contrast ? screens().stream().filter(x -> HIGH_CONTRAST_SAMPLE.contains(x.name())).toList() : screens()) {
                browser.get(server.baseUrl() + s.path());
                browser.executeScript("localStorage.setItem('sportel.a11y', arguments[0])", contrast ? "{\"contrast\":true}" : "{}");
                browser.navigate().refresh();
                s.prepare().accept(browser);
                assertThat(browser.findElement(By.tagName("html")).getDomAttribute("class") != null
                        && browser.findElement(By.tagName("html")).getDomAttribute("class").contains("contrast")).isEqualTo(contrast);
                violations.addAll(blockingViolations(s.name() + (contrast ? " (high contrast)" : "")));
            }
        }
        browser.executeScript("localStorage.removeItem('sportel.a11y')");
        Files.write(Path.of("target", "axe-summary.txt"), SUMMARY);
        assertThat(violations).isEmpty();
    }

    @Test
    void theSwitchesAreRememberedAndTheKioskWorksWithTheKeyboardAlone() throws Exception {
        browser.get(server.baseUrl() + "/kiosk/TR01");
        waitUpTo(10).until(d -> d.findElement(By.id("goTicket")).isDisplayed());
        browser.findElement(By.id("switch-large")).click();
        browser.findElement(By.id("switch-contrast")).click();
        browser.navigate().refresh();
        waitUpTo(10).until(d -> d.findElement(By.id("goTicket")).isDisplayed());
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("class")).contains("large").contains("contrast");
        assertThat(browser.findElement(By.id("switch-contrast")).getDomAttribute("aria-pressed")).isEqualTo("true");
        assertThat(browser.findElement(By.tagName("body")).getCssValue("background-color")).isEqualTo("rgba(0, 0, 0, 1)");
        Chromium.viewport(browser, 1080, 1920);
        Chromium.screenshot(browser, "kiosk-home-contrast-1080x1920");
        browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());

        // Tab from the top of the page to "check my bill", Enter, type on the keyboard, Enter
        browser.findElement(By.tagName("body")).click();
        Actions keys = new Actions(browser);
        for (int i = 0; i < 12 && !"goBill".equals(browser.switchTo().activeElement().getDomAttribute("id")); i++) {
            keys.sendKeys(Keys.TAB).perform();
        }
        assertThat(browser.switchTo().activeElement().getDomAttribute("id")).isEqualTo("goBill");
        keys.sendKeys(Keys.ENTER).perform();
        waitUpTo(5).until(d -> "billCode".equals(d.switchTo().activeElement().getDomAttribute("id")));
        keys.sendKeys("100001").sendKeys(Keys.TAB).sendKeys("1,00").sendKeys(Keys.ENTER).perform();
        waitUpTo(10).until(d -> !d.findElement(By.id("billError")).getText().isEmpty());
        assertThat(browser.findElement(By.id("billError")).getText()).contains("nuk përputhen");
        browser.executeScript("localStorage.removeItem('sportel.a11y')");
    }
}
