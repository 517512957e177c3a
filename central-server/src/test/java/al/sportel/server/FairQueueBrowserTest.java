package al.sportel.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 20 in a real headless Chromium: the counter's rating tablet (paired with the centre's kiosk
 * account), and the display saying a call with the prerecorded clips and showing a no-show that came back.
 */
class FairQueueBrowserTest {

    private static BrowserSession session;
    private static Api api;
    private static WebDriver browser;

    @BeforeAll
    static void start() {
        session = BrowserSession.start();
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

    private static String call(String clerk, long counter) {
        return api.act(clerk, "/api/v1/counters/" + counter + "/call-next").expect(200).json().get("id").asText();
    }

    @Test
    void theCounterTabletIsPairedOnceWithTheKioskAccountThenRatesTheTicketJustServedOnce() {
        long counter = api.counterId("TR01", 3);
        api.put("/api/v1/counters/" + counter + "/services", api.token("supervisor1"),
                Map.of("serviceIds", List.of(api.serviceId("TR01", "K")))).expect(200);
        api.act("clerk3", "/api/v1/counters/" + counter + "/open").expect(200);
        String number = api.issue("TR01", "K", false).get("number").asText();
        String id = call("clerk3", counter);
        api.act("clerk3", "/api/v1/tickets/" + id + "/start").expect(200);
        api.act("clerk3", "/api/v1/tickets/" + id + "/finish").expect(200);

        // A new tablet is not paired: it shows no ticket, only the supervisor's sign-in and why.
        browser.get(session.server.baseUrl() + "/rate/" + counter);
        ((JavascriptExecutor) browser).executeScript("localStorage.clear(); localStorage.setItem('sportel.lang', 'sq')");
        browser.navigate().refresh();
        waitUpTo(10).until(d -> d.findElement(By.id("pairView")).isDisplayed());
        assertThat(browser.findElement(By.id("rateView")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("pairReason")).getText()).contains("nuk është lidhur ende");
        // a clerk's own account does not pair it
        pair("clerk3");
        waitUpTo(10).until(d -> d.findElement(By.id("pairError")).getText().contains("nuk është llogari kioske"));
        assertThat(browser.findElement(By.id("rateView")).isDisplayed()).isFalse();
        // nor does another centre's kiosk
        pair("kiosk2");
        waitUpTo(10).until(d -> d.findElement(By.id("pairReason")).getText().contains("nuk i përket qendrës"));
        assertThat(browser.findElement(By.id("rateView")).isDisplayed()).isFalse();
        // the centre's kiosk account does, and the pairing survives a reload
        pair("kiosk1");
        waitUpTo(10).until(d -> d.findElement(By.id("number")).getText().equals(number));
        browser.navigate().refresh();
        waitUpTo(10).until(d -> d.findElement(By.id("number")).getText().equals(number));
        assertThat(browser.findElement(By.id("pairView")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("question")).getText()).isEqualTo("Si ju shërbyem?");
        browser.findElement(By.cssSelector("#scores button[data-score='4']")).click();
        browser.findElement(By.id("comment")).sendKeys("Shumë i sjellshëm");
        // a double tap: the second finds Send held while the first is out, and no 409 replaces the thanks
        ((JavascriptExecutor) browser).executeScript("const b = document.getElementById('send'); b.click(); b.click();");
        waitUpTo(10).until(d -> d.findElement(By.id("thanks")).isDisplayed());
        assertThat(browser.findElement(By.id("thanks")).getText()).isEqualTo("Faleminderit për vlerësimin!");
        // rated once: the tablet stops asking and the phone cannot rate it again
        waitUpTo(10).until(d -> d.findElement(By.id("number")).getText().isEmpty());
        assertThat(browser.findElement(By.id("thanks")).getText()).isEqualTo("Faleminderit për vlerësimin!");
        api.post("/api/v1/public/tickets/" + id + "/rating", null, Map.of("score", 1)).expect(409);

        // When the tablet's session ends (logged out, expired), it says so and asks to be paired again, in English too.
        String token = (String) ((JavascriptExecutor) browser).executeScript(
                "return localStorage.getItem('sportel.rate.token." + counter + "')");
        api.post("/api/v1/auth/logout", token, null).expect(204);
        waitUpTo(10).until(d -> d.findElement(By.id("pairView")).isDisplayed());
        assertThat(browser.findElement(By.id("pairReason")).getText()).contains("ka skaduar ose është mbyllur");
        browser.findElement(By.id("langButton")).click();
        assertThat(browser.findElement(By.id("pairReason")).getText()).isEqualTo(
                "This tablet’s sign-in has expired or was ended. A supervisor must pair it again with the kiosk account.");
        browser.findElement(By.id("langButton")).click();
    }

    private static void pair(String username) {
        browser.findElement(By.id("pairUser")).clear();
        browser.findElement(By.id("pairUser")).sendKeys(username);
        browser.findElement(By.id("pairPassword")).clear();
        browser.findElement(By.id("pairPassword")).sendKeys("sportel");
        browser.findElement(By.id("pairButton")).click();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDisplaySaysTheCallWithPrerecordedClipsAndShowsANoShowThatCameBack() {
        long counter = api.counterId("TR01", 2);
        api.put("/api/v1/counters/" + counter + "/services", api.token("supervisor1"),
                Map.of("serviceIds", List.of(api.serviceId("TR01", "A")))).expect(200);
        api.act("clerk2", "/api/v1/counters/" + counter + "/open").expect(200);
        browser.get(session.server.baseUrl() + "/display/TR01");
        waitUpTo(10).until(d -> ((JavascriptExecutor) d).executeScript("return typeof SportelVoice") .equals("object"));
        waitUpTo(10).until(d -> !d.findElement(By.id("clock")).getText().isEmpty());
        String number = api.issue("TR01", "A", false).get("number").asText();
        String id = call("clerk2", counter);
        JavascriptExecutor js = (JavascriptExecutor) browser;
        // What the display chose to say; headless Chromium has no sound card, so playing is checked by fetching.
        waitUpTo(20).until(d -> ((List<Object>) js.executeScript("return SportelVoice.announced")).size() >= 1);
        List<Object> clips = (List<Object>) ((List<Object>) js.executeScript("return SportelVoice.announced")).get(0);
        assertThat(clips.stream().map(Object::toString).toList()).containsExactly("/voice/sq/bileta.opus", "/voice/sq/l-a.opus",
                "/voice/sq/n-1.opus", "/voice/sq/sporteli.opus", "/voice/sq/n-2.opus"); // "Bileta A një, sporteli dy"
        for (Object clip : clips) {
            Api.Response audio = api.get(clip.toString(), null).expect(200);
            assertThat(audio.contentType()).isEqualTo("audio/ogg");
        }
        assertThat(number).isEqualTo("A001");

        api.act("clerk2", "/api/v1/tickets/" + id + "/no-show").expect(200);
        api.act("clerk2", "/api/v1/tickets/" + id + "/reactivate").expect(200);
        waitUpTo(10).until(d -> {
            var notes = d.findElements(By.id("voiceNotice"));
            return !notes.isEmpty() && notes.get(0).getText().equals(number + " u rikthye në radhë");
        });
    }
}
