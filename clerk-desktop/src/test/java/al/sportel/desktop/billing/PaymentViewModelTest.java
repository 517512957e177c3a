package al.sportel.desktop.billing;

import al.sportel.model.billing.Customer;
import al.sportel.model.billing.Payment;
import al.sportel.model.billing.UnpaidBill;

import static org.assertj.core.api.Assertions.assertThat;

import al.sportel.desktop.api.ApiException;
import al.sportel.desktop.app.DirectJobs;
import al.sportel.desktop.app.I18n;
import al.sportel.slip.Slip;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The payment panel's logic in plain JUnit: no toolkit, a fake server and outbox behind {@link PaymentDesk}. */
class PaymentViewModelTest {

    private static final Instant NOW = Instant.parse("2026-11-25T09:00:07.250Z");

    private final FakeDesk desk = new FakeDesk();
    private final List<PaymentViewModel.Paid> paid = new ArrayList<>();
    private PaymentViewModel vm;

    @BeforeEach
    void setUp() {
        vm = new PaymentViewModel(desk, new DirectJobs(), new I18n("sq"), Clock.fixed(NOW, ZoneOffset.UTC), 7, () -> "ticket-1");
        vm.onPaid(paid::add);
        vm.customerCode().set("100001");
        vm.lookUp();
    }

    @Test
    void theTickedBillsMakeTheAmountInTheAlbanianFormat() {
        assertThat(vm.customer().get().name()).isEqualTo("Dritan Hoxha");
        assertThat(vm.bills()).hasSize(2);
        assertThat(vm.amount().get()).isEqualTo("16 263,19");

        vm.bills().get(1).selected().set(false);

        assertThat(vm.amount().get()).isEqualTo("16 000,00");
        assertThat(vm.billsTotal().get()).contains("16 000,00").contains("16 263,19");
    }

    @Test
    void anAmountIsCheckedOnEveryKeystroke() {
        vm.amount().set("12.345");
        assertThat(vm.amountError().get()).contains("dy shifra");
        assertThat(vm.canPay().get()).isFalse();

        vm.amount().set("20000");
        assertThat(vm.amountError().get()).contains("më e madhe").contains("16 263,19");

        vm.amount().set("16 263,19");
        assertThat(vm.amountError().get()).isNull();
        vm.tendered().set("100");
        assertThat(vm.tenderedError().get()).contains("më e vogël");
        assertThat(vm.canPay().get()).isFalse();

        vm.tendered().set("16300");
        assertThat(vm.change().get()).isEqualTo("Kusuri: 36,81 L");
        assertThat(vm.canPay().get()).isTrue();

        vm.cash().set(false);
        assertThat(vm.change().get()).isEmpty();
        assertThat(vm.canPay().get()).as("a card needs no tendered amount").isTrue();
    }

    @Test
    void aBadCustomerCodeIsRefusedBeforeAskingTheServer() {
        vm.customerCode().set("10 00");
        vm.lookUp();
        assertThat(vm.customerError().get()).contains("shifra");
        assertThat(desk.lookups).isEqualTo(1);
    }

    @Test
    void anOnlinePaymentGoesToTheServerWithTheTicket() {
        vm.amount().set("100,50");
        vm.tendered().set("200");
        assertThat(vm.confirmation().orElseThrow().body()).contains("100,50").contains("njëqind lekë e 50 qindarka").contains("99,50");

        vm.pay();

        PaymentDesk.Request r = desk.requests.get(0);
        assertThat(r.amount()).isEqualTo(10050);
        assertThat(r.tendered()).isEqualTo(20000);
        assertThat(r.ticketId()).isEqualTo("ticket-1");
        assertThat(r.offline()).isFalse();
        assertThat(vm.message().get()).contains("TR01-2026-000001");
        assertThat(paid).extracting(PaymentViewModel.Paid::receipt).containsExactly("TR01-2026-000001");
        assertThat(vm.tendered().get()).isEmpty();
        assertThat(desk.lookups).as("the new balance is fetched").isEqualTo(2);
    }

    @Test
    void withoutTheLinkThePaymentIsTakenOfflineWithALocalReference() {
        desk.online = false;
        vm.amount().set("40");
        vm.tendered().set("50");

        vm.pay();

        PaymentDesk.Request r = desk.requests.get(0);
        assertThat(r.offline()).isTrue();
        assertThat(r.takenAt()).isEqualTo(Instant.parse("2026-11-25T09:00:07Z"));
        assertThat(vm.message().get()).contains("pa lidhje").contains("L-0001");
        assertThat(paid).extracting(PaymentViewModel.Paid::receipt).containsExactly("L-0001");
    }

    @Test
    void aReceiptIssuedOfflineIsReprintedWithASentenceNotABarePath() {
        desk.online = false;
        vm.amount().set("40");
        vm.tendered().set("50");
        vm.pay();

        vm.reprint();
        assertThat(vm.message().get()).isEqualTo("Fatura e lëshuar pa lidhje L-0001 u printua përsëri.");

        desk.noPrinter = true;
        vm.reprint();
        assertThat(vm.message().get()).isEqualTo("Fatura e lëshuar pa lidhje L-0001 nuk u printua: nuk ka printer. U ruajt te "
                + Path.of("offline-L-0001.pdf"));
    }

    @Test
    void aRefusalIsShownAndNothingIsCleared() {
        desk.refusal = "Klienti nuk ekziston më";
        vm.amount().set("40");
        vm.tendered().set("50");
        vm.pay();
        assertThat(vm.message().get()).contains("nuk e pranoi").contains("Klienti nuk ekziston më");
        assertThat(vm.tendered().get()).isEqualTo("50");
        assertThat(paid).isEmpty();
    }

    private static final class FakeDesk implements PaymentDesk {
        boolean online = true;
        boolean noPrinter;
        String refusal;
        int lookups;
        final List<Request> requests = new ArrayList<>();

        @Override
        public Found lookUp(String code) throws ApiException {
            lookups++;
            if (!code.equals("100001")) {
                throw new ApiException(404, "not-found", "no customer", 0);
            }
            return new Found(new Customer("100001", "Dritan Hoxha", "Rruga e Durrësit 1", List.of(
                    new UnpaidBill(1, "2026-10", "16000.00", LocalDate.of(2026, 11, 15)),
                    new UnpaidBill(2, "2026-11", "263.19", LocalDate.of(2026, 12, 15))), "16263.19"), null);
        }

        @Override
        public boolean online() {
            return online;
        }

        @Override
        public Outcome pay(Request request, Customer customer, String summary) {
            requests.add(request);
            if (refusal != null) {
                return new Outcome(null, null, null, refusal, null);
            }
            if (!online) {
                return new Outcome(null, new ReceiptPrinter.Outcome(false, Path.of("offline-L-0001.pdf")), "L-0001", null,
                        Slip.builder().title("offline").build());
            }
            Payment p = new Payment(1, "TR01-2026-000001", request.customerCode(), "100.50", "CASH", "200.00",
                    "99.50", List.of(), NOW, 7, null, "TR01", "ticket-1", false, NOW, false, null, false, null, null, false, null);
            return new Outcome(p, new ReceiptPrinter.Outcome(true, Path.of("TR01-2026-000001.pdf")), null, null, null);
        }

        @Override
        public ReceiptPrinter.Outcome reprint(Payment payment) {
            return new ReceiptPrinter.Outcome(true, Path.of("x.pdf"));
        }

        @Override
        public ReceiptPrinter.Outcome reprint(String offlineReference, Slip receipt) {
            return new ReceiptPrinter.Outcome(!noPrinter, Path.of("offline-" + offlineReference + ".pdf"));
        }
    }
}
