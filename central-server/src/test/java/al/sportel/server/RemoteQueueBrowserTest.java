package al.sportel.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 19 end to end in headless Chromium: a citizen joins the queue from the phone app (390×844), checks in
 * at the kiosk (1080×1920) by typing the number on the on-screen keys, a second ticket by the scanner's
 * keyboard-wedge code, and the clerk's call reaches the phone view. axe on the new screens; screenshots.
 */
class RemoteQueueBrowserTest {

    private static final Set<String> BLOCKING = Set.of("serious", "critical");
    /** Every violation's impact, per screen: target/axe-remote-queue.txt. */
    private static final List<String> SUMMARY = new ArrayList<>();
    private static TestServer server;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() {
        Assumptions.assumeTrue(Chromium.available(), "needs Debian's chromium and chromium-driver (.ci/run installs them)");
        server = TestServer.start();
        browser = Chromium.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    private static WebDriverWait waitUpTo(int seconds) {
        return (WebDriverWait) new WebDriverWait(browser, Duration.ofSeconds(seconds)).ignoring(StaleElementReferenceException.class);
    }

    private static List<String> blocking(String label) {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(browser);
        assertThat(results.getPasses()).as("axe ran on " + label).isNotEmpty();
        SUMMARY.add(label + ": " + results.getViolations().size() + " violation(s) "
                + results.getViolations().stream().map(r -> r.getId() + "/" + r.getImpact()).toList());
        List<String> found = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            if (BLOCKING.contains(rule.getImpact())) {
                found.add(label + ": " + rule.getId() + " (" + rule.getImpact() + ") " + rule.getNodes().get(0).getTarget());
            }
        }
        return found;
    }

    /** Takes a remote ticket for service P at TR01 in the app; its number and ticket id. */
    private static String[] joinFromThePhone(List<String> violations, boolean screenshots) throws Exception {
        browser.get(server.baseUrl() + "/app#/queue");
        waitUpTo(10).until(d -> d.findElement(By.id("queueForm")).isDisplayed());
        new Select(browser.findElement(By.id("queueCentre"))).selectByValue("TR01");
        browser.findElement(By.cssSelector("label[for='queueService-P']")).click();
        browser.findElement(By.id("queueTravel")).clear();
        browser.findElement(By.id("queueTravel")).sendKeys("25");
        if (screenshots) {
            violations.addAll(blocking("app: join the queue"));
            Chromium.screenshot(browser, "queue-join-390x844");
        }
        browser.findElement(By.id("queueTravel")).sendKeys(Keys.ENTER); // the welcome notice may cover the button for a few seconds
        waitUpTo(10).until(d -> !d.findElements(By.id("remoteCode")).isEmpty() && !d.findElement(By.id("remoteNumber")).getText().isEmpty());
        waitUpTo(10).until(d -> (Boolean) ((ChromeDriver) d).executeScript(
                "const i = document.getElementById('remoteQr'); return i.complete && i.naturalWidth > 0"));
        String number = browser.findElement(By.id("remoteNumber")).getText();
        String id = browser.getCurrentUrl().replaceAll(".*[?&]id=", "");
        if (screenshots) {
            assertThat(browser.findElement(By.id("remoteCountdown")).getText()).contains("min");
            violations.addAll(blocking("app: remote ticket"));
            Chromium.screenshot(browser, "queue-ticket-390x844");
        }
        return new String[] {number, id};
    }

    @Test
    void joinFromHomeCheckInAtTheKioskAndTheCallReachesThePhone() throws Exception {
        List<String> violations = new ArrayList<>();
        Api api = server.api();
        // the phone: sign in to the app
        Chromium.viewport(browser, 390, 844);
        browser.get(server.baseUrl() + "/app#/signin?next=queue");
        browser.executeScript("localStorage.setItem('sportel.lang', 'sq')");
        browser.navigate().refresh();
        waitUpTo(10).until(d -> d.findElement(By.id("signinCode")).isDisplayed());
        browser.findElement(By.id("signinCode")).sendKeys("100051");
        browser.findElement(By.id("signinProof")).sendKeys(CitizenAccountTest.lastBillAmount(server, "100051"));
        browser.findElement(By.id("signinButton")).click();
        String[] first = joinFromThePhone(violations, true);
        String[] second = joinFromThePhone(violations, false);
        String code = api.get("/api/v1/public/remote-tickets/" + second[1], null).expect(200).json().get("checkInCode").asText();

        // the kiosk, portrait: check in the first by typing its number on the on-screen keys
        browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        Chromium.viewport(browser, 1080, 1920);
        browser.get(server.baseUrl() + "/kiosk/TR01");
        browser.findElement(By.id("kioskUser")).sendKeys("kiosk1");
        browser.findElement(By.id("kioskPassword")).sendKeys("sportel");
        browser.findElement(By.id("kioskLogin")).click();
        waitUpTo(10).until(d -> d.findElement(By.id("goCheckIn")).isDisplayed());
        Chromium.screenshot(browser, "kiosk-checkin-home-1080x1920");
        browser.findElement(By.id("goCheckIn")).click();
        waitUpTo(5).until(d -> !d.findElements(By.cssSelector("#checkInKeys .key")).isEmpty());
        violations.addAll(blocking("kiosk: check in"));
        Chromium.screenshot(browser, "kiosk-checkin-1080x1920");
        for (char c : first[0].toCharArray()) {
            browser.findElement(By.cssSelector("#checkInKeys .key[data-key='" + c + "']")).click();
        }
        assertThat(browser.findElement(By.id("checkInInput")).getDomProperty("value")).isEqualTo(first[0]);
        browser.findElement(By.id("checkInButton")).click();
        waitUpTo(10).until(d -> d.findElement(By.id("checkInResult")).isDisplayed());
        assertThat(browser.findElement(By.id("checkInNumber")).getText()).isEqualTo(first[0]);
        assertThat(browser.findElement(By.id("checkInMessage")).getText()).contains("Jeni në radhë");
        violations.addAll(blocking("kiosk: checked in"));
        Chromium.screenshot(browser, "kiosk-checkin-done-1080x1920");

        // the second by the scanner: a keyboard wedge types the code and Enter on the home screen
        browser.findElement(By.id("checkInDone")).click();
        waitUpTo(5).until(d -> d.findElement(By.id("goCheckIn")).isDisplayed());
        new Actions(browser).sendKeys(code + Keys.ENTER).perform();
        waitUpTo(10).until(d -> d.findElement(By.id("checkInResult")).isDisplayed());
        assertThat(browser.findElement(By.id("checkInNumber")).getText()).isEqualTo(second[0]);
        assertThat(api.get("/api/v1/public/remote-tickets/" + second[1], null).expect(200).json().get("checkedIn").asBoolean()).isTrue();

        // a clerk calls: the first remote ticket, now checked in, goes to counter 1 and the phone view says so
        browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        Chromium.viewport(browser, 390, 844);
        browser.get(server.baseUrl() + "/t/" + first[1]);
        waitUpTo(10).until(d -> d.findElement(By.id("remote")).isDisplayed());
        assertThat(browser.findElement(By.id("remoteCheckedIn")).isDisplayed()).isTrue();
        violations.addAll(blocking("phone view: remote ticket"));
        Chromium.screenshot(browser, "queue-phone-view-390x844");
        long counter = api.counterId("TR01", 1);
        api.put("/api/v1/counters/" + counter + "/services", api.token("supervisor1"),
                Map.of("serviceIds", List.of(api.serviceId("TR01", "P")))).expect(200);
        api.act("clerk1", "/api/v1/counters/" + counter + "/open").expect(200);
        JsonNode called = api.act("clerk1", "/api/v1/counters/" + counter + "/call-next").expect(200).json();
        assertThat(called.get("id").asText()).isEqualTo(first[1]);
        waitUpTo(10).until(d -> d.findElement(By.id("turn")).isDisplayed());
        assertThat(browser.findElement(By.id("turn")).getText()).contains("1");
        waitUpTo(10).until(d -> d.findElement(By.id("remoteNotice")).getText().contains("sporteli 1"));
        Chromium.screenshot(browser, "queue-called-390x844");
        Files.write(Path.of("target", "axe-remote-queue.txt"), SUMMARY);
        assertThat(violations).isEmpty();
    }
}
