package al.sportel.desktop.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import al.sportel.desktop.app.DirectJobs;
import al.sportel.desktop.app.I18n;
import al.sportel.desktop.billing.ReceiptPrinter;
import al.sportel.model.cases.CaseCategory;
import al.sportel.model.cases.CaseView;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The complaint form's logic without a toolkit: what the clerk reads once a case is registered, and of its slip. */
class CaseFormViewModelTest {

    private static final Path SAVED = Path.of("slips", "ANK-2026-ABC123.pdf");

    private final FakeDesk desk = new FakeDesk();
    private CaseFormViewModel vm;

    @BeforeEach
    void setUp() {
        vm = new CaseFormViewModel(desk, new DirectJobs(), new I18n("sq"), () -> null);
        vm.loadCategories();
        vm.name().set("Arta Kola");
        vm.description().set("Fatura e nëntorit është dyfishi i zakonshmes.");
    }

    @Test
    void aRegisteredCaseSaysItsCodeAndWhatBecameOfTheSlipInASentence() {
        vm.save();
        assertThat(vm.message().get()).isEqualTo("U regjistrua me kodin ANK-2026-ABC123. Fleta për qytetarin u printua.");

        desk.slip = new ReceiptPrinter.Outcome(false, SAVED);
        vm.printSlip();
        assertThat(vm.message().get()).isEqualTo("U regjistrua me kodin ANK-2026-ABC123. Nuk ka printer: fleta për qytetarin u ruajt te "
                + SAVED);

        desk.slip = null;
        vm.description().set("Njehsori nuk shfaq asgjë që nga e hëna."); // the form empties the description once saved
        vm.save();
        assertThat(vm.message().get()).isEqualTo(
                "U regjistrua me kodin ANK-2026-ABC123, por fleta për qytetarin nuk u printua: shtypni «Printo fletën».");
    }

    private static final class FakeDesk implements CaseDesk {
        ReceiptPrinter.Outcome slip = new ReceiptPrinter.Outcome(true, SAVED);
        private final CaseView registered = new CaseView(1, CaseView.COMPLAINT, "ANK-2026-ABC123", "BILLING", "OPEN", false, null,
                "Arta Kola", null, null, "Fatura e nëntorit është dyfishi i zakonshmes.", "TR01", null, "COUNTER",
                Instant.parse("2026-11-25T08:00:00Z"), Instant.parse("2026-12-10T08:00:00Z"), List.of());

        @Override
        public List<CaseCategory> categories(boolean complaint) {
            return List.of(new CaseCategory("BILLING", "Faturimi", "Billing", 15));
        }

        @Override
        public Submitted submit(Request request, String summary) {
            return new Submitted(registered, slip, 1, "L-0001", null);
        }

        @Override
        public Optional<Submitted> settled(long outboxId) {
            return Optional.empty();
        }

        @Override
        public ReceiptPrinter.Outcome printSlip(CaseView c) {
            return slip;
        }

        @Override
        public ReceiptPrinter.Outcome printLocalSlip(String reference, Request request) {
            return slip;
        }
    }
}
