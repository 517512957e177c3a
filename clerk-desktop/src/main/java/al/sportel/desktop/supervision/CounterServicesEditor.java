package al.sportel.desktop.supervision;

import al.sportel.model.Board;
import al.sportel.model.Counter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The selected counter's services as the supervisor edits them: the ones it serves first, ticked, in its
 * order of preference, then the branch's other services; reordered and ticked here until saved. The board
 * is fetched again every few seconds, so an edit in progress is kept while the same counter stays selected.
 */
final class CounterServicesEditor {

    private final ObservableList<Board.ServiceLine> lines = FXCollections.observableArrayList();
    private final Map<Long, BooleanProperty> ticked = new HashMap<>();
    private Long editingCounterId;

    /** The services in the order they are shown (and saved). */
    ObservableList<Board.ServiceLine> lines() {
        return lines;
    }

    /** Whether the counter is to serve {@code s}; the check box binds to it. */
    BooleanProperty ticked(Board.ServiceLine s) {
        return ticked.computeIfAbsent(s.id(), id -> new SimpleBooleanProperty());
    }

    /** Starts editing {@code c} (null: nothing selected) as {@code board} has it. */
    void show(Counter c, Board board) {
        editingCounterId = c == null ? null : c.id();
        ticked.values().forEach(p -> p.set(false));
        if (c == null || board == null) {
            lines.clear();
            return;
        }
        board.services().forEach(s -> ticked(s).set(c.serviceIds().contains(s.id())));
        List<Board.ServiceLine> ordered = new ArrayList<>();
        c.serviceIds().forEach(id -> board.services().stream().filter(s -> s.id() == id).findFirst().ifPresent(ordered::add));
        board.services().stream().filter(s -> !c.serviceIds().contains(s.id())).forEach(ordered::add);
        lines.setAll(ordered);
    }

    /** A fresh board: shows {@code selected} again unless it is the counter being edited. */
    void boardChanged(Counter selected, Board board) {
        if (selected == null || editingCounterId == null || selected.id() != editingCounterId) {
            show(selected, board);
        }
    }

    /** Moves the line at {@code index} by {@code by} places; its new index, or -1 when it cannot move. */
    int move(int index, int by) {
        int to = index + by;
        if (index < 0 || to < 0 || to >= lines.size()) {
            return -1;
        }
        lines.add(to, lines.remove(index));
        return to;
    }

    /** The ticked services in the order shown: the counter's new services, first preferred first. */
    List<Long> chosenIds() {
        return lines.stream().map(Board.ServiceLine::id)
                .filter(id -> ticked.containsKey(id) && ticked.get(id).get()).toList();
    }

    /** Saved: the next board shows the counter as the server now has it. */
    void saved() {
        editingCounterId = null;
    }
}
