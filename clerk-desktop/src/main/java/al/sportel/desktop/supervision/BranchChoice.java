package al.sportel.desktop.supervision;

import al.sportel.desktop.app.Jobs;
import al.sportel.model.Branch;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.control.ComboBox;

/**
 * The administrator's branch picker in the console's header (a supervisor sees only their own branch):
 * the branches load off the FX thread, and choosing another one switches the whole console to it.
 */
final class BranchChoice {

    private BranchChoice() {
    }

    /** Shows {@code choice} with {@code branch} chosen; {@code unreachable} runs when the list cannot load. */
    static void install(ComboBox<String> choice, Jobs jobs, SupervisorApi api, Supplier<String> branch,
            Consumer<String> switchTo, Runnable unreachable) {
        choice.setVisible(true);
        choice.setManaged(true);
        jobs.run(api::branches, list -> {
            choice.getItems().setAll(list.stream().map(Branch::code).toList());
            choice.setValue(branch.get());
            choice.valueProperty().addListener((o, was, now) -> {
                if (now != null && !now.equals(branch.get())) {
                    switchTo.accept(now);
                }
            });
        }, e -> unreachable.run());
    }
}
