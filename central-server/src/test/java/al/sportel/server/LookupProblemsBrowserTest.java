package al.sportel.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;

/**
 * A look-up that fails for a reason other than the citizen's code (the tracking page, the kiosk's tracking
 * and bill check) says so, in Albanian and English: only a 404 is "nothing matches"; too many look-ups
 * says to wait; a server or proxy failure (5xx) or no network says to try again later. The network's
 * failure is real (the browser blocks the request); a proxy's 502 is answered in place of fetch; the
 * tracking limit is the server's own, set low here and used up by the last test only.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LookupProblemsBrowserTest {

    private static final int TRACK_LIMIT = 6;
    private static final String UNKNOWN_CASE = "ANK-2026-ZZZZZZ";
    private static final String NOT_FOUND = "Nuk u gjet asnjë kërkesë me këtë kod.";
    private static final String UNAVAILABLE = "Kërkimi nuk mund të bëhet tani. Provoni përsëri pas pak.";
    private static final String KIOSK_UNAVAILABLE = "Kontrolli nuk mund të bëhet tani. Provoni përsëri pas pak ose pyesni në sportel.";
    private static final String TOO_MANY = "Shumë kërkime në pak kohë. Prisni një minutë dhe provoni përsëri.";
    private static BrowserSession s;

    @BeforeAll
    static void start() {
        s = BrowserSession.start(c -> c.withSecurity(c.security().withThrottles(TRACK_LIMIT, c.security().kioskTicketsPerMinute(),
                c.security().displayStreamsPerAddress())));
    }

    @AfterAll
    static void stop() {
        if (s != null) {
            s.close();
        }
    }

    @AfterEach
    void networkAsUsual() {
        s.browser.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of()));
    }

    /** The browser refuses requests to {@code pattern} as if the network were down: fetch rejects. */
    private static void networkDownFor(String pattern) {
        s.browser.executeCdpCommand("Network.enable", Map.of());
        s.browser.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of(pattern)));
    }

    /** A proxy in front answers 502 with its own HTML page for every request to {@code path} (until the page reloads). */
    private static void proxyFailsFor(String path) {
        s.browser.executeScript("""
                const send = window.fetch;
                window.fetch = (url, options) => String(url).includes(arguments[0])
                  ? Promise.resolve(new Response('<html><h1>502 Bad Gateway</h1></html>', { status: 502, headers: { 'Content-Type': 'text/html' } }))
                  : send(url, options);""", path);
    }

    private static String trackPage(String code, String errorId) {
        s.browser.findElement(By.id("trackCode")).clear();
        s.browser.findElement(By.id("trackCode")).sendKeys(code);
        s.browser.executeScript("document.getElementById(arguments[0]).textContent = ''", errorId);
        s.browser.findElement(By.id("trackButton")).click();
        s.waitUpTo(10).until(d -> !d.findElement(By.id(errorId)).getText().isEmpty());
        return s.text(errorId);
    }

    private static String kioskTrack(String code) {
        s.browser.executeScript("document.getElementById('kioskTrackCode').value = arguments[0];"
                + "document.getElementById('kioskTrackError').textContent = ''", code);
        s.browser.findElement(By.id("kioskTrackButton")).click();
        s.waitUpTo(10).until(d -> !d.findElement(By.id("kioskTrackError")).getText().isEmpty());
        return s.text("kioskTrackError");
    }

    private static String kioskBill(String code, String proof) {
        s.browser.executeScript("document.getElementById('billCode').value = arguments[0]; document.getElementById('billProof').value = arguments[1];"
                + "document.getElementById('billError').textContent = ''", code, proof);
        s.browser.findElement(By.id("billCheck")).click();
        s.waitUpTo(10).until(d -> !d.findElement(By.id("billError")).getText().isEmpty());
        return s.text("billError");
    }

    private static void noUnhandledErrors() {
        assertThat(Chromium.console(s.browser)).noneMatch(m -> m.contains("Uncaught"));
    }

    @Test
    @Order(1)
    void theTrackingPageTellsAnUnknownCodeFromAFailure() {
        s.open("/track");
        s.browser.executeScript("localStorage.setItem('sportel.lang', 'sq')");
        s.open("/track");
        Chromium.console(s.browser);
        assertThat(trackPage(UNKNOWN_CASE, "trackError")).isEqualTo(NOT_FOUND);

        networkDownFor("*/api/v1/public/track/*");
        assertThat(trackPage(UNKNOWN_CASE, "trackError")).isEqualTo(UNAVAILABLE);
        noUnhandledErrors();
        networkAsUsual();

        proxyFailsFor("/api/v1/public/track/");
        assertThat(trackPage(UNKNOWN_CASE, "trackError")).isEqualTo(UNAVAILABLE);
        s.browser.findElement(By.id("langButton")).click();
        assertThat(trackPage(UNKNOWN_CASE, "trackError")).isEqualTo("The look-up cannot be done right now. Please try again in a little while.");
        s.browser.findElement(By.id("langButton")).click();
        assertThat(s.browser.findElement(By.id("result")).isDisplayed()).isFalse();
        noUnhandledErrors();
    }

    @Test
    @Order(2)
    void theKioskTellsAnUnknownCodeOrAccountFromAFailure() {
        s.kioskHome("TR01");
        Chromium.console(s.browser);
        s.browser.findElement(By.id("goTrack")).click();
        assertThat(kioskTrack(UNKNOWN_CASE)).isEqualTo(NOT_FOUND);
        networkDownFor("*/api/v1/public/track/*");
        assertThat(kioskTrack(UNKNOWN_CASE)).isEqualTo(KIOSK_UNAVAILABLE);
        networkAsUsual();
        proxyFailsFor("/api/v1/public/track/");
        assertThat(kioskTrack(UNKNOWN_CASE)).isEqualTo(KIOSK_UNAVAILABLE);
        noUnhandledErrors();

        s.kioskHome("TR01");
        s.browser.findElement(By.id("goBill")).click();
        assertThat(kioskBill("100002", "1,00")).isEqualTo("Kodi dhe shuma nuk përputhen me asnjë llogari. Kontrolloni faturën.");
        networkDownFor("*/api/v1/kiosk/account/verify*");
        assertThat(kioskBill("100002", "1,00")).isEqualTo(KIOSK_UNAVAILABLE);
        networkAsUsual();
        proxyFailsFor("/api/v1/kiosk/account/verify");
        assertThat(kioskBill("100002", "1,00")).isEqualTo(KIOSK_UNAVAILABLE);
        s.browser.findElement(By.id("langButton")).click();
        assertThat(kioskBill("100002", "1,00"))
                .isEqualTo("The check cannot be done right now. Please try again in a little while or ask at a counter.");
        s.browser.findElement(By.id("langButton")).click();
        assertThat(s.browser.findElement(By.id("billView")).isDisplayed()).as("still on the form, not signed out").isTrue();
        noUnhandledErrors();
    }

    @Test
    @Order(3)
    void tooManyLookupsSayToWaitNotThatTheCodeIsUnknown() {
        s.open("/track");
        String said = NOT_FOUND;
        for (int i = 0; i <= TRACK_LIMIT && said.equals(NOT_FOUND); i++) {
            said = trackPage(UNKNOWN_CASE, "trackError");
        }
        assertThat(said).isEqualTo(TOO_MANY);

        s.kioskHome("TR01");
        s.browser.findElement(By.id("goTrack")).click();
        assertThat(kioskTrack(UNKNOWN_CASE)).as("the kiosk shares the centre's address").isEqualTo(TOO_MANY);
    }
}
