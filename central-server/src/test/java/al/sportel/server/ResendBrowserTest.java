package al.sportel.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One submission, one record (docs/decisions/0019-one-submission-one-record.md) in headless Chromium: the network
 * loses the answer after the server has filed the case, the citizen presses Send again, and the page sends the same
 * Idempotency-Key (web/submission.js), so the server answers with that case instead of filing a second one.
 */
class ResendBrowserTest {

    /** Loses the first answer to a POST whose address ends in {@code path}, and keeps every such POST's key. */
    private static final String LOSE_FIRST_ANSWER = """
            const path = arguments[0], send = window.fetch; window.lostAnswers = 0; window.sentKeys = [];
            window.fetch = async (url, options) => {
              const r = await send(url, options);
              if (String(url).endsWith(path) && options && options.method === 'POST') {
                window.sentKeys.push((options.headers || {})['Idempotency-Key'] || null);
                if (window.lostAnswers === 0) { window.lostAnswers++; throw new TypeError('Failed to fetch'); }
              }
              return r;
            };""";

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

    private static int casesNamed(String name) {
        return server.server().database().read(h -> h.createQuery("SELECT COUNT(*) FROM cases WHERE name = :n").bind("n", name)
                .mapTo(Integer.class).one());
    }

    @SuppressWarnings("unchecked")
    private static List<String> sentKeys() {
        return (List<String>) browser.executeScript("return window.sentKeys");
    }

    @Test
    void theAppsCaseWithAPhotoWhoseAnswerWasLostIsFiledOnceWhenSentAgain() throws Exception {
        Chromium.viewport(browser, 390, 844);
        browser.get(server.baseUrl() + "/app#/complain");
        waitUpTo(10).until(d -> !d.findElements(By.cssSelector("#caseCategory option")).isEmpty());
        browser.executeScript(LOSE_FIRST_ANSWER, "/api/v1/public/app/cases");
        Path photo = Files.createTempFile("meter", ".png");
        Files.write(photo, AppAccountCasesTest.PNG);
        new Select(browser.findElement(By.id("caseCategory"))).selectByValue("METER_READING");
        browser.findElement(By.id("caseName")).sendKeys("Besa Resend");
        browser.findElement(By.id("casePhone")).sendKeys("069 765 4321");
        browser.findElement(By.id("caseDescription")).sendKeys("Matësi tregon më shumë se fatura e muajit të kaluar.");
        browser.findElement(By.id("caseFiles")).sendKeys(photo.toString());

        browser.findElement(By.id("caseSend")).click();
        waitUpTo(15).until(d -> !d.findElement(By.cssSelector("#caseForm .error")).getText().isEmpty());
        assertThat(casesNamed("Besa Resend")).as("the server filed it; only the answer was lost").isEqualTo(1);
        waitUpTo(5).until(d -> d.findElement(By.id("caseSend")).isEnabled());
        browser.findElement(By.id("caseSend")).click();
        waitUpTo(15).until(d -> !d.findElements(By.id("trackingCode")).isEmpty());

        String code = browser.findElement(By.id("trackingCode")).getText();
        assertThat(casesNamed("Besa Resend")).as("one submission, one case").isEqualTo(1);
        String filedAs = server.server().database().read(h -> h.createQuery("SELECT name FROM cases WHERE tracking_code = :c")
                .bind("c", code).mapTo(String.class).one());
        assertThat(filedAs).isEqualTo("Besa Resend");
        assertThat(sentKeys()).hasSize(2).doesNotContainNull();
        assertThat(sentKeys().get(1)).as("the retry carries the first send's key").isEqualTo(sentKeys().get(0));
        Files.delete(photo);
    }

    @Test
    void theWebFormsComplaintWhoseAnswerWasLostIsFiledOnceWhenSentAgain() {
        Chromium.viewport(browser, 1280, 900);
        browser.get(server.baseUrl() + "/complaint");
        waitUpTo(10).until(d -> !d.findElements(By.cssSelector("#category option")).isEmpty());
        browser.executeScript(LOSE_FIRST_ANSWER, "/api/v1/public/complaints");
        new Select(browser.findElement(By.id("category"))).selectByValue("WRONG_BILL");
        browser.findElement(By.id("name")).sendKeys("Genti Resend");
        browser.findElement(By.id("email")).sendKeys("genti@example.al");
        browser.findElement(By.id("description")).sendKeys("Fatura e nëntorit erdhi dy herë.");

        browser.findElement(By.id("sendButton")).click();
        waitUpTo(10).until(d -> !d.findElement(By.id("formError")).getText().isEmpty());
        assertThat(casesNamed("Genti Resend")).isEqualTo(1);
        waitUpTo(5).until(d -> d.findElement(By.id("sendButton")).isEnabled());
        browser.findElement(By.id("sendButton")).click();
        waitUpTo(10).until(d -> !d.findElement(By.id("trackingCode")).getText().isEmpty());

        assertThat(casesNamed("Genti Resend")).as("one submission, one complaint").isEqualTo(1);
        assertThat(sentKeys()).hasSize(2).doesNotContainNull();
        assertThat(sentKeys().get(1)).isEqualTo(sentKeys().get(0));
    }
}
