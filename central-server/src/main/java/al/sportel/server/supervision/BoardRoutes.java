package al.sportel.server.supervision;

import al.sportel.model.Role;
import al.sportel.model.UserInfo;
import al.sportel.server.auth.Access;
import io.javalin.Javalin;

/** {@code GET /api/v1/branches/{code}/board}: the supervisor's live board (SUPERVISOR of the branch, or ADMIN). */
public final class BoardRoutes {

    private final BoardService board;

    public BoardRoutes(BoardService board) {
        this.board = board;
    }

    public void register(Javalin app) {
        app.get("/api/v1/branches/{code}/board", ctx -> {
            UserInfo user = Access.requireRole(ctx, Role.SUPERVISOR, Role.ADMIN);
            String code = ctx.pathParam("code");
            Access.requireBranch(user, code, board::branchExists);
            ctx.json(board.board(code));
        });
    }
}
