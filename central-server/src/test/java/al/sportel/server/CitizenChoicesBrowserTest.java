package al.sportel.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 20's citizen-side choices in a real headless Chromium: the priority category chosen at the kiosk,
 * the rating asked on the phone view once a ticket is served (one per ticket), and booking an hour on the
 * booking page until it is full; axe-core on each new screen.
 */
class CitizenChoicesBrowserTest {

    private static final ZoneId TIRANE = ZoneId.of("Europe/Tirane");
    private static BrowserSession s;
    private static final List<String> VIOLATIONS = new ArrayList<>();

    @BeforeAll
    static void start() {
        s = BrowserSession.start();
        s.api.act("clerk1", "/api/v1/counters/" + s.api.counterId("TR01", 1) + "/open").expect(200);
    }

    @AfterAll
    static void stop() {
        if (s != null) {
            s.close();
        }
    }

    @Test
    void aCategoryChosenAtTheKioskGivesAPriorityTicketThatSaysIt() throws Exception {
        // "others" are configured by an admin and appear at the kiosk beside the three built-in ones
        s.api.put("/api/v1/priority-categories/VETERAN", s.api.token("admin"), Map.of("name", "Veteranë", "nameEn", "Veterans")).expect(200);
        Chromium.viewport(s.browser, 1080, 1920);
        s.kioskHome("TR01");
        s.browser.findElement(By.id("goTicket")).click();
        s.waitUpTo(10).until(d -> {
            d.findElement(By.id("service-P")).click(); // retried if the button was being redrawn
            return true;
        });
        s.waitUpTo(10).until(d -> d.findElements(By.id("priority-VETERAN")).size() == 1);
        assertThat(s.browser.findElements(By.cssSelector("#priorities .priority-choice"))).extracting(e -> e.getText().split("\n")[0])
                .containsExactly("Pa përparësi", "Të moshuar", "Me aftësi të kufizuara", "Shtatzënë", "Veteranë");
        assertThat(s.text("priorityService")).startsWith("Shërbimi: ");
        VIOLATIONS.addAll(s.blockingViolations("kiosk priority step"));
        Chromium.screenshot(s.browser, "kiosk-priority-1080x1920");

        s.browser.findElement(By.id("priority-ELDERLY")).click();
        s.waitUpTo(10).until(d -> d.findElement(By.id("ticketView")).isDisplayed());
        assertThat(s.text("ticketPriority")).isEqualTo("Me përparësi: Të moshuar");
        String id = s.browser.findElement(By.id("ticketQr")).getDomAttribute("src").replaceAll(".*/public/tickets/([^/]+)/qr.svg", "$1");
        JsonNode ticket = s.api.get("/api/v1/tickets/" + id, s.api.token("admin")).expect(200).json();
        assertThat(ticket.get("priority").asBoolean()).isTrue();
        assertThat(ticket.get("priorityCategory").asText()).isEqualTo("ELDERLY");
        Chromium.screenshot(s.browser, "kiosk-priority-ticket-1080x1920");

        // "no priority" gives an ordinary ticket, and the ticket says nothing about priority
        s.browser.findElement(By.id("doneButton")).click();
        s.browser.findElement(By.id("goTicket")).click();
        s.waitUpTo(10).until(d -> {
            d.findElement(By.id("service-P")).click();
            return true;
        });
        s.waitUpTo(10).until(d -> d.findElement(By.id("priority-none")).isDisplayed());
        s.browser.findElement(By.id("priority-none")).click();
        s.waitUpTo(10).until(d -> d.findElement(By.id("ticketView")).isDisplayed());
        assertThat(s.browser.findElement(By.id("ticketPriority")).isDisplayed()).isFalse();
        assertThat(VIOLATIONS).isEmpty();
    }

    @Test
    void thePhoneViewAsksForOneRatingOnceTheTicketIsServed() throws Exception {
        long counter = s.api.counterId("TR01", 3);
        s.api.put("/api/v1/counters/" + counter + "/services", s.api.token("supervisor1"),
                Map.of("serviceIds", List.of(s.api.serviceId("TR01", "K")))).expect(200);
        s.api.act("clerk3", "/api/v1/counters/" + counter + "/open").expect(200);
        String id = s.api.issue("TR01", "K", false).get("id").asText();
        Chromium.viewport(s.browser, 390, 844);
        s.open("/t/" + id);
        s.browser.executeScript("localStorage.setItem('sportel.lang', 'sq')");
        s.waitUpTo(10).until(d -> d.findElement(By.id("position")).getText().startsWith("Pozicioni në radhë"));
        assertThat(s.browser.findElement(By.id("rating")).isDisplayed())
                .as("nothing to rate while waiting").isFalse();

        s.api.act("clerk3", "/api/v1/counters/" + counter + "/call-next").expect(200);
        s.api.act("clerk3", "/api/v1/tickets/" + id + "/start").expect(200);
        s.api.act("clerk3", "/api/v1/tickets/" + id + "/finish").expect(200);
        s.waitUpTo(10).until(d -> d.findElement(By.id("rating")).isDisplayed());
        assertThat(s.browser.findElement(By.cssSelector("#rating legend")).getText()).startsWith("Si ju shërbyem?");
        VIOLATIONS.addAll(s.blockingViolations("phone view rating"));
        s.browser.findElement(By.id("ratingSend")).click();
        assertThat(s.text("ratingMessage")).isEqualTo("Zgjidhni një vlerësim nga 1 deri në 5.");
        s.browser.findElement(By.cssSelector("label[for='score-4']")).click();
        assertThat(s.browser.findElement(By.id("score-4")).isSelected()).isTrue();
        s.browser.findElement(By.id("ratingComment")).sendKeys("Shpejt dhe me mirësjellje");
        Chromium.screenshot(s.browser, "phone-rating-390x844");
        s.browser.findElement(By.id("ratingSend")).click();
        s.waitUpTo(10).until(d -> d.findElement(By.id("ratingMessage")).getText().equals("Faleminderit për vlerësimin!"));
        assertThat(s.browser.findElement(By.id("rating")).isDisplayed()).isFalse();
        Chromium.screenshot(s.browser, "phone-rating-thanks-390x844");
        s.browser.navigate().refresh();
        s.waitUpTo(10).until(d -> !d.findElement(By.id("status")).getText().isEmpty());
        assertThat(s.browser.findElement(By.id("rating")).isDisplayed()).as("asked once on this phone").isFalse();

        // Another phone (nothing remembered) may try again: the server keeps the first rating and the page says so.
        s.browser.executeScript("localStorage.removeItem('sportel.rated.' + arguments[0])", id);
        s.browser.navigate().refresh();
        s.waitUpTo(10).until(d -> d.findElement(By.id("rating")).isDisplayed());
        s.browser.findElement(By.cssSelector("label[for='score-1']")).click();
        s.browser.findElement(By.id("ratingSend")).click();
        s.waitUpTo(10).until(d -> d.findElement(By.id("ratingMessage")).getText()
                .equals("Kjo biletë është vlerësuar tashmë. Çdo biletë vlerësohet një herë."));
        Chromium.screenshot(s.browser, "phone-rating-already-390x844");
        JsonNode report = s.api.get("/api/v1/reports/clerks?branchCode=TR01&from=" + today() + "&to=" + today(),
                s.api.token("supervisor1")).expect(200).json();
        JsonNode k = null;
        for (JsonNode r : report.get("ratingsByService")) {
            k = r.get("letter").asText().equals("K") ? r : k;
        }
        assertThat(k).as("service K rated").isNotNull();
        assertThat(k.get("ratings").asInt()).as("the second rating was refused").isEqualTo(1);
        assertThat(k.get("averageRating").asDouble()).isEqualTo(4.0);
        assertThat(VIOLATIONS).isEmpty();
    }

    @Test
    void aCitizenBooksAFreeHourAndSeesItTakenAndFull() throws Exception {
        long service = s.api.serviceId("TR01", "P");
        s.api.put("/api/v1/services/" + service + "/appointment-capacity", s.api.token("supervisor1"),
                Map.of("hours", List.of(Map.of("hour", 10, "capacity", 1), Map.of("hour", 11, "capacity", 2)))).expect(200);
        LocalDate tomorrow = today().plusDays(1);
        Chromium.viewport(s.browser, 390, 844);
        s.open("/book/TR01");
        s.browser.executeScript("localStorage.setItem('sportel.lang', 'sq')");
        s.browser.navigate().refresh();
        s.waitUpTo(10).until(d -> d.findElements(By.cssSelector("#bookService option")).size() > 1);
        new Select(s.browser.findElement(By.id("bookService"))).selectByValue(String.valueOf(service));
        new Select(s.browser.findElement(By.id("bookDate"))).selectByValue(tomorrow.toString());
        s.waitUpTo(10).until(d -> d.findElements(By.cssSelector("#slots[data-day='" + tomorrow + "'] label[for='slot-11']")).size() == 1);
        assertThat(s.browser.findElement(By.cssSelector("label[for='slot-10']")).getText()).isEqualTo("10:00–11:00\n1 të lira");

        s.browser.findElement(By.id("bookButton")).click();
        assertThat(s.text("err-start")).isEqualTo("Zgjidhni një orë të lirë.");
        s.browser.findElement(By.cssSelector("label[for='slot-10']")).click();
        s.browser.findElement(By.id("bookButton")).click();
        assertThat(s.text("err-name")).isEqualTo("Shkruani emrin tuaj.");
        assertThat(s.browser.switchTo().activeElement().getDomAttribute("id")).isEqualTo("bookName");
        s.browser.findElement(By.id("bookName")).sendKeys("Arta Hoxha");
        s.browser.findElement(By.id("bookPhone")).sendKeys("+355 69 123 4567");
        VIOLATIONS.addAll(s.blockingViolations("booking form"));
        Chromium.screenshot(s.browser, "book-form-390x844");
        s.browser.findElement(By.id("bookButton")).click();
        s.waitUpTo(10).until(d -> d.findElement(By.id("bookDone")).isDisplayed());
        String code = s.text("bookCode");
        assertThat(code).matches("[A-Z2-9]{6}");
        assertThat(s.text("bookWhen")).contains(tomorrow.getDayOfMonth() < 10 ? "0" + tomorrow.getDayOfMonth() : "" + tomorrow.getDayOfMonth())
                .contains("ora 10:00–11:00");
        assertThat(s.text("bookCheckIn")).contains("60 minuta para");
        assertThat(s.text("bookReminder")).contains("+355 69 123 4567");
        VIOLATIONS.addAll(s.blockingViolations("booking confirmation"));
        Chromium.screenshot(s.browser, "book-confirmation-390x844");
        JsonNode day = s.api.get("/api/v1/branches/TR01/appointments?date=" + tomorrow, s.api.token("supervisor1")).expect(200).json();
        assertThat(day.findValuesAsText("code")).contains(code);

        // the hour just booked is now full; another citizen takes the last place of 11:00 while this page shows it free
        s.browser.findElement(By.id("bookAnother")).click();
        s.waitUpTo(10).until(d -> d.findElement(By.cssSelector("label[for='slot-10']")).getText().endsWith("e plotë"));
        assertThat(s.browser.findElement(By.id("slot-10")).isEnabled()).isFalse();
        String eleven = s.browser.findElement(By.id("slot-11")).getDomAttribute("value");
        s.browser.findElement(By.cssSelector("label[for='slot-11']")).click();
        s.browser.findElement(By.id("bookName")).sendKeys("Besnik Dervishi");
        for (String name : List.of("Drita Leka", "Genti Mema")) {
            s.api.post("/api/v1/public/branches/TR01/appointments", null, Map.of("serviceId", service, "start", eleven, "name", name))
                    .expect(201);
        }
        s.browser.findElement(By.id("bookButton")).click();
        s.waitUpTo(10).until(d -> d.findElement(By.id("err-start")).getText().equals("Kjo orë sapo u mbush. Zgjidhni një orë tjetër."));
        s.waitUpTo(10).until(d -> !d.findElement(By.id("slot-11")).isEnabled());
        Chromium.screenshot(s.browser, "book-slot-full-390x844");
        assertThat(VIOLATIONS).isEmpty();
    }

    @Test
    void aDoubleTapOnCancelCancelsOnceAndSaysSoInTheCitizensLanguage() {
        long service = s.api.serviceId("TR01", "A");
        s.api.put("/api/v1/services/" + service + "/appointment-capacity", s.api.token("supervisor1"),
                Map.of("hours", List.of(Map.of("hour", 15, "capacity", 2)))).expect(200);
        LocalDate tomorrow = today().plusDays(1);
        s.open("/book/TR01");
        s.browser.executeScript("localStorage.setItem('sportel.lang', 'sq')");
        s.browser.navigate().refresh();
        s.waitUpTo(10).until(d -> d.findElements(By.cssSelector("#bookService option")).size() > 1);
        new Select(s.browser.findElement(By.id("bookService"))).selectByValue(String.valueOf(service));
        new Select(s.browser.findElement(By.id("bookDate"))).selectByValue(tomorrow.toString());
        s.waitUpTo(10).until(d -> d.findElements(By.cssSelector("#slots[data-day='" + tomorrow + "'] label[for='slot-15']")).size() == 1);
        s.browser.findElement(By.cssSelector("label[for='slot-15']")).click();
        s.browser.findElement(By.id("bookName")).sendKeys("Ilir Kola");
        s.browser.findElement(By.id("bookButton")).click();
        s.waitUpTo(10).until(d -> d.findElement(By.id("bookDone")).isDisplayed());
        String code = s.text("bookCode");

        // two taps before the first answer: the second finds the button held, and no 409 replaces "cancelled"
        s.browser.executeScript("const b = document.getElementById('bookCancel'); b.click(); b.click();");
        s.waitUpTo(10).until(d -> !d.findElement(By.id("cancelMessage")).getText().isEmpty());
        assertThat(s.text("cancelMessage")).isEqualTo("Takimi u anulua.");
        assertThat(s.browser.findElement(By.id("bookCancel")).isDisplayed()).isFalse();
        JsonNode day = s.api.get("/api/v1/branches/TR01/appointments?date=" + tomorrow, s.api.token("supervisor1")).expect(200).json();
        for (JsonNode a : day) {
            if (a.get("code").asText().equals(code)) {
                assertThat(a.get("status").asText()).isEqualTo("CANCELLED");
            }
        }

        // cancelled elsewhere meanwhile (at a counter, another tab): the page says it in Albanian, not the server's English
        s.browser.findElement(By.id("bookAnother")).click();
        s.waitUpTo(10).until(d -> d.findElement(By.id("bookForm")).isDisplayed());
        new Select(s.browser.findElement(By.id("bookService"))).selectByValue(String.valueOf(service));
        new Select(s.browser.findElement(By.id("bookDate"))).selectByValue(tomorrow.toString());
        s.waitUpTo(10).until(d -> d.findElements(By.cssSelector("#slots[data-day='" + tomorrow + "'] label[for='slot-15']")).size() == 1);
        s.browser.findElement(By.cssSelector("label[for='slot-15']")).click();
        s.browser.findElement(By.id("bookName")).sendKeys("Ilir Kola");
        s.browser.findElement(By.id("bookButton")).click();
        s.waitUpTo(10).until(d -> d.findElement(By.id("bookDone")).isDisplayed());
        String id = (String) s.browser.executeScript("return booked.appointment.id");
        s.api.post("/api/v1/public/appointments/" + id + "/cancel", null, Map.of()).expect(200);
        s.browser.findElement(By.id("bookCancel")).click();
        s.waitUpTo(10).until(d -> !d.findElement(By.id("cancelMessage")).getText().isEmpty());
        assertThat(s.text("cancelMessage")).startsWith("Ky takim nuk mund të anulohet më").doesNotContain("BOOKED").doesNotContain("CANCELLED");
    }

    @Test
    void thePhoneAppBooksAnHourFromItsMenu() throws Exception {
        long service = s.api.serviceId("TR01", "K");
        s.api.put("/api/v1/services/" + service + "/appointment-capacity", s.api.token("supervisor1"),
                Map.of("hours", List.of(Map.of("hour", 14, "capacity", 3)))).expect(200);
        JsonNode centres = s.api.get("/api/v1/public/appointment-centres", null).expect(200).json();
        assertThat(centres.findValuesAsText("code")).contains("TR01").doesNotContain("DR01"); // DR01 takes no appointments
        LocalDate tomorrow = today().plusDays(1);
        Chromium.viewport(s.browser, 390, 844);
        s.open("/app");
        s.browser.executeScript("localStorage.setItem('sportel.lang', 'sq')");
        s.open("/app#/book");
        s.waitUpTo(10).until(d -> d.findElements(By.cssSelector("#appBookService option")).size() >= 1);
        new Select(s.browser.findElement(By.id("appBookCentre"))).selectByValue("TR01");
        new Select(s.browser.findElement(By.id("appBookService"))).selectByValue(String.valueOf(service));
        new Select(s.browser.findElement(By.id("appBookDay"))).selectByValue(tomorrow.toString());
        s.waitUpTo(10).until(d -> d.findElements(By.cssSelector("#appBookSlots[data-day='" + tomorrow + "'] #appSlot-14")).size() == 1);
        assertThat(s.browser.findElement(By.cssSelector("label[for='appSlot-14']")).getText()).isEqualTo("14:00–15:00 · 3 të lira");
        s.browser.findElement(By.id("appSlot-14")).click();
        s.browser.findElement(By.id("appBookName")).sendKeys("Ilir Gjoni");
        VIOLATIONS.addAll(s.blockingViolations("app booking"));
        Chromium.screenshot(s.browser, "book-app-390x844");
        s.browser.findElement(By.id("appBookButton")).click();
        s.waitUpTo(10).until(d -> d.findElements(By.id("appBookCode")).size() == 1);
        assertThat(s.text("appBookCode")).matches("[A-Z2-9]{6}");
        Chromium.screenshot(s.browser, "book-app-done-390x844");
        JsonNode slots = s.api.get("/api/v1/public/branches/TR01/appointment-slots?serviceId=" + service + "&date=" + tomorrow, null)
                .expect(200).json();
        assertThat(slots.get(0).get("free").asInt()).isEqualTo(2);
        s.open("/app#/");
        s.waitUpTo(10).until(d -> d.findElements(By.id("menu-book")).size() == 1);
        assertThat(s.text("menu-book")).contains("Rezervo një takim");
        assertThat(VIOLATIONS).isEmpty();
    }

    @Test
    void anAppointmentChecksInAtTheKioskWithItsCodeAndNotTooEarly() throws Exception {
        long service = s.api.serviceId("TR01", "A");
        ZonedDateTime next = ZonedDateTime.now(TIRANE).truncatedTo(ChronoUnit.HOURS).plusHours(1);
        s.api.put("/api/v1/services/" + service + "/appointment-capacity", s.api.token("supervisor1"),
                Map.of("hours", List.of(Map.of("hour", next.getHour(), "capacity", 5), Map.of("hour", next.plusHours(2).getHour(), "capacity", 5))))
                .expect(200);
        String now = book(service, next);
        String later = book(service, next.plusHours(2));
        Chromium.viewport(s.browser, 1080, 1920);
        s.kioskHome("TR01");
        s.browser.findElement(By.id("goBook")).click();
        s.waitUpTo(5).until(d -> "apptCode".equals(d.switchTo().activeElement().getDomAttribute("id")));
        s.browser.findElement(By.id("apptCode")).sendKeys(later);
        s.browser.findElement(By.id("apptCheckIn")).click();
        s.waitUpTo(10).until(d -> d.findElement(By.id("apptError")).getText()
                .equals("Është shumë herët: paraqituni nga 60 minuta para orës së takimit."));
        VIOLATIONS.addAll(s.blockingViolations("kiosk appointments"));
        Chromium.screenshot(s.browser, "kiosk-appointment-1080x1920");
        s.browser.findElement(By.id("apptCode")).clear();
        for (char c : now.toCharArray()) { // the on-screen keys, as on a kiosk without a keyboard
            s.browser.findElement(By.cssSelector("#apptKeys .key[data-key='" + c + "']")).click();
        }
        s.browser.findElement(By.id("apptCheckIn")).click();
        s.waitUpTo(10).until(d -> d.findElement(By.id("ticketView")).isDisplayed());
        assertThat(s.text("ticketAppointment")).isEqualTo("Takim në orën " + String.format("%02d:00", next.getHour())
                + ": thirreni brenda orës suaj.");
        assertThat(s.text("ticketNumber")).startsWith("A");
        s.browser.findElement(By.id("doneButton")).click();
        s.browser.findElement(By.id("goBook")).click();
        s.browser.findElement(By.id("apptCode")).sendKeys(now);
        s.browser.findElement(By.id("apptCheckIn")).click();
        s.waitUpTo(10).until(d -> d.findElement(By.id("apptError")).getText().equals("Ky takim është paraqitur ose anuluar tashmë."));
        assertThat(VIOLATIONS).isEmpty();
    }

    private static String book(long service, ZonedDateTime start) {
        return s.api.post("/api/v1/public/branches/TR01/appointments", null, Map.of("serviceId", service,
                "start", start.toInstant().toString(), "name", "Mira Kola")).expect(201).json().get("code").asText();
    }

    private static LocalDate today() {
        return LocalDate.now(TIRANE);
    }
}
