package al.sportel.desktop.api;

import al.sportel.model.Problem.FieldError;
import java.util.List;

/**
 * The server refused a request (a problem+json answer), could not be reached ({@code status == 0}),
 * the client itself failed ({@code status == -1}, see {@link #bug}), or a local file did ({@code -2}).
 * {@code detail} is the server's English explanation (with the fields it named), shown to the clerk as is only
 * when the desktop has no text of its own for the problem's {@code type} and {@code errors}.
 */
public class ApiException extends Exception {

    private final int status;
    private final String type;
    private final long retryAfterSeconds;
    private final List<FieldError> errors;

    public ApiException(int status, String type, String detail, long retryAfterSeconds) {
        this(status, type, detail, retryAfterSeconds, List.of());
    }

    /** The server's refusal, with the fields it named. */
    public ApiException(Refusal refusal, long retryAfterSeconds) {
        this(refusal.status(), refusal.type(), refusal.serverWords(), retryAfterSeconds, refusal.errors());
    }

    private ApiException(int status, String type, String detail, long retryAfterSeconds, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.type = type;
        this.retryAfterSeconds = retryAfterSeconds;
        this.errors = errors;
    }

    public static ApiException unreachable(Throwable cause) {
        ApiException e = new ApiException(0, "unreachable", cause.getMessage(), 0);
        e.initCause(cause);
        return e;
    }

    /** A failure that is neither a refusal nor a lost connection: a bug in this program (status -1). */
    public static ApiException bug(Throwable cause) {
        ApiException e = new ApiException(-1, "bug", String.valueOf(cause), 0);
        e.initCause(cause);
        return e;
    }

    /** A file on this computer could not be written or read (status -2): access denied, a missing folder. */
    public static ApiException localFile(Throwable cause) {
        ApiException e = new ApiException(-2, "local-file", cause.getMessage(), 0);
        e.initCause(cause);
        return e;
    }

    public boolean bug() {
        return status == -1;
    }

    public boolean localFile() {
        return status == -2;
    }

    public boolean unreachable() {
        return status == 0;
    }

    public int status() {
        return status;
    }

    /** The last part of the problem type, e.g. {@code bad-credentials}. */
    public String type() {
        return type;
    }

    /** The fields the server named and why, in its words; empty when it named none. */
    public List<FieldError> errors() {
        return errors;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
