package al.sportel.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The waiting-room display after a lost connection: the stream replays the calls it missed, and a call
 * from minutes ago only updates the board; it is not chimed and said again as if it were new. The
 * server's clock runs two minutes behind the real one at first, so a call made while the display is
 * cut off is already old when it is replayed, without the test waiting for it to age.
 */
class DisplayReplayBrowserTest {

    /** Keeps the page's EventSources reachable, and what they delivered, so the test can cut the stream. */
    private static final String STREAM_SPY = """
            (() => {
              const Real = window.EventSource;
              window.streams = [];
              window.calledEvents = [];
              function Spied(url, init) {
                const s = new Real(url, init);
                window.streams.push(s);
                s.addEventListener('ticket.called', e => window.calledEvents.push(JSON.parse(e.data).ticket.number));
                return s;
              }
              Spied.CONNECTING = Real.CONNECTING;
              Spied.OPEN = Real.OPEN;
              Spied.CLOSED = Real.CLOSED;
              window.EventSource = Spied;
            })();
            """;

    private static MutableClock clock;
    private static TestServer server;
    private static Api api;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() {
        Assumptions.assumeTrue(Chromium.available(), "needs Debian's chromium and chromium-driver (.ci/run installs them)");
        clock = new MutableClock(Instant.now().minus(Duration.ofMinutes(2)));
        server = TestServer.start(clock);
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

    private static WebDriverWait waitUpTo(int seconds) {
        return (WebDriverWait) new WebDriverWait(browser, Duration.ofSeconds(seconds)).ignoring(StaleElementReferenceException.class);
    }

    private static Object js(String script) {
        return browser.executeScript(script);
    }

    @Test
    void aCallReplayedAfterAReconnectUpdatesTheBoardWithoutBeingAnnouncedAgain() throws Exception {
        long counter = api.counterId("TR01", 2);
        api.put("/api/v1/counters/" + counter + "/services", api.token("supervisor1"),
                Map.of("serviceIds", List.of(api.serviceId("TR01", "A")))).expect(200);
        api.act("clerk2", "/api/v1/counters/" + counter + "/open").expect(200);
        String number = api.issue("TR01", "A", false).get("number").asText();

        browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", STREAM_SPY));
        browser.get(server.baseUrl() + "/display/TR01");
        waitUpTo(10).until(d -> "object".equals(js("return typeof SportelVoice")));
        waitUpTo(10).until(d -> Boolean.TRUE.equals(js("return streams.length === 1 && streams[0].readyState === EventSource.OPEN")));

        // the connection drops (as liveStream sees it: an error on a closed stream), and meanwhile the ticket is called
        js("streams[0].close(); streams[0].onerror();");
        String id = api.act("clerk2", "/api/v1/counters/" + counter + "/call-next").expect(200).json().get("id").asText();

        // reconnected, the stream replays the call: the board shows it, but nothing is chimed, flashed or said
        waitUpTo(15).until(d -> Boolean.TRUE.equals(js("return streams.length === 2 && calledEvents.includes('" + number + "')")));
        waitUpTo(10).until(d -> d.findElement(By.id("lastCall")).getText().contains(number));
        Thread.sleep(2000); // an announcement waits 800 ms for the chime, then fetches its clips
        assertThat((List<?>) js("return SportelVoice.announced")).as("a replayed call from two minutes ago").isEmpty();
        assertThat(browser.findElement(By.id("now")).getDomAttribute("class")).doesNotContain("flash");

        // a recall now is news again (it sets calledAt anew) and is said as before
        clock.advance(Duration.between(clock.instant(), Instant.now()));
        api.act("clerk2", "/api/v1/tickets/" + id + "/recall").expect(200);
        waitUpTo(20).until(d -> ((List<?>) js("return SportelVoice.announced")).size() == 1);
        assertThat(browser.findElement(By.id("now")).getDomAttribute("class")).contains("flash");
    }
}
