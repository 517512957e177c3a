package al.sportel.desktop.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import al.sportel.desktop.app.DirectJobs;
import al.sportel.desktop.app.I18n;
import al.sportel.model.Board;
import al.sportel.model.BranchReport;
import al.sportel.model.Counter;
import al.sportel.model.CounterStatus;
import al.sportel.model.Ticket;
import al.sportel.model.TicketStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The board's actions on what the supervisor selected, in plain JUnit with a fake server behind {@link BoardDesk}. */
class BoardViewModelTest {

    private final I18n i18n = new I18n("sq");
    private final List<String> sent = new ArrayList<>();
    private final List<String> busyWhile = new ArrayList<>();
    private final DirectJobs jobs = new DirectJobs();
    private double noShowRate;
    private final BoardViewModel vm = new BoardViewModel(new RecordingDesk(), jobs, i18n, "TR01");
    private final Counter counter = new Counter(7, 3, "Sporteli 3", CounterStatus.OPEN, List.of(1L), null, null, null, null);
    private final Ticket ticket = new Ticket("t1", "P001", 1, "P", "TR01", TicketStatus.WAITING, false, Instant.EPOCH,
            null, null, null, null, 1, 0, null, null);

    @Test
    void withNothingSelectedEachActionSaysWhatToChooseAndSendsNothing() {
        vm.counterAction(null, "open");
        assertThat(vm.message().get()).isEqualTo(i18n.t("sup.select.counter"));
        vm.setServices(null, List.of(1L), () -> { });
        assertThat(vm.message().get()).isEqualTo(i18n.t("sup.select.counter"));
        vm.togglePriority(null);
        assertThat(vm.message().get()).isEqualTo(i18n.t("sup.select.ticket"));
        vm.cancel(null);
        assertThat(vm.message().get()).isEqualTo(i18n.t("sup.select.ticket"));
        vm.transfer(null, new MoveTarget(1L, null, "P"));
        assertThat(vm.message().get()).isEqualTo(i18n.t("sup.select.ticket"));
        vm.transfer(ticket, null);
        assertThat(vm.message().get()).isEqualTo(i18n.t("sup.select.target"));
        vm.setServices(counter, List.of(), () -> { });
        assertThat(vm.message().get()).isEqualTo(i18n.t("sup.select.services"));

        assertThat(sent).isEmpty();
    }

    @Test
    void anActionOnTheSelectionIsSentThenTheBoardIsFetchedAgain() {
        List<Boolean> saved = new ArrayList<>();

        vm.counterAction(counter, "pause");
        vm.setServices(counter, List.of(2L, 1L), () -> saved.add(true));
        vm.transfer(ticket, new MoveTarget(null, 8L, "Sporteli 8"));
        vm.togglePriority(ticket);
        vm.cancel(ticket);

        assertThat(sent).containsExactly("counter 7 pause", "board TR01", "services 7 [2, 1]", "board TR01",
                "transfer t1 null 8", "board TR01", "priority t1 true", "board TR01", "cancel t1", "board TR01");
        assertThat(saved).containsExactly(true);
        assertThat(vm.message().get()).isNull();
    }

    @Test
    void loadingTheBoardLeavesTheButtonsUsableWhileAnActionDisablesThem() {
        vm.refresh();
        vm.counterAction(counter, "open");

        assertThat(busyWhile).as("busy (buttons disabled) during each request")
                .containsExactly("board false", "counter true", "board false");
        assertThat(jobs.busy().get()).isFalse();
    }

    @Test
    void theNoShowShareIsWrittenTheWayOfTheChosenLanguage() {
        noShowRate = 0.125;
        vm.refresh();
        assertThat(vm.today().get()).endsWith("mosparaqitje 12,5 %");
        BoardViewModel english = new BoardViewModel(new RecordingDesk(), jobs, new I18n("en"), "TR01");
        english.refresh();
        assertThat(english.today().get()).endsWith("no-shows 12.5%");

        BranchReport.ServiceFigures pay = new BranchReport.ServiceFigures(1L, "P", "Pagesa", "Payments", 48, 40, 6, 2, 0.125, null, null,
                null, null);
        assertThat(ReportsPane.noShows(i18n, pay)).isEqualTo("6 (12,5 %)");
        assertThat(ReportsPane.noShows(new I18n("en"), pay)).isEqualTo("6 (12.5%)");
        assertThat(i18n.percent(0)).isEqualTo("0 %");
        assertThat(i18n.percent(0.33333)).as("one decimal at most").isEqualTo("33,3 %");
        assertThat(new I18n("en").percent(1)).isEqualTo("100%");
    }

    private final class RecordingDesk implements BoardDesk {
        @Override
        public Board board(String branch) {
            sent.add("board " + branch);
            busyWhile.add("board " + jobs.busy().get());
            return new Board(branch, LocalDate.of(2026, 11, 25), Instant.EPOCH, 1, List.of(counter), List.of(),
                    new Board.Totals(0, 0, 0, 0, null, null, noShowRate), List.of(), List.of(), List.of(ticket), List.of());
        }

        @Override
        public void counterAction(long counterId, String action) {
            sent.add("counter " + counterId + " " + action);
            busyWhile.add("counter " + jobs.busy().get());
        }

        @Override
        public void setServices(long counterId, List<Long> serviceIds) {
            sent.add("services " + counterId + " " + serviceIds);
        }

        @Override
        public void transfer(String ticketId, Long serviceId, Long counterId) {
            sent.add("transfer " + ticketId + " " + serviceId + " " + counterId);
        }

        @Override
        public void priority(String ticketId, boolean priority) {
            sent.add("priority " + ticketId + " " + priority);
        }

        @Override
        public void cancel(String ticketId) {
            sent.add("cancel " + ticketId);
        }
    }
}
