package al.sportel.desktop.supervision;

import al.sportel.desktop.app.I18n;
import al.sportel.model.Board;
import al.sportel.model.CounterStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A place a waiting ticket can be moved to: a service (any counter) or one counter; exactly one id is set. */
record MoveTarget(Long serviceId, Long counterId, String label) {

    /** Every service of the board, then every counter not closed, labelled for the list the supervisor picks from. */
    static List<MoveTarget> of(Board b, I18n i18n, Function<Board.ServiceLine, String> name) {
        List<MoveTarget> targets = new ArrayList<>();
        b.services().forEach(s -> targets.add(new MoveTarget(s.id(), null, i18n.t("sup.toService", s.letter() + " " + name.apply(s)))));
        b.counters().stream().filter(c -> c.status() != CounterStatus.CLOSED) // the server refuses a closed one
                .forEach(c -> targets.add(new MoveTarget(null, c.id(), i18n.t("sup.toCounter", c.number()))));
        return targets;
    }

    @Override
    public String toString() {
        return label;
    }
}
