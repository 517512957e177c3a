package al.sportel.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The kiosk prints the ticket it issued exactly once, whatever its QR code does: drawn, refused by the
 * network, or never answered. The page's print is counted in place of the print dialog; the server runs
 * with a public URL other than the address the browser uses, so the printed link can be told from a
 * link built from the page's own address.
 */
class KioskPrintBrowserTest {

    private static final String PUBLIC_URL = "https://sportel.example.al";
    private static BrowserSession s;

    @BeforeAll
    static void start() {
        s = BrowserSession.start(c -> c.withSecurity(c.security().withPublicUrl(PUBLIC_URL)));
        s.api.act("clerk1", "/api/v1/counters/" + s.api.counterId("TR01", 1) + "/open").expect(200);
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
        s.browser.executeCdpCommand("Fetch.disable", Map.of());
    }

    /** A ticket issued at the kiosk, with window.print counted (the page prints only outside WebDriver). */
    private static String issueCountingPrints() {
        s.kioskHome("TR01");
        s.browser.executeScript("""
                window.prints = [];
                window.print = () => window.prints.push(document.getElementById('ticketNumber').textContent);
                Object.defineProperty(navigator, 'webdriver', { get: () => false });""");
        s.browser.findElement(By.id("goTicket")).click();
        s.waitUpTo(10).until(d -> {
            d.findElement(By.id("service-P")).click(); // retried if the button was being redrawn
            return true;
        });
        s.waitUpTo(10).until(d -> d.findElement(By.id("priority-none")).isDisplayed());
        s.browser.findElement(By.id("priority-none")).click();
        s.waitUpTo(10).until(d -> d.findElement(By.id("ticketView")).isDisplayed());
        return s.browser.findElement(By.id("ticketQr")).getDomAttribute("src").replaceAll(".*/public/tickets/([^/]+)/qr.svg", "$1");
    }

    @SuppressWarnings("unchecked")
    private static List<String> prints() {
        return (List<String>) s.browser.executeScript("return window.prints");
    }

    /** The first print, then long enough for the page's wait for the QR code to have run out too. */
    private static List<String> printsAfterTheWait() throws InterruptedException {
        s.waitUpTo(10).until(d -> !prints().isEmpty());
        Thread.sleep(4000);
        return prints();
    }

    @Test
    void aTicketWhoseQrCodeLoadsPrintsOnceWithTheQrCodeAndThePublicLink() throws Exception {
        String id = issueCountingPrints();
        assertThat(printsAfterTheWait()).containsExactly(s.text("ticketNumber"));
        assertThat(s.browser.findElement(By.id("ticketQr")).isDisplayed()).isTrue();
        assertThat(s.text("ticketLink")).isEqualTo("ose hapni: sportel.example.al/t/" + id);
    }

    @Test
    void aTicketWhoseQrCodeFailsToLoadStillPrintsOnceWithTheLinkInstead() throws Exception {
        s.browser.executeCdpCommand("Network.enable", Map.of());
        s.browser.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of("*qr.svg*")));
        String id = issueCountingPrints();
        assertThat(printsAfterTheWait()).containsExactly(s.text("ticketNumber"));
        assertThat(s.text("ticketNumber")).matches("P\\d{3}");
        assertThat(s.browser.findElement(By.id("ticketQr")).isDisplayed()).as("no broken image on the ticket").isFalse();
        assertThat(s.browser.findElement(By.id("ticketScan")).isDisplayed()).isFalse();
        assertThat(s.text("ticketLink")).isEqualTo("Ndiqni radhën në telefon: sportel.example.al/t/" + id);
        Chromium.screenshot(s.browser, "kiosk-ticket-without-qr");
    }

    @Test
    void aTicketWhoseQrCodeNeverComesPrintsAfterAShortWaitAndNotAgainWhenItComes() throws Exception {
        // the QR code's request is held by the browser and never answered while Fetch is on
        s.browser.executeCdpCommand("Fetch.enable", Map.of("patterns", List.of(Map.of("urlPattern", "*qr.svg*"))));
        String id = issueCountingPrints();
        assertThat(prints()).as("not before the wait is over").isEmpty();
        s.waitUpTo(10).until(d -> !prints().isEmpty());
        assertThat(prints()).containsExactly(s.text("ticketNumber"));
        assertThat(s.text("ticketLink")).isEqualTo("Ndiqni radhën në telefon: sportel.example.al/t/" + id);
        s.browser.executeCdpCommand("Fetch.disable", Map.of()); // the held request goes on and the QR code arrives late
        Thread.sleep(2000);
        assertThat(prints()).as("printed once").hasSize(1);
    }

    @Test
    void aTicketStillWaitingForItsQrCodeIsPrintedBeforeTheNextOneReplacesIt() throws Exception {
        s.browser.executeCdpCommand("Fetch.enable", Map.of("patterns", List.of(Map.of("urlPattern", "*qr.svg*"))));
        issueCountingPrints();
        String first = s.text("ticketNumber");
        assertThat(prints()).as("still waiting for its QR code").isEmpty();
        // the next ticket on this kiosk within the wait (drawn as the page draws any issued ticket)
        s.browser.executeScript("""
                showTicket({id: 'next', number: 'P999', issuedAt: new Date().toISOString(), position: 2,
                            estimatedWaitSeconds: 300, priorityCategory: null}, null, 'https://sportel.example.al/t/next');""");
        assertThat(prints()).as("the first is printed at once, with its own number").containsExactly(first);
        s.waitUpTo(10).until(d -> prints().size() == 2);
        assertThat(prints()).containsExactly(first, "P999");
    }
}
