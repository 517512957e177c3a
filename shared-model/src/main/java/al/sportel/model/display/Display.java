package al.sportel.model.display;

import java.util.List;

/** {@code GET /api/v1/public/branches/{code}/display}: the waiting-room screen's snapshot. */
public record Display(String branchCode, String branchName, long lastEventId, List<DisplayCall> calls,
                      List<DisplayWaiting> waiting) {
}
