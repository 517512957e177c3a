package al.sportel.desktop.complaints;

import al.sportel.slip.Slip;
import java.util.List;

/**
 * The 80 mm paper a citizen takes home when a complaint is taken without the link: the local
 * reference, what was filed, and where and when the real tracking code can be found. Drawn by the
 * shared slip renderers, so it prints on a thermal printer as well (docs/decisions/0006-one-slip-renderer.md).
 */
final class OfflineCaseSlip {

    private OfflineCaseSlip() {
    }

    /** {@code title} first, then label/value rows, then the note wrapped to the paper. */
    static Slip slip(String title, List<String[]> rows, String note) {
        Slip.Builder slip = Slip.builder().title("Sportel").title(title).rule();
        rows.forEach(r -> slip.row(r[0], r[1]));
        return slip.rule().paragraph(note).build();
    }
}
