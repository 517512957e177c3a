package al.sportel.server.http;

import java.sql.SQLException;
import java.util.StringJoiner;

/**
 * Describes a failure for the log without any exception message: JDBI and the JDBC drivers put the
 * statement's bound values (names, phone numbers, password hashes) into their messages.
 */
public final class SafeErrors {

    private static final int FRAMES = 6;

    private SafeErrors() {
    }

    public static String describe(Throwable e) {
        StringJoiner chain = new StringJoiner(" <- ");
        Throwable root = e;
        for (Throwable t = e; t != null; t = t.getCause()) {
            String name = t.getClass().getSimpleName();
            if (t instanceof SQLException sql) {
                name += "(SQLState " + sql.getSQLState() + ")";
            }
            chain.add(name);
            root = t;
            if (t.getCause() == t) {
                break;
            }
        }
        StringBuilder sb = new StringBuilder(chain.toString());
        StackTraceElement[] frames = root.getStackTrace();
        for (int i = 0; i < Math.min(FRAMES, frames.length); i++) {
            sb.append("\n\tat ").append(frames[i]);
        }
        for (StackTraceElement f : e.getStackTrace()) {
            if (f.getClassName().startsWith("al.sportel.")) {
                sb.append("\n\tfrom ").append(f);
                break;
            }
        }
        return sb.toString();
    }
}
