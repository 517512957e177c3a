package al.sportel.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The smart kiosk's home screen on a portrait 1080×1920 touch screen: five choices, everything typed
 * on the on-screen keys (the test never sends key strokes to a field), and the idle reset.
 */
class KioskHomeBrowserTest {

    private static BrowserSession session;
    private static TestServer server;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() {
        session = BrowserSession.start();
        server = session.server;
        browser = session.browser;
        server.api().act("clerk1", "/api/v1/counters/" + server.api().counterId("TR01", 1) + "/open").expect(200);
        Chromium.viewport(browser, 1080, 1920);
        session.kioskHome("TR01");
    }

    @AfterAll
    static void stop() {
        if (session != null) {
            session.close();
        }
    }

    @BeforeEach
    void home() {
        browser.get(server.baseUrl() + "/kiosk/TR01");
        waitUpTo(10).until(d -> d.findElement(By.id("goTicket")).isDisplayed());
    }

    private static WebDriverWait waitUpTo(int seconds) {
        return session.waitUpTo(seconds);
    }

    private static String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    /** Taps the on-screen keys of {@code panel} for each character, with the shift key for capitals. */
    private static void tap(String panel, String input) {
        for (char c : input.toCharArray()) {
            String key = c == ' ' ? "␣" : String.valueOf(c);
            if (Character.isLetter(c) && browser.findElements(By.cssSelector("#" + panel + " .key[data-key='" + key + "']")).isEmpty()) {
                browser.findElement(By.cssSelector("#" + panel + " .key[data-key='⇧']")).click(); // capitals on, or off again
            }
            browser.findElement(By.cssSelector("#" + panel + " .key[data-key='" + key + "']")).click();
        }
    }

    private static void focus(String id) {
        browser.findElement(By.id(id)).click();
    }

    @Test
    void theHomeScreenOffersSixChoicesAndFitsThePortraitScreen() throws Exception {
        assertThat(browser.findElements(By.cssSelector("#homeView .choice"))).extracting(e -> e.getText().replace("\n", " ").strip())
                .containsExactly("Merr biletë për sportelin", "Kontrollo faturën", "Paraqit një ankesë", "Ndiq ankesën ose aplikimin",
                        "Check-in për biletën nga telefoni",
                        "Takimet: rezervo ose paraqitu");
        assertThat(((Number) browser.executeScript("return document.documentElement.scrollHeight")).intValue()).isLessThanOrEqualTo(1920);
        Chromium.screenshot(browser, "kiosk-home-1080x1920");
        browser.findElement(By.id("goTicket")).click();
        waitUpTo(10).until(d -> d.findElement(By.id("service-P")).isDisplayed());
        browser.findElement(By.cssSelector("#serviceView .back")).click();
        assertThat(browser.findElement(By.id("homeView")).isDisplayed()).isTrue();
    }

    @Test
    void aBillCheckWithNothingDueSaysNoTicketIsNeeded() throws Exception {
        browser.findElement(By.id("goBill")).click();
        assertThat(browser.switchTo().activeElement().getDomAttribute("id")).isEqualTo("billCode");
        assertThat(browser.findElement(By.id("billCode")).getDomAttribute("inputmode")).isEqualTo("none");
        tap("billKeys", "100002");
        focus("billProof");
        tap("billKeys", "1,00");
        browser.findElement(By.id("billCheck")).click();
        waitUpTo(10).until(d -> !d.findElement(By.id("billError")).getText().isEmpty());
        assertThat(text("billError")).isEqualTo("Kodi dhe shuma nuk përputhen me asnjë llogari. Kontrolloni faturën.");

        focus("billProof");
        browser.findElement(By.cssSelector("#billKeys .key[data-key='✕']")).click();
        tap("billKeys", CitizenAccountTest.lastBillAmount(server, "100002").replace('.', ','));
        browser.findElement(By.id("billCheck")).click();
        waitUpTo(10).until(d -> d.findElement(By.id("billResult")).isDisplayed());
        assertThat(text("billDue")).isEqualTo("Nuk keni asgjë për të paguar.");
        assertThat(text("billAdvice")).isEqualTo("Nuk ju duhet biletë për sportelin.");
        assertThat(text("billResult")).contains("në bankë, në postë");
        assertThat(browser.findElement(By.id("billTicket")).isDisplayed()).isFalse();
        Chromium.screenshot(browser, "kiosk-bill-1080x1920");
    }

    @Test
    void aComplaintTypedOnTheScreenKeyboardIsFiledAndTrackedAtTheKiosk() throws Exception {
        browser.findElement(By.id("goComplaint")).click();
        waitUpTo(10).until(d -> !d.findElements(By.cssSelector("#kcCategory option")).isEmpty());
        assertThat(browser.switchTo().activeElement().getDomAttribute("id")).isEqualTo("kcName");
        tap("complaintKeys", "Besa Kola");
        focus("kcPhone");
        tap("complaintKeys", "0691234567");
        focus("kcDescription");
        tap("complaintKeys", "sahati ka lexim te gabuar");
        assertThat(browser.findElement(By.id("kcName")).getDomProperty("value")).isEqualTo("Besa Kola");
        Chromium.screenshot(browser, "kiosk-complaint-1080x1920");
        browser.findElement(By.id("kcSend")).click();
        waitUpTo(10).until(d -> d.findElement(By.id("kcDone")).isDisplayed());
        String code = text("kcCode");
        assertThat(code).matches("ANK-\\d{4}-[A-Z0-9]{6}");
        assertThat(server.api().get("/api/v1/public/track/" + code, null).expect(200).json().get("status").asText()).isEqualTo("RECEIVED");

        browser.findElement(By.cssSelector("#complaintView .back")).click();
        browser.findElement(By.id("goTrack")).click();
        tap("trackKeys", code);
        browser.findElement(By.id("kioskTrackButton")).click();
        waitUpTo(10).until(d -> d.findElement(By.id("kioskTrackResult")).isDisplayed());
        assertThat(text("kioskTrackStatus")).isEqualTo(code + ": E marrë");
        assertThat(text("kioskTrackHistory")).matches("\\d{2}\\.\\d{2}\\.\\d{4} \\d{2}:\\d{2} — E marrë");
    }

    @Test
    void leftAloneTheKioskClearsWhatWasTypedAndReturnsHome() {
        browser.get(server.baseUrl() + "/kiosk/TR01?idle=2");
        waitUpTo(10).until(d -> d.findElement(By.id("goBill")).isDisplayed());
        browser.findElement(By.id("langButton")).click(); // a visitor reads it in English
        assertThat(browser.findElement(By.id("langButton")).getText()).isEqualTo("Shqip");
        browser.findElement(By.id("goBill")).click();
        tap("billKeys", "100001");
        assertThat(browser.findElement(By.id("billCode")).getDomProperty("value")).isEqualTo("100001");
        waitUpTo(10).until(d -> d.findElement(By.id("homeView")).isDisplayed());
        // the next citizen is greeted in Albanian again
        assertThat(browser.findElement(By.id("langButton")).getText()).isEqualTo("English");
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("sq");
        assertThat(browser.findElement(By.id("billCode")).getDomProperty("value")).isEmpty();
        assertThat(browser.findElement(By.id("billView")).isDisplayed()).isFalse();
        assertThat(browser.executeScript("return document.querySelectorAll('#billKeys .key').length")).isEqualTo(0L);
    }

    @Test
    void anUnansweredRequestNeverLeavesAnEmptyScreen() {
        assertThat(server.api().post("/api/v1/kiosk/complaints", null, Map.of("category", "WRONG_BILL")).status()).isEqualTo(401);
    }
}
