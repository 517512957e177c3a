package al.sportel.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Paying online from the phone app at phone size (390×844), through the sandbox's hosted page, in headless
 * Chromium against the real server: the success card ends on the receipt, the decline card on the declined
 * message, and a webhook replayed twice still leaves one payment. axe-core checks each screen on the way.
 */
class PayBrowserTest {

    private static final Set<String> BLOCKING = Set.of("serious", "critical");
    private static final String SUCCESS = "4242 4242 4242 4242";
    private static final String DECLINE = "4000 0000 0000 0002";
    private static TestServer server;
    private static OnlinePayer payer;
    private static ChromeDriver browser;
    private static Iterator<String> debtors;
    private static final List<String> AXE = new ArrayList<>();

    @BeforeAll
    static void start() {
        Assumptions.assumeTrue(Chromium.available(), "needs Debian's chromium and chromium-driver (.ci/run installs them)");
        server = TestServer.start();
        payer = new OnlinePayer(server);
        debtors = payer.debtors().iterator();
        browser = Chromium.start();
        Chromium.viewport(browser, 390, 844);
    }

    @AfterAll
    static void stop() {
        System.out.println("PayBrowserTest axe: " + AXE);
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

    /** A fresh tab session, Albanian, signed in as {@code customer}, on the Pay screen. */
    private static void signInToPay(String customer) {
        browser.get(server.baseUrl() + "/app");
        browser.executeScript("sessionStorage.clear(); localStorage.setItem('sportel.lang', 'sq'); localStorage.removeItem('sportel.a11y')");
        browser.get(server.baseUrl() + "/app#/signin?next=pay");
        waitUpTo(10).until(d -> d.findElement(By.id("signinCode")).isDisplayed());
        browser.findElement(By.id("signinCode")).sendKeys(customer);
        browser.findElement(By.id("signinProof")).sendKeys(CitizenAccountTest.lastBillAmount(server, customer));
        browser.findElement(By.id("signinButton")).click();
        waitUpTo(10).until(d -> d.findElement(By.id("payButton")).isDisplayed());
    }

    private static void toSandboxPage() {
        browser.findElement(By.id("payButton")).click();
        waitUpTo(10).until(d -> d.getCurrentUrl().contains("/pay/sandbox/"));
        waitUpTo(10).until(d -> !d.findElement(By.id("amount")).getText().isEmpty());
    }

    private static void card(String number) {
        WebElement field = browser.findElement(By.id("number"));
        field.clear();
        field.sendKeys(number);
        browser.findElement(By.id("expiry")).clear();
        browser.findElement(By.id("expiry")).sendKeys("1239");
        browser.findElement(By.id("cvc")).clear();
        browser.findElement(By.id("cvc")).sendKeys("123");
        browser.findElement(By.id("payButton")).click();
    }

    private static String refOfResult() {
        waitUpTo(15).until(d -> d.getCurrentUrl().contains("#/pay-result?ref="));
        return browser.getCurrentUrl().replaceAll(".*ref=([A-Z0-9]+).*", "$1");
    }

    private static void axe(String label) {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(browser);
        assertThat(results.getPasses()).as("axe ran on " + label).isNotEmpty();
        AXE.add(label + ": " + results.getViolations().size() + " " + results.getViolations().stream().map(r -> r.getId() + "/" + r.getImpact()).toList());
        List<String> blocking = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            if (BLOCKING.contains(rule.getImpact())) {
                blocking.add(rule.getId() + " (" + rule.getImpact() + "): " + rule.getNodes().get(0).getTarget());
            }
        }
        assertThat(blocking).as(label).isEmpty();
    }

    @Test
    void theSuccessCardEndsOnTheReceiptAndAReplayedWebhookChangesNothing() throws Exception {
        String customer = debtors.next();
        signInToPay(customer);
        assertThat(browser.findElement(By.id("payDue")).getText()).contains("lekë");
        axe("pay screen");
        Chromium.screenshot(browser, "pay-screen");
        browser.findElement(By.id("payOther")).click();
        browser.findElement(By.id("payAmount")).sendKeys("999999999");
        browser.findElement(By.id("payButton")).click();
        assertThat(browser.findElement(By.id("payError")).getText()).contains("më e madhe");
        browser.findElement(By.id("payAll")).click();

        toSandboxPage();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Pagesë me kartë (provë)");
        axe("sandbox hosted page");
        Chromium.screenshot(browser, "pay-sandbox");
        card("4242 4242 4242 4241");
        waitUpTo(5).until(d -> !d.findElement(By.id("err-number")).getText().isEmpty());
        assertThat(browser.findElement(By.id("number")).getAttribute("aria-invalid")).isEqualTo("true");
        axe("sandbox hosted page with errors");
        Chromium.screenshot(browser, "pay-sandbox-errors");

        card(SUCCESS);
        String ref = refOfResult();
        waitUpTo(20).until(d -> d.findElement(By.id("payReceiptNumber")).isDisplayed());
        String receipt = browser.findElement(By.id("payReceiptNumber")).getText();
        assertThat(receipt).startsWith("CH-SANDBOX-");
        assertThat(browser.findElement(By.id("payOutcome")).getText()).isEqualTo("Pagesa u krye. Faleminderit!");
        assertThat(browser.findElement(By.id("payVerify")).getAttribute("href")).contains("/public/receipts/");
        axe("pay result, paid");
        Chromium.screenshot(browser, "pay-result-paid");

        // the provider delivers the same webhook twice more: still one payment, on the ledger and on the screen
        String amount = amountOf(ref);
        payer.webhook(ref, "PAID", amount).expect(200);
        payer.webhook(ref, "PAID", amount).expect(200);
        assertThat(payer.ledgerEntries(ref)).isEqualTo(1);
        assertThat(payer.deliveriesSeen(ref)).isEqualTo(3);
        browser.get(server.baseUrl() + "/app#/account");
        waitUpTo(10).until(d -> !d.findElements(By.cssSelector("#payments li")).isEmpty());
        long shown = browser.findElements(By.cssSelector("#payments li")).stream().filter(li -> li.getText().contains(receipt)).count();
        assertThat(shown).isEqualTo(1);
        WebElement line = browser.findElements(By.cssSelector("#payments li")).stream().filter(li -> li.getText().contains(receipt)).findFirst()
                .orElseThrow();
        assertThat(line.getText()).contains("Online — Sandbox");
        assertThat(line.findElement(By.cssSelector("a.verify")).getAttribute("href")).contains("/public/receipts/");
        assertThat(payer.owed(customer)).isZero();
    }

    @Test
    void theDeclineCardEndsOnTheDeclinedMessageAndCancelOnTheCancelledOne() throws Exception {
        String customer = debtors.next();
        signInToPay(customer);
        long due = payer.owed(customer);
        toSandboxPage();
        browser.findElement(By.id("langButton")).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Card payment (test)");
        browser.findElement(By.id("langButton")).click();
        browser.findElement(By.id("switch-contrast")).click();
        axe("sandbox hosted page, high contrast");
        browser.findElement(By.id("switch-contrast")).click();
        card(DECLINE);
        String ref = refOfResult();
        waitUpTo(20).until(d -> d.findElement(By.id("payOutcome")).isDisplayed());
        assertThat(browser.findElement(By.id("payOutcome")).getText()).isEqualTo("Karta u refuzua. Asnjë para nuk u mor.");
        axe("pay result, declined");
        Chromium.screenshot(browser, "pay-result-declined");
        assertThat(payer.ledgerEntries(ref)).isZero();

        browser.findElement(By.id("payAgain")).click();
        waitUpTo(10).until(d -> d.findElement(By.id("payButton")).isDisplayed());
        toSandboxPage();
        browser.findElement(By.id("cancelButton")).click();
        refOfResult();
        waitUpTo(20).until(d -> d.findElement(By.id("payOutcome")).isDisplayed());
        assertThat(browser.findElement(By.id("payOutcome")).getText()).isEqualTo("Pagesa u anulua. Asnjë para nuk u mor.");
        assertThat(payer.owed(customer)).isEqualTo(due);
    }

    @Test
    void aPaymentTheProviderReportsWithAnotherAmountSaysItIsBeingCheckedAndOffersNoRetry() throws Exception {
        String customer = debtors.next();
        signInToPay(customer);
        toSandboxPage();
        String ref = browser.getCurrentUrl().replaceAll(".*/pay/sandbox/([A-Z0-9]+).*", "$1");
        String other = new BigDecimal(amountOf(ref)).add(BigDecimal.ONE).toPlainString();
        assertThat(payer.webhook(ref, "PAID", other).expect(200).json().get("status").asText()).isEqualTo("AMOUNT_MISMATCH");

        browser.get(server.baseUrl() + "/app#/pay-result?ref=" + ref);
        waitUpTo(20).until(d -> d.findElement(By.id("payOutcome")).isDisplayed());
        assertThat(browser.findElement(By.id("payOutcome")).getText()).isEqualTo("Pagesën tuaj po e kontrollojmë ne. Mos paguani përsëri.");
        assertThat(browser.findElement(By.id("payReview")).getText()).contains("shumë tjetër").contains(ref).doesNotContain("Asnjë para");
        assertThat(browser.findElements(By.id("payAgain"))).isEmpty();
        axe("pay result, amount being checked");
        Chromium.screenshot(browser, "pay-result-review");

        browser.executeScript("localStorage.setItem('sportel.lang', 'en')");
        browser.navigate().refresh();
        waitUpTo(20).until(d -> d.findElement(By.id("payOutcome")).isDisplayed());
        assertThat(browser.findElement(By.id("payOutcome")).getText()).isEqualTo("We are checking your payment. Do not pay again.");
        assertThat(browser.findElement(By.id("payReview")).getText()).contains("different").doesNotContain("No money");
        assertThat(browser.findElements(By.id("payAgain"))).isEmpty();
        assertThat(payer.ledgerEntries(ref)).isZero();
    }

    private static String amountOf(String ref) {
        return server.server().database().read(h -> h.createQuery("SELECT amount FROM online_payments WHERE ref = :r")
                .bind("r", ref).map((rs, x) -> BigDecimal.valueOf(rs.getLong(1), 2).toPlainString()).one());
    }
}
