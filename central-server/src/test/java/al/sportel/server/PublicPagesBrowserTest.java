package al.sportel.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The public pages as a citizen meets them (issue 15's web items) and the browser protections on every
 * page (issue 14 item 14): the pages must work under a policy that forbids inline code.
 */
class PublicPagesBrowserTest {

    private static final String SECURE_POLICY_WORDS = "Content Security Policy";
    /** The address citizens reach, unlike the one this browser uses: printed links must show this one. */
    private static final String PUBLIC_URL = "https://sportel.example.al";
    private static TestServer server;
    private static Api api;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() {
        Assumptions.assumeTrue(Chromium.available(), "needs Debian's chromium and chromium-driver (.ci/run installs them)");
        server = TestServer.start(Clock.systemUTC(), c -> c.withSecurity(c.security().withPublicUrl(PUBLIC_URL)));
        api = server.api();
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

    @BeforeEach
    void albanianAndFullSize() {
        browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        browser.get(server.baseUrl() + "/web/sportel.css");
        browser.executeScript("localStorage.setItem('sportel.lang', 'sq')");
        Chromium.console(browser);
    }

    private static WebDriverWait waitUpTo(int seconds) {
        // pages redraw their lists while they load: a lookup may hold a replaced element
        return (WebDriverWait) new WebDriverWait(browser, Duration.ofSeconds(seconds)).ignoring(StaleElementReferenceException.class);
    }

    private static String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private static void open(String path) {
        browser.get(server.baseUrl() + path);
    }

    @Test
    void theLandingPageLinksThePublicPagesAndTheSiteHasAFavicon() throws Exception {
        open("/");
        assertThat(browser.getTitle()).isEqualTo("Sportel");
        assertThat(text("linkTrack")).contains("Ndiqni ankesën");
        Chromium.screenshot(browser, "home");
        browser.findElement(By.id("linkComplaint")).click();
        waitUpTo(10).until(d -> !d.findElements(By.cssSelector("#category option")).isEmpty());
        browser.navigate().back();
        browser.findElement(By.id("linkTrack")).click();
        waitUpTo(10).until(d -> d.getCurrentUrl().endsWith("/track"));
        assertThat(browser.findElement(By.id("trackCode")).isDisplayed()).isTrue();

        Api.Response icon = api.get("/favicon.ico", null).expect(200);
        assertThat(icon.contentType()).startsWith("image/svg+xml");
        assertThat(icon.body()).startsWith("<svg");
        assertThat(browser.findElement(By.cssSelector("link[rel=icon]")).getDomAttribute("href")).isEqualTo("/favicon.ico");
    }

    @Test
    void theDisplayOfAnUnknownCentreSaysSoInsteadOfWaitingForAConnection() {
        open("/display/XX99");
        waitUpTo(10).until(d -> d.findElement(By.id("unknown")).isDisplayed());
        assertThat(text("unknown")).isEqualTo("Qendra „XX99” nuk njihet. Kontrolloni adresën e faqes.");
        assertThat(browser.findElement(By.id("offline")).isDisplayed()).as("not a connection problem").isFalse();
        open("/display/TR01");
        waitUpTo(10).until(d -> d.findElement(By.id("branchName")).getText().contains("Tiranë"));
        assertThat(browser.findElement(By.id("unknown")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("soundNotice")).isDisplayed()).as("sound is allowed by the kiosk flag").isFalse();
    }

    @Test
    void aDisplayWhoseBrowserBlocksSoundAsksForOneClick() {
        ChromeDriver strict = Chromium.start("--autoplay-policy=document-user-activation-required");
        try {
            strict.get(server.baseUrl() + "/display/TR01");
            WebElement notice = strict.findElement(By.id("soundNotice"));
            new WebDriverWait(strict, Duration.ofSeconds(10)).until(d -> notice.isDisplayed());
            assertThat(notice.getText()).isEqualTo("Zëri është i bllokuar — klikoni këtu për ta aktivizuar");
            notice.click();
            new WebDriverWait(strict, Duration.ofSeconds(10)).until(d -> !notice.isDisplayed());
        } finally {
            strict.quit();
        }
    }

    @Test
    void anEmptyTrackingCodeAsksForTheCode() {
        open("/track");
        browser.findElement(By.id("trackButton")).click();
        waitUpTo(5).until(d -> !d.findElement(By.id("trackError")).getText().isEmpty());
        assertThat(text("trackError")).startsWith("Shkruani kodin").doesNotContain("Nuk u gjet");
        assertThat(browser.switchTo().activeElement().getDomAttribute("id")).isEqualTo("trackCode");
        assertThat(browser.getCurrentUrl()).endsWith("/track");
        browser.findElement(By.id("trackCode")).sendKeys("   ");
        browser.findElement(By.id("trackButton")).click();
        assertThat(text("trackError")).startsWith("Shkruani kodin");
    }

    @Test
    void theTrackingHistoryShowsAlbanianDatesInTiranaTime() {
        String code = api.post("/api/v1/public/complaints", null, Map.of("category", "WRONG_BILL", "name", "Arben Hoxha",
                "phone", "069 123 4567", "description", "Fatura e tetorit ka dy herë të njëjtin lexim.")).expect(201)
                .json().get("trackingCode").asText();
        JsonNode history = api.get("/api/v1/public/track/" + code, null).expect(200).json().get("history");
        String expected = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm")
                .format(Instant.parse(history.get(0).get("at").asText()).atZone(ZoneId.of("Europe/Tirane")));
        open("/track/" + code);
        waitUpTo(10).until(d -> !d.findElements(By.cssSelector("#caseHistory li")).isEmpty());
        assertThat(browser.findElement(By.cssSelector("#caseHistory li")).getText()).isEqualTo(expected + " — E marrë");
        browser.findElement(By.id("langButton")).click();
        waitUpTo(5).until(d -> d.findElement(By.id("caseStatus")).getText().equals("Received"));
        assertThat(browser.findElement(By.cssSelector("#caseHistory li")).getText()).startsWith(expected);
    }

    @Test
    void complaintFormErrorsAreInTheInterfaceLanguageNeverTheBrowsersOrTheServersEnglish() {
        open("/complaint");
        waitUpTo(10).until(d -> !d.findElements(By.cssSelector("#category option")).isEmpty());
        browser.findElement(By.id("name")).sendKeys("Drita Leka");
        browser.findElement(By.id("phone")).sendKeys("abc");
        browser.findElement(By.id("email")).sendKeys("drita@");
        browser.findElement(By.id("description")).sendKeys("Fatura e nëntorit ka lexim të gabuar.");
        browser.findElement(By.id("sendButton")).click();
        waitUpTo(5).until(d -> !d.findElement(By.id("err-phone")).getText().isEmpty());
        assertThat(text("err-phone")).isEqualTo("Ky nuk është numër telefoni (p.sh. 069 123 4567).");
        assertThat(text("err-email")).isEqualTo("Kjo nuk është adresë e-maili (p.sh. emri@shembull.al).");
        assertThat(browser.findElement(By.id("phone")).getDomAttribute("aria-invalid")).isEqualTo("true");

        // a rule only the server checks (the name's length): its 422 is shown in Albanian too
        browser.findElement(By.id("phone")).clear();
        browser.findElement(By.id("phone")).sendKeys("069 123 4567");
        browser.findElement(By.id("email")).clear();
        browser.findElement(By.id("name")).sendKeys(" " + "a".repeat(210));
        browser.findElement(By.id("sendButton")).click();
        waitUpTo(10).until(d -> !d.findElement(By.id("err-name")).getText().isEmpty());
        assertThat(text("err-name")).isEqualTo("Teksti është shumë i gjatë.");
        assertThat(text("err-phone")).isEmpty();
        assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("must be", "is not", "required");
    }

    @Test
    void theKioskTicketFitsALandscapeAndAPortraitScreenAndShowsThePhoneLink() throws Exception {
        api.act("clerk1", "/api/v1/counters/" + api.counterId("TR01", 1) + "/open");
        open("/kiosk/TR01");
        browser.findElement(By.id("kioskLogin")).click();
        assertThat(text("loginError")).isEqualTo("Shkruani përdoruesin dhe fjalëkalimin.");
        browser.findElement(By.id("kioskUser")).sendKeys("kiosk1");
        browser.findElement(By.id("kioskPassword")).sendKeys("sportel");
        browser.findElement(By.id("kioskLogin")).click();
        waitUpTo(10).until(d -> d.findElement(By.id("goTicket")).isDisplayed());
        browser.findElement(By.id("goTicket")).click();
        for (int[] size : List.of(new int[] {1280, 720}, new int[] {1080, 1920})) {
            Chromium.viewport(browser, size[0], size[1]);
            // the services are redrawn as the view opens: retry a click that met the button being replaced
            waitUpTo(10).until(d -> {
                d.findElement(By.id("service-P")).click();
                return true;
            });
            waitUpTo(10).until(d -> d.findElements(By.cssSelector("#priorities .priority-choice")).size() >= 4);
            assertFitsWithoutScrolling(size, "priority-none", "priority-PREGNANCY");
            Chromium.screenshot(browser, "kiosk-priority-" + size[0] + "x" + size[1]);
            browser.findElement(By.id("priority-none")).click();
            waitUpTo(10).until(d -> d.findElement(By.id("ticketView")).isDisplayed()
                    && (Boolean) browser.executeScript("return document.getElementById('ticketQr').complete"));
            String id = browser.findElement(By.id("ticketQr")).getDomAttribute("src").replaceAll(".*/public/tickets/([^/]+)/qr.svg", "$1");
            // the ticket's public address, as in its QR code, not the address this kiosk reached the server by
            assertThat(server.baseUrl()).doesNotContain("sportel.example.al");
            assertThat(text("ticketLink")).isEqualTo("ose hapni: sportel.example.al/t/" + id);
            assertThat(text("ticketTime")).matches("Marrë në \\d{2}\\.\\d{2}\\.\\d{4} \\d{2}:\\d{2}");
            assertFitsWithoutScrolling(size, "ticketNumber", "ticketQr", "ticketLink", "ticketWait", "doneButton");
            Chromium.screenshot(browser, "kiosk-ticket-" + size[0] + "x" + size[1]);
            browser.findElement(By.id("doneButton")).click();
            waitUpTo(5).until(d -> d.findElement(By.id("goTicket")).isDisplayed());
            browser.findElement(By.id("goTicket")).click();
        }
        assertFitsWithoutScrolling(new int[] {1080, 1920}, "service-P");
        Chromium.screenshot(browser, "kiosk-1080x1920");
        Chromium.viewport(browser, 1280, 720);
        Chromium.screenshot(browser, "kiosk-1280x720");
    }

    @Test
    void aKioskWhoseAnswerWasLostPrintsTheTicketItTookNotASecondOne() {
        api.act("clerk1", "/api/v1/counters/" + api.counterId("TR01", 1) + "/open");
        browser.executeScript("localStorage.removeItem('sportel.kiosk.token.TR01')"); // signed in by another test
        open("/kiosk/TR01");
        browser.findElement(By.id("kioskUser")).sendKeys("kiosk1");
        browser.findElement(By.id("kioskPassword")).sendKeys("sportel");
        browser.findElement(By.id("kioskLogin")).click();
        waitUpTo(10).until(d -> d.findElement(By.id("goTicket")).isDisplayed());
        // the network drops the first answer after the server has issued the ticket
        browser.executeScript("""
                const send = window.fetch; window.lostAnswers = 0;
                window.fetch = async (url, options) => {
                  const r = await send(url, options);
                  if (String(url).endsWith('/tickets') && window.lostAnswers === 0) { window.lostAnswers++; throw new TypeError('Failed to fetch'); }
                  return r;
                };""");
        int before = waiting("P");
        browser.findElement(By.id("goTicket")).click();
        waitUpTo(10).until(d -> {
            d.findElement(By.id("service-P")).click();
            return true;
        });
        waitUpTo(10).until(d -> d.findElement(By.id("priority-none")).isDisplayed());
        browser.findElement(By.id("priority-none")).click();
        waitUpTo(10).until(d -> d.findElement(By.id("ticketView")).isDisplayed());

        assertThat(browser.executeScript("return window.lostAnswers")).isEqualTo(1L);
        assertThat(text("issueError")).isEmpty();
        assertThat(waiting("P")).as("one tap, one ticket in the queue").isEqualTo(before + 1);
        assertThat(text("ticketNumber")).matches("P\\d{3}");
    }

    private static int waiting(String letter) {
        for (JsonNode w : api.get("/api/v1/public/branches/TR01/display", null).expect(200).json().get("waiting")) {
            if (w.get("serviceLetter").asText().equals(letter)) {
                return w.get("count").asInt();
            }
        }
        throw new AssertionError("no service " + letter);
    }

    /** The receipt page opens by the unguessable code printed in the QR, not by the receipt number. */
    private static String aReceiptVerificationCode() {
        long counter = api.counterId("TR01", 1);
        api.act("clerk1", "/api/v1/counters/" + counter + "/open");
        return api.raw("POST", "/api/v1/payments", api.token("clerk1"), Api.write(Map.of("customerCode", "100003", "amount", "1.00",
                "method", "CASH", "counterId", counter, "tendered", "1.00")), Map.of("Idempotency-Key", UUID.randomUUID().toString()))
                .expect(201).json().get("verificationCode").asText();
    }

    private static void assertFitsWithoutScrolling(int[] size, String... ids) {
        assertThat(((Number) browser.executeScript("return innerWidth")).intValue()).isEqualTo(size[0]);
        assertThat(((Number) browser.executeScript("return document.documentElement.scrollHeight")).intValue())
                .as("page height at %dx%d", size[0], size[1]).isLessThanOrEqualTo(size[1]);
        assertThat(((Number) browser.executeScript("return document.documentElement.scrollWidth")).intValue())
                .as("page width at %dx%d", size[0], size[1]).isLessThanOrEqualTo(size[0]);
        for (String id : ids) {
            @SuppressWarnings("unchecked")
            Map<String, Number> box = (Map<String, Number>) browser.executeScript(
                    "const r = document.getElementById(arguments[0]).getBoundingClientRect();"
                    + "return {top: r.top, bottom: r.bottom, left: r.left, right: r.right};", id);
            assertThat(box.get("top").doubleValue()).as(id + " top").isGreaterThanOrEqualTo(0);
            assertThat(box.get("left").doubleValue()).as(id + " left").isGreaterThanOrEqualTo(0);
            assertThat(box.get("bottom").doubleValue()).as(id + " bottom at %dx%d", size[0], size[1]).isLessThanOrEqualTo(size[1]);
            assertThat(box.get("right").doubleValue()).as(id + " right at %dx%d", size[0], size[1]).isLessThanOrEqualTo(size[0]);
        }
    }

    @Test
    void everyResponseCarriesTheSecurityHeadersAndThePagesWorkUnderThePolicy() {
        for (String path : List.of("/", "/kiosk/TR01", "/display/TR01", "/t/unknown", "/track", "/track/ANK-2026-ZZZZZZ",
                "/complaint", "/web/i18n.js", "/favicon.ico", "/public/receipts/NONE", "/api/v1/public/branches/TR01/display",
                "/no/such/page")) {
            Api.Response r = api.get(path, null);
            assertThat(r.headers().firstValue("Content-Security-Policy")).as(path).hasValueSatisfying(csp -> assertThat(csp)
                    .contains("script-src 'self'", "style-src 'self'", "frame-ancestors 'none'", "object-src 'none'")
                    .doesNotContain("unsafe-inline", "unsafe-eval"));
            assertThat(r.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
            assertThat(r.headers().firstValue("X-Frame-Options")).as(path).contains("DENY");
            assertThat(r.headers().firstValue("Referrer-Policy")).as(path).contains("no-referrer");
            if (r.contentType() != null && r.contentType().startsWith("text/html")) {
                assertThat(r.body()).as(path + " has no inline script, style or handler")
                        .doesNotContain("<script>", "<style", " style=", " onclick=", " onload=", " onsubmit=");
            }
        }

        // each page runs its scripts under the policy: it renders its live content and the console has no refusal
        open("/");
        waitUpTo(10).until(d -> !d.findElement(By.id("linkTrack")).getText().isEmpty());
        open("/complaint");
        waitUpTo(10).until(d -> !d.findElements(By.cssSelector("#category option")).isEmpty());
        open("/track/ANK-2026-ZZZZZZ");
        waitUpTo(10).until(d -> !d.findElement(By.id("trackError")).getText().isEmpty());
        open("/display/TR01");
        waitUpTo(10).until(d -> d.findElement(By.id("branchName")).getText().contains("Tiranë"));
        open("/kiosk/TR01");
        waitUpTo(10).until(d -> !d.findElement(By.id("langButton")).getText().isEmpty());
        open("/t/no-such-ticket");
        waitUpTo(10).until(d -> d.findElement(By.id("status")).getText().contains("nuk u gjet"));
        open("/public/receipts/" + aReceiptVerificationCode());
        assertThat(browser.findElement(By.className("ok")).getCssValue("color")).as("the receipt page's own stylesheet applies")
                .isEqualTo("rgba(17, 99, 41, 1)");
        assertThat(Chromium.console(browser)).noneMatch(m -> m.contains(SECURE_POLICY_WORDS));

        // and the browser does enforce it: an inline script is refused and reported
        open("/");
        browser.executeScript("const s = document.createElement('script'); s.textContent = 'window.inlineRan = true';"
                + "document.body.appendChild(s);");
        assertThat(browser.executeScript("return window.inlineRan === true")).isEqualTo(false);
        assertThat(Chromium.console(browser)).anyMatch(m -> m.contains(SECURE_POLICY_WORDS));
    }
}
