package al.sportel.desktop.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import al.sportel.model.Board;
import al.sportel.model.Counter;
import al.sportel.model.CounterStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The counter-services check list in plain JUnit: what is shown, reordered, ticked and saved. */
class CounterServicesEditorTest {

    private final CounterServicesEditor editor = new CounterServicesEditor();

    @Test
    void showsTheCounterServicesTickedInItsOrderThenTheOthers() {
        Board board = board(counter(7, 3L, 1L));

        editor.show(board.counters().get(0), board);

        assertThat(editor.lines()).extracting(Board.ServiceLine::letter).containsExactly("C", "A", "B");
        assertThat(editor.lines()).extracting(s -> editor.ticked(s).get()).containsExactly(true, true, false);
        assertThat(editor.chosenIds()).containsExactly(3L, 1L);
    }

    @Test
    void reorderingAndTickingChangeWhatIsSaved() {
        Board board = board(counter(7, 3L, 1L));
        editor.show(board.counters().get(0), board);

        assertThat(editor.move(2, -2)).isZero();
        editor.ticked(service(2, "B")).set(true);
        editor.ticked(service(3, "C")).set(false);

        assertThat(editor.chosenIds()).containsExactly(2L, 1L);
        assertThat(editor.move(0, -1)).as("the first line cannot go up").isEqualTo(-1);
        assertThat(editor.move(-1, 1)).as("nothing selected").isEqualTo(-1);
        assertThat(editor.lines()).extracting(Board.ServiceLine::letter).containsExactly("B", "C", "A");
    }

    @Test
    void aFreshBoardKeepsAnEditInProgressUntilItIsSaved() {
        Board before = board(counter(7, 1L));
        editor.show(before.counters().get(0), before);
        editor.ticked(service(2, "B")).set(true);

        Board after = board(counter(7, 1L, 2L, 3L));
        editor.boardChanged(after.counters().get(0), after);
        assertThat(editor.chosenIds()).as("the supervisor's unsaved choice stays").containsExactly(1L, 2L);

        editor.saved();
        editor.boardChanged(after.counters().get(0), after);
        assertThat(editor.chosenIds()).as("saved: the counter as the server has it").containsExactly(1L, 2L, 3L);
    }

    @Test
    void anotherCounterOrNoneStartsAfresh() {
        Board board = new Board("TR01", LocalDate.of(2026, 11, 25), Instant.EPOCH, 1, List.of(counter(7, 1L), counter(8, 2L)),
                services(), null, List.of(), List.of(), List.of(), List.of());
        editor.show(board.counters().get(0), board);
        editor.ticked(service(3, "C")).set(true);

        editor.boardChanged(board.counters().get(1), board);
        assertThat(editor.chosenIds()).containsExactly(2L);

        editor.boardChanged(null, board);
        assertThat(editor.lines()).isEmpty();
        assertThat(editor.chosenIds()).isEmpty();
    }

    private static Board board(Counter counter) {
        return new Board("TR01", LocalDate.of(2026, 11, 25), Instant.EPOCH, 1, List.of(counter), services(), null,
                List.of(), List.of(), List.of(), List.of());
    }

    private static List<Board.ServiceLine> services() {
        return List.of(service(1, "A"), service(2, "B"), service(3, "C"));
    }

    private static Board.ServiceLine service(long id, String letter) {
        return new Board.ServiceLine(id, letter, "Shërbimi " + letter, "Service " + letter, 0, null, 0, 15, false, 0, 0,
                null, null, 0, null, null, 0);
    }

    private static Counter counter(long id, Long... serviceIds) {
        return new Counter(id, (int) id, "Sporteli " + id, CounterStatus.OPEN, List.of(serviceIds), null, null, null, null);
    }
}
