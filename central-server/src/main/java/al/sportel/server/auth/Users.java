package al.sportel.server.auth;

import al.sportel.model.Role;
import al.sportel.model.UserInfo;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.Handle;

/** Reading a user as the API shows it, from a row that selected username, display_name and role. */
public final class Users {

    private Users() {
    }

    /** {@code idColumn} and {@code branchColumn} name the user's id and branch in the row (joins rename them). */
    public static UserInfo fromRow(ResultSet rs, String idColumn, String branchColumn) throws SQLException {
        return new UserInfo(rs.getLong(idColumn), rs.getString("username"), rs.getString("display_name"),
                Role.valueOf(rs.getString("role")), rs.getString(branchColumn));
    }

    public static UserInfo byId(Handle h, long id) {
        return h.createQuery("SELECT id, username, display_name, role, branch_code FROM users WHERE id = :u")
                .bind("u", id).map((rs, ctx) -> fromRow(rs, "id", "branch_code")).one();
    }
}
