package al.sportel.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What every browser test class repeats: one test server and one headless Chromium for the class, a
 * wait that survives a page redrawing its lists, the kiosk's login, and axe-core's blocking violations.
 * Start it in {@code @BeforeAll} and close it in {@code @AfterAll}.
 */
final class BrowserSession implements AutoCloseable {

    private static final Set<String> BLOCKING = Set.of("serious", "critical");

    final TestServer server;
    final Api api;
    final ChromeDriver browser;

    private BrowserSession(TestServer server, ChromeDriver browser) {
        this.server = server;
        this.api = server.api();
        this.browser = browser;
    }

    /** Skips the class where Debian's chromium is missing; {@code chromiumArguments} as for {@link Chromium#start}. */
    static BrowserSession start(String... chromiumArguments) {
        return start(UnaryOperator.identity(), chromiumArguments);
    }

    /** With the server's settings changed by {@code tweak}, as {@link TestServer#start(Clock, UnaryOperator)}. */
    static BrowserSession start(UnaryOperator<ServerConfig> tweak, String... chromiumArguments) {
        Assumptions.assumeTrue(Chromium.available(), "needs Debian's chromium and chromium-driver (.ci/run installs them)");
        TestServer server = TestServer.start(Clock.systemUTC(), tweak);
        try {
            return new BrowserSession(server, Chromium.start(chromiumArguments));
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** Pages redraw their lists while they load: a lookup may hold a replaced element, so that is retried. */
    WebDriverWait waitUpTo(int seconds) {
        return (WebDriverWait) new WebDriverWait(browser, Duration.ofSeconds(seconds)).ignoring(StaleElementReferenceException.class);
    }

    void open(String path) {
        browser.get(server.baseUrl() + path);
    }

    String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    /** Opens the kiosk of {@code branch} in Albanian and signs in as kiosk1 (the sign-in is remembered). */
    void kioskHome(String branch) {
        open("/kiosk/" + branch);
        browser.executeScript("localStorage.setItem('sportel.lang', 'sq')");
        if (browser.findElement(By.id("loginView")).isDisplayed()) {
            browser.findElement(By.id("kioskUser")).sendKeys("kiosk1");
            browser.findElement(By.id("kioskPassword")).sendKeys("sportel");
            browser.findElement(By.id("kioskLogin")).click();
        }
        waitUpTo(10).until(d -> d.findElement(By.id("goTicket")).isDisplayed());
    }

    /** axe-core (WCAG 2.1 A and AA) on the page as it is: its serious and critical violations. */
    List<String> blockingViolations(String label) {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(browser);
        assertThat(results.getPasses()).as("axe ran on " + label).isNotEmpty();
        List<String> found = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            if (BLOCKING.contains(rule.getImpact())) {
                found.add(label + ": " + rule.getId() + " (" + rule.getImpact() + ") on " + rule.getNodes().size() + " element(s): "
                        + rule.getNodes().get(0).getTarget());
            }
        }
        return found;
    }

    @Override
    public void close() {
        try {
            browser.quit();
        } finally {
            server.close();
        }
    }
}
