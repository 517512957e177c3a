package al.sportel.server.auth;

import al.sportel.model.Role;
import al.sportel.model.UserInfo;
import al.sportel.server.http.ApiException;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.function.Predicate;

/** The role and branch rules of API.md: admins everywhere, everyone else only in their branch. */
public final class Access {

    static final String USER_ATTRIBUTE = "sportel.user";
    private static final Role[] STAFF = {Role.CLERK, Role.SUPERVISOR, Role.ADMIN};

    private Access() {
    }

    /** The logged-in user; the auth filter has already refused requests without one. */
    public static UserInfo user(Context ctx) {
        UserInfo u = ctx.attribute(USER_ATTRIBUTE);
        if (u == null) {
            throw ApiException.unauthorized("Log in first");
        }
        return u;
    }

    public static UserInfo requireRole(Context ctx, Role... roles) {
        UserInfo u = user(ctx);
        if (!Arrays.asList(roles).contains(u.role())) {
            throw ApiException.forbidden("A " + u.role() + " may not do this");
        }
        return u;
    }

    public static void requireBranch(UserInfo u, String branchCode) {
        if (!inBranch(u, branchCode)) {
            throw ApiException.forbidden("This belongs to branch " + branchCode + ", not to yours");
        }
    }

    /**
     * {@link #requireBranch}, but a centre that does not exist is a 404 for everyone (API.md: an unknown resource in
     * the path); the lookup runs only for a user who would be refused, so a centre's own requests pay nothing.
     */
    public static void requireBranch(UserInfo u, String branchCode, Predicate<String> exists) {
        if (!inBranch(u, branchCode)) {
            if (!exists.test(branchCode)) {
                throw ApiException.notFound("No branch " + branchCode);
            }
            throw ApiException.forbidden("This belongs to branch " + branchCode + ", not to yours");
        }
    }

    /** Staff who act at counters: clerks, supervisors and admins. */
    public static UserInfo requireStaff(Context ctx) {
        return requireRole(ctx, STAFF);
    }

    /** What {@link #requireStaff} and {@link #requireBranch} let through, for a user as she is now. */
    public static boolean staffOf(UserInfo u, String branchCode) {
        return Arrays.asList(STAFF).contains(u.role()) && inBranch(u, branchCode);
    }

    /** The request's bearer token; the auth filter has already refused requests without a valid one. */
    public static String token(Context ctx) {
        return AuthRoutes.bearer(ctx);
    }

    private static boolean inBranch(UserInfo u, String branchCode) {
        return u.role() == Role.ADMIN || branchCode.equals(u.branchCode());
    }
}
