package al.sportel.desktop.queue;

import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/** The counter's keyboard: function keys press buttons (only when enabled) and switch tabs. */
final class Shortcuts {

    private Shortcuts() {
    }

    /** Replaces the scene's shortcuts with these buttons; a disabled button ignores its key. */
    static void install(Scene scene, Map<KeyCombination, Button> keys) {
        scene.getAccelerators().clear();
        keys.forEach((combo, button) -> scene.getAccelerators().put(combo, () -> {
            if (!button.isDisabled()) {
                button.fire();
            }
        }));
    }

    static void tab(Scene scene, KeyCode key, Runnable show) {
        scene.getAccelerators().put(new KeyCodeCombination(key), show);
    }
}
