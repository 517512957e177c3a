package al.sportel.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The phone's ticket page when its event stream cannot open, in a real headless Chromium: the server
 * allows one display stream per address and someone behind the same address already holds it, so the
 * page's stream gets 429 on every try. The page reads its ticket by itself instead, shows the call,
 * and goes back to the stream once one is free.
 */
class PhoneWithoutStreamBrowserTest {

    private static final String STREAM = "/api/v1/public/branches/TR01/display/events";
    private static BrowserSession session;

    @BeforeAll
    static void start() {
        // the test waits up to 15 s between taking the ticket and calling it: a noon clock keeps midnight out of it
        session = BrowserSession.start(c -> c.withClock(NoonClock.today()).withSecurity(c.security().withThrottles(
                c.security().trackLookupsPerMinute(), c.security().kioskTicketsPerMinute(), 1)));
    }

    @AfterAll
    static void stop() {
        if (session != null) {
            session.close();
        }
    }

    private static boolean shown(String id) {
        return session.browser.findElement(By.id(id)).isDisplayed();
    }

    @Test
    void aCustomerWhoseStreamIsRefusedStillSeesTheCallAndTheStreamTakesOverWhenFree() throws Exception {
        Api api = session.api;
        long counter = api.counterId("TR01", 1);
        api.act("clerk1", "/api/v1/counters/" + counter + "/open").expect(200);
        JsonNode ticket = api.issue("TR01", "P", false);
        String id = ticket.get("id").asText();

        try (SseReader held = new SseReader(session.server.baseUrl() + STREAM, null, null)) {
            assertThat(held.awaitStatus()).isEqualTo(200);
            api.raw("GET", STREAM, null, "", Map.of("Accept", "text/event-stream")).expect(429);

            session.open("/t/" + id);
            session.waitUpTo(10).until(d -> session.text("number").equals(ticket.get("number").asText()));
            assertThat(session.text("position")).isEqualTo("Pozicioni në radhë: 1");
            // not "reconnecting" forever: after a few seconds it says it refreshes by itself
            session.waitUpTo(15).until(d -> shown("polling"));
            assertThat(session.text("polling")).isEqualTo("Lidhja e drejtpërdrejtë nuk hapet; faqja rifreskohet vetë çdo disa sekonda.");
            assertThat(shown("offline")).isFalse();

            api.act("clerk1", "/api/v1/counters/" + counter + "/call-next").expect(200);
            session.waitUpTo(15).until(d -> shown("turn"));
            assertThat(session.text("turn")).isEqualTo("Është radha juaj! Shkoni te sporteli 1");
            api.raw("GET", STREAM, null, "", Map.of("Accept", "text/event-stream")).expect(429); // still refused meanwhile
        }

        // The other stream has ended (the server notices at its next keep-alive, within 15 s): the page's next try,
        // at most 30 s apart while refused, opens its own stream, and it stops polling; the stream brings the next change.
        session.waitUpTo(75).until(d -> !shown("polling"));
        assertThat(shown("offline")).isFalse();
        api.act("clerk1", "/api/v1/tickets/" + id + "/start").expect(200);
        session.waitUpTo(5).until(d -> session.text("status").equals("Po shërbeheni te sporteli 1"));
    }
}
