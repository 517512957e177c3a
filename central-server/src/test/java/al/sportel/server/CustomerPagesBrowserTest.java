package al.sportel.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The kiosk, the waiting-room display and the phone view in a real headless Chromium (Debian's,
 * driven by Selenium with the driver path given explicitly). Screenshots go to target/screenshots.
 */
class CustomerPagesBrowserTest {

    private static BrowserSession session;
    private static TestServer server;
    private static Api api;
    private static WebDriver browser;

    @BeforeAll
    static void start() {
        session = BrowserSession.start();
        server = session.server;
        api = session.api;
        browser = session.browser;
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

    private static String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private static void screenshot(String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        File png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void aTicketFromTheKioskIsCalledOnTheDisplayAndThePhoneAndTheDisplaySurvivesARestart() throws Exception {
        long counter = api.counterId("TR01", 1);
        api.act("clerk1", "/api/v1/counters/" + counter + "/open").expect(200);
        api.act("clerk5", "/api/v1/counters/" + api.counterId("TR01", 5) + "/open").expect(200);

        // the kiosk signs in once, then a tap issues a ticket
        browser.get(server.baseUrl() + "/kiosk/TR01");
        browser.findElement(By.id("kioskUser")).sendKeys("kiosk1");
        browser.findElement(By.id("kioskPassword")).sendKeys("sportel");
        browser.findElement(By.id("kioskLogin")).click();
        waitUpTo(10).until(d -> d.findElement(By.id("goTicket")).isDisplayed());
        browser.findElement(By.id("goTicket")).click();
        waitUpTo(10).until(d -> d.findElement(By.id("service-P")).isEnabled());
        // counters 1 and 5 serve I, only 1 is open; the list may be redrawn meanwhile, so the look is retried
        waitUpTo(10).until(d -> d.findElement(By.id("service-I")).isEnabled());
        assertThat(browser.findElement(By.id("closedBanner")).isDisplayed()).isFalse();
        waitUpTo(10).until(d -> { // retry a click that met the button being redrawn
            d.findElement(By.id("service-P")).click();
            return true;
        });
        waitUpTo(10).until(d -> d.findElement(By.id("priority-none")).isDisplayed());
        browser.findElement(By.id("priority-none")).click();
        waitUpTo(10).until(d -> !d.findElement(By.id("ticketNumber")).getText().isEmpty());
        String number = text("ticketNumber");
        assertThat(number).isEqualTo("P001");
        assertThat(text("ticketAhead")).isEqualTo("Para jush: 0");
        String qr = browser.findElement(By.id("ticketQr")).getDomAttribute("src");
        String ticketId = qr.replaceAll(".*/public/tickets/([^/]+)/qr.svg", "$1");
        assertThat(api.get("/public/tickets/" + ticketId + "/qr.svg", null).expect(200).body()).startsWith("<svg");
        screenshot("kiosk");
        browser.navigate().refresh();
        waitUpTo(10).until(d -> d.findElement(By.id("goTicket")).isDisplayed());
        assertThat(browser.findElements(By.id("kioskUser")).get(0).isDisplayed()).as("the kiosk stays logged in").isFalse();

        // the display and the phone view, each in its own tab
        String kioskTab = browser.getWindowHandle();
        browser.switchTo().newWindow(WindowType.TAB).get(server.baseUrl() + "/display/TR01");
        String displayTab = browser.getWindowHandle();
        waitUpTo(10).until(d -> d.findElement(By.id("branchName")).getText().contains("Tiranë"));
        browser.switchTo().newWindow(WindowType.TAB).get(server.baseUrl() + "/t/" + ticketId);
        String phoneTab = browser.getWindowHandle();
        browser.manage().window().setSize(new Dimension(412, 860));
        waitUpTo(10).until(d -> d.findElement(By.id("number")).getText().equals(number));
        assertThat(text("position")).isEqualTo("Pozicioni në radhë: 1");
        screenshot("phone-waiting");
        browser.manage().window().setSize(new Dimension(1366, 768));

        api.act("clerk1", "/api/v1/counters/" + counter + "/call-next").expect(200);
        waitUpTo(15).until(d -> d.findElement(By.id("turn")).isDisplayed());
        assertThat(text("turn")).contains("Shkoni te sporteli 1");
        assertThat(browser.findElement(By.id("turn")).getDomAttribute("role")).as("a screen reader says it").isEqualTo("alert");
        browser.manage().window().setSize(new Dimension(412, 860));
        screenshot("phone-called");
        browser.manage().window().setSize(new Dimension(1366, 768));
        browser.switchTo().window(displayTab);
        waitUpTo(15).until(d -> d.findElement(By.id("lastCall")).getText().replace("\n", " ").contains(number + " → Sporteli 1"));
        screenshot("display");

        // the head office restarts the server: the display reconnects by itself
        server.restart();
        JsonNode next = api.issue("TR01", "K", false);
        api.act("clerk5", "/api/v1/counters/" + api.counterId("TR01", 5) + "/call-next").expect(200);
        waitUpTo(20).until(d -> d.findElement(By.id("lastCall")).getText().replace("\n", " ")
                .contains(next.get("number").asText() + " → Sporteli 5"));
        assertThat(browser.findElement(By.id("offline")).isDisplayed()).isFalse();
        browser.switchTo().window(phoneTab).close();
        browser.switchTo().window(displayTab).close();
        browser.switchTo().window(kioskTab);
    }

    @Test
    void aClosedCentreAndUnavailableServicesAreShownAsSuch() {
        browser.get(server.baseUrl() + "/kiosk/DR01");
        if (!browser.findElements(By.id("kioskUser")).isEmpty() && browser.findElement(By.id("kioskUser")).isDisplayed()) {
            browser.findElement(By.id("kioskUser")).sendKeys("kiosk2");
            browser.findElement(By.id("kioskPassword")).sendKeys("sportel");
            browser.findElement(By.id("kioskLogin")).click();
        }
        waitUpTo(10).until(d -> d.findElement(By.id("closedBanner")).isDisplayed());
        browser.findElement(By.id("goTicket")).click();
        // the tap reloads the services: wait for the redrawn button rather than hold the old one
        waitUpTo(10).until(d -> d.findElement(By.id("service-P")).getText().contains("Jo në dispozicion"));
        assertThat(browser.findElement(By.id("service-P")).isEnabled()).isFalse();
        browser.get(server.baseUrl() + "/t/not-a-real-ticket-id");
        waitUpTo(10).until(d -> d.findElement(By.id("status")).getText().contains("nuk u gjet"));
        assertThat(api.get("/public/tickets/not-a-real-ticket-id/qr.svg", null).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/public/branches/DR01/display", null).expect(200).json().get("waiting").get(0)
                .get("openCounters").asInt()).isZero();
    }

    @Test
    void aCitizenFilesAComplaintOnlineAndFollowsItOnTheTrackingPage() throws Exception {
        browser.get(server.baseUrl() + "/complaint");
        waitUpTo(10).until(d -> !d.findElements(By.cssSelector("#category option")).isEmpty());
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("category"))).selectByValue("WRONG_BILL");
        browser.findElement(By.id("name")).sendKeys("Drita Leka");
        browser.findElement(By.id("description")).sendKeys("Shkurt");
        browser.findElement(By.id("sendButton")).click();
        waitUpTo(5).until(d -> !d.findElement(By.id("err-phone")).getText().isEmpty());
        assertThat(text("err-description")).isNotEmpty();
        browser.findElement(By.id("email")).sendKeys("drita@example.al");
        browser.findElement(By.id("description")).sendKeys(" — fatura e nëntorit ka lexim të gabuar.");
        browser.findElement(By.id("sendButton")).click();
        waitUpTo(10).until(d -> !d.findElement(By.id("trackingCode")).getText().isEmpty());
        String code = text("trackingCode");
        assertThat(code).matches("ANK-\\d{4}-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}");
        assertThat(browser.switchTo().activeElement().getDomAttribute("id")).as("focus moves to the thanks and the code").isEqualTo("done");
        screenshot("complaint-filed");

        browser.findElement(By.id("trackLink")).click();
        waitUpTo(10).until(d -> d.findElement(By.id("caseStatus")).getText().equals("E marrë"));
        assertThat(browser.getPageSource()).doesNotContain("Drita").doesNotContain("drita@");

        long id = caseId(code);
        api.raw("PATCH", "/api/v1/complaints/" + id, api.token("supervisor1"),
                "{\"status\":\"IN_REVIEW\",\"note\":\"Po verifikojmë leximin\",\"public\":true}", java.util.Map.of()).expect(200);
        browser.navigate().refresh();
        waitUpTo(10).until(d -> d.findElement(By.id("caseStatus")).getText().equals("Në shqyrtim"));
        assertThat(browser.findElements(By.cssSelector("#caseHistory li"))).hasSize(2);
        assertThat(text("caseHistory")).contains("Po verifikojmë leximin");
        browser.findElement(By.id("langButton")).click();
        waitUpTo(5).until(d -> d.findElement(By.id("caseStatus")).getText().equals("In review"));
        screenshot("track");
        browser.get(server.baseUrl() + "/track/ANK-2026-ZZZZZZ");
        waitUpTo(10).until(d -> !d.findElement(By.id("trackError")).getText().isEmpty());
        browser.findElement(By.id("langButton")).click(); // back to Albanian for the other tests
    }

    /** Online complaints have no branch: the supervisor finds them by code among all branches' open cases. */
    private static long caseId(String code) {
        for (JsonNode c : api.get("/api/v1/cases?branchCode=TR01", api.token("supervisor1")).json()) {
            if (c.get("trackingCode").asText().equals(code)) {
                return c.get("id").asLong();
            }
        }
        throw new AssertionError("case " + code + " not listed");
    }
}
