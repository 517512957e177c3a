package al.sportel.desktop.supervision;

import al.sportel.desktop.app.I18n;
import al.sportel.desktop.app.Tables;
import al.sportel.model.Board;
import al.sportel.model.Counter;
import al.sportel.model.Ticket;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.util.StringConverter;

/**
 * The board's three tables (their columns and how a row looks) and the counter-services check list. The service table has nine figures
 * on half a 1366-pixel screen, so its headers are short and may take two lines (see the
 * {@code sup.head.*} keys) rather than being cut to "Pritja…".
 */
final class BoardTables {

    private final I18n i18n;
    private final Supplier<Board> board;
    private final BoardViewModel vm;

    BoardTables(I18n i18n, BoardViewModel vm) {
        this.i18n = i18n;
        this.vm = vm;
        this.board = () -> vm.board().get();
    }

    void counters(TableView<Counter> table) {
        table.getColumns().setAll(List.of(
                Tables.column(i18n.t("sup.col.counter"), (Counter c) -> String.valueOf(c.number())),
                Tables.column(i18n.t("sup.col.status"), (Counter c) -> i18n.t("counter.status." + c.status().name())),
                Tables.column(i18n.t("sup.col.clerk"), (Counter c) -> c.clerk() == null ? "—" : c.clerk().displayName()),
                Tables.column(i18n.t("sup.col.ticket"), (Counter c) -> c.currentTicket() == null ? "—" : c.currentTicket().number()),
                Tables.column(i18n.t("sup.col.since"), this::since),
                Tables.column(i18n.t("sup.col.services"), (Counter c) -> c.serviceIds().stream().map(this::letter)
                        .collect(Collectors.joining(" › ")))));
        constrained(table);
    }

    void services(TableView<Board.ServiceLine> table) {
        List<TableColumn<Board.ServiceLine, String>> columns = List.of(
                Tables.column(i18n.t("sup.col.service"), (Board.ServiceLine s) -> s.letter() + " " + vm.name(s)),
                Tables.column(i18n.t("sup.head.waiting"), (Board.ServiceLine s) -> String.valueOf(s.waiting())),
                Tables.column(i18n.t("sup.head.longest"), (Board.ServiceLine s) -> BoardViewModel.seconds(s.longestWaitSeconds())),
                Tables.column(i18n.t("sup.head.estimate"), (Board.ServiceLine s) -> BoardViewModel.seconds((long) s.estimatedWaitSeconds())),
                Tables.column(i18n.t("sup.head.served"), (Board.ServiceLine s) -> String.valueOf(s.served())),
                Tables.column(i18n.t("sup.head.avgWait"), (Board.ServiceLine s) -> BoardViewModel.seconds(s.averageWaitSeconds())),
                Tables.column(i18n.t("sup.head.avgService"), (Board.ServiceLine s) -> BoardViewModel.seconds(s.averageServiceSeconds())),
                Tables.column(i18n.t("sup.head.noShow"), (Board.ServiceLine s) -> i18n.percent(s.noShowRate())),
                Tables.column(i18n.t("sup.head.threshold"), (Board.ServiceLine s) -> s.maxWaitMinutes() + " min"));
        table.getColumns().setAll(columns);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(Board.ServiceLine item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("over-threshold");
                if (!empty && item != null && item.overThreshold()) {
                    getStyleClass().add("over-threshold");
                }
            }
        });
        constrained(table);
    }

    void waiting(TableView<Ticket> table) {
        table.getColumns().setAll(List.of(
                Tables.column(i18n.t("sup.col.number"), Ticket::number),
                Tables.column(i18n.t("sup.col.service"), (Ticket t) -> letter(t.serviceId())),
                Tables.column(i18n.t("sup.col.issued"), (Ticket t) -> I18n.between(t.issuedAt(), Instant.now())),
                Tables.column(i18n.t("sup.col.note"), (Ticket t) -> t.priority() ? i18n.t("queue.note.priority")
                        : t.targetCounterId() != null ? i18n.t("queue.note.transferred") : "")));
        constrained(table);
    }

    /** The selected counter's services: a check box each, in the editor's order. */
    void counterServices(ListView<Board.ServiceLine> list, CounterServicesEditor editor) {
        list.setItems(editor.lines());
        list.setCellFactory(CheckBoxListCell.forListView(editor::ticked, new StringConverter<>() {
            @Override
            public String toString(Board.ServiceLine s) {
                return s == null ? "" : s.letter() + " " + vm.name(s);
            }

            @Override
            public Board.ServiceLine fromString(String s) {
                return null;
            }
        }));
    }

    private static void constrained(TableView<?> table) {
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    }

    private String since(Counter c) {
        Ticket t = c.currentTicket();
        if (t == null) {
            return "";
        }
        Instant from = t.startedAt() != null ? t.startedAt() : t.calledAt();
        return from == null ? "" : I18n.between(from, Instant.now());
    }

    String letter(long serviceId) {
        Board b = board.get();
        if (b == null) {
            return "?";
        }
        return b.services().stream().filter(s -> s.id() == serviceId).map(Board.ServiceLine::letter).findFirst().orElse("?");
    }
}
