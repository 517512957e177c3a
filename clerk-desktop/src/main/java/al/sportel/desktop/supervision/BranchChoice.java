package al.sportel.desktop.supervision;

import al.sportel.desktop.app.I18n;
import al.sportel.desktop.app.InlineMessage;
import al.sportel.desktop.app.Jobs;
import al.sportel.model.Branch;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;

/**
 * The administrator's branch picker in the console's header (a supervisor sees only their own branch):
 * the branches load off the FX thread, the console starts on the branch chosen last time if the server
 * still lists it, else on the first one listed (no centre is assumed to exist), and choosing another one
 * switches the whole console to it.
 */
final class BranchChoice {

    private final ComboBox<String> choice;
    private final Jobs jobs;
    private final SupervisorApi api;
    private final Supplier<String> shown;
    private final Runnable unreachable;

    /** {@code shown} is the branch on screen (null before the first); {@code unreachable} runs when the list cannot load. */
    BranchChoice(ComboBox<String> choice, Jobs jobs, SupervisorApi api, Supplier<String> shown, Consumer<String> switchTo,
            Runnable unreachable) {
        this.choice = choice;
        this.jobs = jobs;
        this.api = api;
        this.shown = shown;
        this.unreachable = unreachable;
        choice.setVisible(true);
        choice.setManaged(true);
        choice.valueProperty().addListener((o, was, now) -> {
            if (now != null && !now.equals(shown.get())) {
                switchTo.accept(now);
            }
        });
    }

    /**
     * The branch the console shows, or null after telling the user on {@code message} to create or choose one first
     * (a fresh install has no centre): for the tabs' actions that need one.
     */
    static String shownOrSay(Supplier<String> shown, Label message, I18n i18n) {
        String b = shown.get();
        if (b == null) {
            InlineMessage.show(message, i18n.t("sup.noBranch"));
        }
        return b;
    }

    /** Loads the branches and shows {@code remembered} if listed (null: none remembered), else the first. */
    void start(String remembered) {
        load(remembered);
    }

    /** Loads the list again (a branch was created), keeping the branch shown, or showing the first if none was. */
    void reload() {
        load(shown.get());
    }

    private void load(String preferred) {
        // quietly: the console has not started yet, or the action that changed the list has already shown busy
        jobs.runQuietly(api::branches, list -> {
            List<String> codes = list.stream().map(Branch::code).toList();
            choice.getItems().setAll(codes);
            if (codes.contains(preferred)) {
                choice.setValue(preferred);
            } else if (!codes.isEmpty()) {
                choice.setValue(codes.get(0));
            }
        }, e -> unreachable.run());
    }
}
